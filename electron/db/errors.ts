import { UserError, type Problem } from '../../shared/errors';

/** Why a database file was not opened; in every case the file was left exactly as it was. */
export type DatabaseRefusal =
  | 'foreign' // another application's file, or not SQLite at all
  | 'too-new' // written by a newer version of the app
  | 'damaged' // SQLite's check found damage
  | 'unreadable' // SQLite could not read it for another reason (locked, an unfinished journal of another program)
  | 'missing' // a read-only open of a file that does not exist (or holds nothing)
  | 'no-folder' // a new database in a folder that does not exist
  | 'not-a-file' // a folder, a device, a socket
  | 'needs-upgrade' // a read-only open of a database that a newer app must migrate first
  | 'no-backup'; // the copy an upgrade starts with could not be written beside it

export class DatabaseRefusedError extends UserError {
  constructor(
    readonly reason: DatabaseRefusal,
    /** The database's path as the user gave it ("" for an in-memory one). */
    readonly file: string,
    headline: string,
    problems: readonly Problem[] = [],
  ) {
    super(headline, problems, file || undefined);
    this.name = 'DatabaseRefusedError';
  }
}

const named = (file: string | undefined): string => (file ? `The database ${file}` : 'This database');

export class DatabaseTooNewError extends DatabaseRefusedError {
  constructor(
    readonly found: number,
    readonly supported: number,
    file?: string,
  ) {
    super(
      'too-new',
      file ?? '',
      `${named(file)} was written by a newer version of CDT Workbench (schema ${found}; this version knows up to ${supported}); ` +
        'nothing in it was changed. Open it with the newer version, or choose another database.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

/** SQLite's own refusals that a user can act on, in words that say what to do. */
const SQLITE_PROBLEMS: Readonly<Record<string, string>> = {
  SQLITE_BUSY: 'is busy: another program (the app, or another command) held it for more than 5 seconds. Nothing was changed; try again.',
  SQLITE_LOCKED: 'is busy: another program is using it. Nothing was changed; try again.',
  SQLITE_READONLY: 'cannot be written: the file or its folder is read-only. Nothing was changed.',
  SQLITE_FULL: 'cannot be written: the disk is full. Nothing was changed; free some space and try again.',
  SQLITE_CORRUPT: 'is damaged. Nothing more was written; restore a backup (they lie beside it) or move it aside.',
  SQLITE_NOTADB: 'is not a database CDT Workbench can read.',
  SQLITE_IOERR: 'could not be read or written (an input/output error: a removed disk, a failing drive). Try again once the disk is back.',
  SQLITE_CANTOPEN: 'cannot be opened: check that the file and its folder exist and may be read.',
};

/**
 * A database error as a refusal the user can act on (busy, read-only, disk full, damaged), or
 * null for one that is a fault of the app. SQLite's extended codes (SQLITE_IOERR_WRITE) count
 * as their primary code.
 */
export function databaseProblem(error: unknown, file: string): UserError | null {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  const primary = Object.keys(SQLITE_PROBLEMS).find((known) => code === known || code.startsWith(`${known}_`));
  return primary ? new UserError(`${named(file || undefined)} ${SQLITE_PROBLEMS[primary]}`) : null;
}
