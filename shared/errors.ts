/**
 * The one error a user can act on, wherever it is raised (a service, a file check, a CLI
 * argument): a message and, where it applies, problems each with a path in the input
 * ("injects[0].offsetMinutes") and what is wrong there. It crosses IPC as ErrorData and the
 * command line prints it one line per problem; anything that is not a UserError is a bug,
 * logged and reported as unexpected.
 */
export interface Problem {
  /** Where in the input: a dotted path with [index] for array items; "" for the input as a whole. */
  readonly path: string;
  readonly message: string;
}

/** At most this many problems are kept: a thoroughly broken file should not print a novel. */
export const MAX_PROBLEMS = 50;

function capped(problems: readonly Problem[]): readonly Problem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_PROBLEMS), { path: '', message: `... and ${problems.length - MAX_PROBLEMS} more problems.` }];
}

export class UserError extends Error {
  override name = 'UserError';
  readonly problems: readonly Problem[];
  constructor(
    /** What happened, in one sentence; "" when the problems say it all. */
    readonly headline: string,
    problems: readonly Problem[] = [],
    /** The file or input the problems are in, when there is one (a package's file name). */
    readonly source?: string,
  ) {
    const kept = capped(problems);
    // The message is the whole text, for anyone who shows only that.
    super([headline, ...problemLinesOf(kept, source)].filter((line) => line.length > 0).join('\n'));
    this.problems = kept;
  }
}

/** How an error travels as data (over IPC). */
export interface ErrorData {
  /** "user": something the user can act on; "unexpected": a fault of the app, logged. */
  readonly kind: 'user' | 'unexpected';
  /** The whole text: the headline, then one line per problem. */
  readonly message: string;
  readonly headline: string;
  readonly problems: readonly Problem[];
  readonly source?: string;
}

export const problemText = (p: Problem): string => (p.path ? `${p.path}: ${p.message}` : p.message);

function problemLinesOf(problems: readonly Problem[], source: string | undefined): string[] {
  const prefix = source ? `${source}: ` : '';
  return problems.map((p) => prefix + problemText(p));
}

/** What the command line prints: the headline, then one line per problem, each naming the file. */
export const problemLines = (error: UserError): string[] => error.message.split('\n');

export function errorData(error: UserError, kind: ErrorData['kind'] = 'user'): ErrorData {
  return {
    kind,
    message: error.message,
    headline: error.headline,
    problems: error.problems,
    ...(error.source !== undefined ? { source: error.source } : {}),
  };
}

/** Rebuilds the error on the receiving side (the renderer), keeping its problems. */
export const errorFromData = (data: ErrorData): UserError => new UserError(data.headline, data.problems, data.source);
