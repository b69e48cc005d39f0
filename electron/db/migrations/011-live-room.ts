import type { Migration } from './migration';

/**
 * The live room: a delegation can join an exercise under way (joined_at; null for those it
 * was created with); an exercise's clock can end (clock_ended_at; the clock stays paused, so every
 * earlier reading keeps its meaning) and be adjusted, each adjustment with its reason; a
 * release can be withdrawn, the release kept; a facilitator's note can be edited or deleted,
 * every earlier text kept in note_revisions and a deleted note kept, marked.
 */
export const liveRoomTables: Migration = {
  version: 11,
  name: 'live-room',
  up(db) {
    db.exec(`
      ALTER TABLE exercises ADD COLUMN clock_ended_at TEXT;
      ALTER TABLE exercise_delegations ADD COLUMN joined_at TEXT;
      CREATE TABLE clock_adjustments (
        exercise_id TEXT NOT NULL REFERENCES exercises (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        elapsed_before_ms INTEGER NOT NULL CHECK (elapsed_before_ms >= 0),
        delta_ms INTEGER NOT NULL CHECK (delta_ms <> 0 AND elapsed_before_ms + delta_ms >= 0),
        reason TEXT NOT NULL,
        PRIMARY KEY (exercise_id, at)
      ) WITHOUT ROWID;
      ALTER TABLE inject_releases ADD COLUMN withdrawn_at TEXT;
      ALTER TABLE inject_releases ADD COLUMN withdrawn_elapsed_ms INTEGER CHECK (withdrawn_elapsed_ms >= 0);
      ALTER TABLE facilitator_notes ADD COLUMN deleted_at TEXT;
      CREATE TABLE note_revisions (
        note_id TEXT NOT NULL REFERENCES facilitator_notes (id) ON DELETE CASCADE,
        replaced_at TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (note_id, replaced_at)
      ) WITHOUT ROWID;
    `);
  },
};
