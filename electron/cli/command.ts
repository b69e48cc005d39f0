import type { Workbench } from '../workbench';
import { listExercises } from '../exercise/exercises';
import { ExerciseError } from '../exercise/errors';
import { checkWritableTarget, databaseFiles, writeFileSafely } from '../files/write';
import { stringOption, type OptionSpec, type ParsedArgs } from './args';
import { CHROMIUM_NAMES, findChromium } from '../report/pdf';
import { UserError } from '../../shared/errors';
import { readTextFile } from '../files/read';
import { PASSPHRASE_LIMITS } from '../../shared/exchange/format';

/** What every command of the command line is made of, and the helpers they share. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Where unexpected errors are logged (default: the app's user-data folder). */
  readonly logDir?: string;
}

export interface Context {
  readonly args: ParsedArgs;
  readonly io: CliIo;
}

/**
 * One entry per command: its options (anything else is a usage error), whether it opens the
 * database, and what it does. The positionals it gets exclude the command's own words.
 */
export type Command = { readonly options: OptionSpec } & (
  /** "read": opened read-only when it exists and is current, so reading changes nothing. */
  | { readonly database: 'read' | 'write'; readonly run: (context: Context & { readonly wb: Workbench }) => number }
  | { readonly database: false; readonly run: (context: Context) => number }
);

export const json = (io: CliIo, value: unknown): void => io.out(JSON.stringify(value, null, 2));
export const JSON_OPTION: OptionSpec = { json: { type: 'boolean' } };

/** An exercise named by its id or, for people at a terminal, by its exact name (case aside). */
export function findExerciseId(wb: Workbench, idOrName: string): string {
  const exercises = listExercises(wb.db);
  if (exercises.some((e) => e.id === idOrName)) return idOrName;
  const named = exercises.filter((e) => e.name.toLowerCase() === idOrName.toLowerCase());
  if (named.length === 1) return named[0]!.id;
  if (named.length > 1) throw new ExerciseError(`${named.length} exercises are named "${idOrName}"; give the id (cdt exercise list shows them).`);
  throw new ExerciseError(`There is no exercise with id or name "${idOrName}" (cdt exercise list shows them).`);
}

/** An output file named on the command line: checked before the work, so a bad --out costs nothing. */
export function outputFile(wb: Workbench, args: ParsedArgs): string | undefined {
  const out = stringOption(args, 'out');
  if (out !== undefined) checkWritableTarget(out, databaseFiles(wb.db.name));
  return out;
}

export const write = (wb: Workbench, out: string, content: string | Uint8Array): void => writeFileSafely(out, content, databaseFiles(wb.db.name));


/** The Chromium that prints a PDF: --chromium, or the one on the PATH; looked for before the work, so a missing one is said at once. */
export function chromiumFor(args: ParsedArgs): string {
  const named = stringOption(args, 'chromium');
  const chromium = findChromium(named);
  if (chromium !== null) return chromium;
  throw new UserError(
    named
      ? `--chromium ${named} is not an executable file.`
      : `No Chromium found on PATH (looked for ${CHROMIUM_NAMES.join(', ')}); install one or name it with --chromium PATH.`,
  );
}

export const PASSPHRASE_OPTION = { 'passphrase-file': { type: 'string' } } as const;

/** The passphrase in a file (so it is in no shell history): its text, less the line break an editor adds. */
export function passphraseOption(args: ParsedArgs): string | null {
  const file = stringOption(args, 'passphrase-file');
  if (file === undefined) return null;
  return readTextFile(file, PASSPHRASE_LIMITS.max * 4 + 2).replace(/\r?\n$/, '');
}

