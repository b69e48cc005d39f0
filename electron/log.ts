import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { defaultUserDataDir } from './paths';

/**
 * Where faults go. An error that is not a UserError is a bug: the user sees one sentence and
 * the log's place, the log keeps the stack for whoever fixes it. Nothing leaves the machine.
 */
export const LOG_FILE_NAME = 'cdt-workbench.log';
export const defaultLogDir = (): string => join(defaultUserDataDir(), 'logs');

/** Appends the error with its stack; returns the log file's path, or null if it cannot be written. */
export function logUnexpected(error: unknown, dir = defaultLogDir(), now = new Date()): string | null {
  const file = join(dir, LOG_FILE_NAME);
  const details = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  try {
    mkdirSync(dir, { recursive: true });
    appendFileSync(file, `${now.toISOString()} unexpected error\n${details}\n\n`);
    return file;
  } catch {
    return null;
  }
}
