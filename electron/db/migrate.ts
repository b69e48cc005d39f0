import { UserError } from '../../shared/errors';
import type Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: Database.Database) => void;
}

export class DatabaseTooNewError extends UserError {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This database was written by a newer version of CDT Workbench (schema ${found}; this version knows up to ${supported}). ` +
        'Open it with the newer version, or choose another database.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

/** Applies the pending migrations in order, each in its own transaction with its version. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length;
  if (current > latest) throw new DatabaseTooNewError(current, latest);
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      migration.up(db);
      // user_version cannot be bound as a parameter; the number comes from our own registry.
      db.pragma(`user_version = ${Number(migration.version)}`);
    })();
  }
}
