import type Database from 'better-sqlite3';

/** One numbered step of the schema: its version is its place in the registry (index.ts). */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: Database.Database) => void;
}
