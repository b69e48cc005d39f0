import type { Migration } from './migration';

/**
 * Tabletop exercises. An exercise keeps its own copy of the scenario (JSON and hash), so
 * editing or deleting the scenario later never changes an exercise under way or its
 * exported record. Each delegation works in an ordinary run (runs table), so the
 * hash-chained log is the record of the exercise as it is of any other run.
 */
export const exerciseTables: Migration = {
  version: 4,
  name: 'exercises',
  up(db) {
    db.exec(`
      CREATE TABLE scenarios (
        id TEXT PRIMARY KEY,
        origin TEXT NOT NULL CHECK (origin IN ('bundled', 'user', 'imported')),
        title TEXT NOT NULL,
        json TEXT NOT NULL,
        hash TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE exercises (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        scenario_id TEXT NOT NULL, -- where the copy came from; deliberately not a foreign key
        scenario_json TEXT NOT NULL,
        scenario_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        clock_status TEXT NOT NULL CHECK (clock_status IN ('not-started', 'running', 'paused')),
        clock_accumulated_ms INTEGER NOT NULL DEFAULT 0 CHECK (clock_accumulated_ms >= 0),
        clock_running_since TEXT,
        CHECK ((clock_status = 'running') = (clock_running_since IS NOT NULL))
      );
      CREATE TABLE exercise_delegations (
        id TEXT PRIMARY KEY,
        exercise_id TEXT NOT NULL REFERENCES exercises (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        -- No cascade: a run that belongs to an exercise cannot be deleted out from under it.
        run_id TEXT NOT NULL UNIQUE REFERENCES runs (id),
        UNIQUE (exercise_id, position),
        UNIQUE (exercise_id, name)
      );
      CREATE TABLE inject_releases (
        exercise_id TEXT NOT NULL REFERENCES exercises (id) ON DELETE CASCADE,
        inject_id TEXT NOT NULL,
        delegation_id TEXT NOT NULL REFERENCES exercise_delegations (id) ON DELETE CASCADE,
        released_at TEXT NOT NULL,
        elapsed_ms INTEGER NOT NULL CHECK (elapsed_ms >= 0),
        PRIMARY KEY (exercise_id, inject_id, delegation_id)
      ) WITHOUT ROWID;
      CREATE TABLE facilitator_notes (
        id TEXT PRIMARY KEY,
        exercise_id TEXT NOT NULL REFERENCES exercises (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        elapsed_ms INTEGER NOT NULL CHECK (elapsed_ms >= 0),
        text TEXT NOT NULL
      );
      CREATE INDEX facilitator_notes_by_exercise ON facilitator_notes (exercise_id, at);
      CREATE INDEX delegations_by_exercise ON exercise_delegations (exercise_id, position);
    `);
  },
};
