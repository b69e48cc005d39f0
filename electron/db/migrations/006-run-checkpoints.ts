import type { Migration } from './migration';

/**
 * A run's snapshot moves out of its row into a checkpoint: the state after event `seq`.
 * Stored in the runs row and written with every event, it made each append cost the size
 * of the run (SQLite rewrites a whole row, overflow pages and all, on any update, so even
 * updating the head hash beside it did). The event rows remain the record; the current state
 * is the checkpoint with the events after it replayed, and the run service writes a new
 * checkpoint only now and then. Every existing snapshot is current: its seq is the run's count.
 */
export const runCheckpoints: Migration = {
  version: 6,
  name: 'run-checkpoints',
  up(db) {
    db.exec(`
      CREATE TABLE run_checkpoints (
        run_id TEXT PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL CHECK (seq >= 0),
        snapshot TEXT NOT NULL
      );
      INSERT INTO run_checkpoints (run_id, seq, snapshot) SELECT id, event_count, snapshot FROM runs;
      ALTER TABLE runs DROP COLUMN snapshot;
    `);
  },
};
