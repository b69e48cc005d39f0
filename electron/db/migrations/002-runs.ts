import type { Migration } from './migration';

/**
 * Workflow runs: the current snapshot for fast reads, and the append-only, hash-chained
 * log of accepted events that is the record. Paragraphs are referenced by (docRef, anchor)
 * in the events, never by corpus row id, so a corpus rebuild never touches this data.
 */
export const runTables: Migration = {
  version: 2,
  name: 'runs',
  up(db) {
    db.exec(`
      CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        machine_version INTEGER NOT NULL,
        snapshot TEXT NOT NULL,
        event_count INTEGER NOT NULL DEFAULT 0,
        head_hash TEXT NOT NULL
      );
      CREATE TABLE run_events (
        run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        at TEXT NOT NULL,
        event TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        PRIMARY KEY (run_id, seq)
      ) WITHOUT ROWID;
    `);
  },
};
