import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { MIGRATIONS } from '../../electron/db/migrations';

/** A database file and its companions as bytes on disk: equal exactly when nothing was written. */
export function fileState(file: string): { readonly sha256: string | null; readonly wal: boolean; readonly shm: boolean; readonly journal: boolean } {
  return {
    sha256: existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : null,
    wal: existsSync(`${file}-wal`),
    shm: existsSync(`${file}-shm`),
    journal: existsSync(`${file}-journal`),
  };
}

/**
 * A database as the versions before application_id left it: migrated to `version`, in WAL
 * mode, unmarked (application_id 0), closed cleanly.
 */
export function legacyDatabase(file: string, version: number): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.transaction(() => {
    for (const migration of MIGRATIONS.slice(0, version)) migration.up(db);
    db.pragma(`user_version = ${version}`);
  })();
  db.close();
}
