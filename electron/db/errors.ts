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
