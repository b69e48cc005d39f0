import Database from 'better-sqlite3';
import type { Migration } from '../../electron/db/migrations/migration';
import { MIGRATIONS } from '../../electron/db/migrations';

/**
 * An in-memory database at the schema just before `migration`, built with the registry's own
 * steps, so that a migration's test seeds exactly what an older app left behind. The steps'
 * `up` is called directly: migrate() would also mark the file and jump to the latest version.
 */
export function databaseBefore(migration: Migration): Database.Database {
  const index = MIGRATIONS.indexOf(migration);
  if (index < 0) throw new Error(`Migration ${migration.name} is not in the registry`);
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const earlier of MIGRATIONS.slice(0, index)) earlier.up(db);
  return db;
}

export interface ColumnInfo {
  readonly name: string;
  readonly type: string;
  readonly notnull: number;
  readonly dflt_value: string | null;
  readonly pk: number;
}

export const columns = (db: Database.Database, table: string): ColumnInfo[] =>
  db.prepare(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)`).all(table) as ColumnInfo[];

export const schemaObjects = (db: Database.Database): string[] =>
  (db.prepare("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
    (row) => row.name,
  );
