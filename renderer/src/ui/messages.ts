import { problemText, UserError } from '../../../shared/errors';

/** The main process's message, one problem per line (file, field and problem), blank lines dropped. */
export const messageLines = (message: string): readonly string[] =>
  message.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);

/**
 * What a refusal says is wrong, one line per problem, for a form that places each at its
 * field: the problems themselves when the error carries them (its headline, "not saved", is
 * the form's to say), else its message's lines.
 */
export const refusalLines = (error: unknown): readonly string[] =>
  error instanceof UserError && error.problems.length > 0
    ? error.problems.map(problemText)
    : messageLines(error instanceof Error ? error.message : String(error));
