import type { Migration } from './migration';

/**
 * Evaluating an exercise (FRAMEWORK.md §6-§7):
 * - objective_ratings: the facilitator's HSEEP rating (P, S, M, U) of each of the scenario's
 *   objectives, with the observations that support it and the timeline entries they point to
 *   (a JSON array of entry references);
 * - improvement_items gain the objective an item serves and its priority ('' while not set,
 *   so every plan written before keeps its meaning);
 * - joint_decision_entries: the plenary's outcome, the facilitator's own hash-chained record,
 *   one entry per row, like a run's events;
 * - exercises.room_shows_positions: the facilitator chose to put the table of positions on
 *   the room's screen.
 */
export const evaluationTables: Migration = {
  version: 12,
  name: 'evaluation',
  up(db) {
    db.exec(`
      CREATE TABLE objective_ratings (
        exercise_id TEXT NOT NULL REFERENCES exercises (id) ON DELETE CASCADE,
        objective_id TEXT NOT NULL,
        rating TEXT NOT NULL CHECK (rating IN ('P', 'S', 'M', 'U')),
        observations TEXT NOT NULL,
        entries TEXT NOT NULL,
        rated_at TEXT NOT NULL,
        PRIMARY KEY (exercise_id, objective_id)
      ) WITHOUT ROWID;
      ALTER TABLE improvement_items ADD COLUMN objective_id TEXT NOT NULL DEFAULT '';
      ALTER TABLE improvement_items ADD COLUMN priority TEXT NOT NULL DEFAULT '' CHECK (priority IN ('', 'high', 'medium', 'low'));
      CREATE TABLE joint_decision_entries (
        exercise_id TEXT NOT NULL REFERENCES exercises (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        at TEXT NOT NULL,
        entry TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        PRIMARY KEY (exercise_id, seq)
      ) WITHOUT ROWID;
      ALTER TABLE exercises ADD COLUMN room_shows_positions INTEGER NOT NULL DEFAULT 0 CHECK (room_shows_positions IN (0, 1));
    `);
  },
};
