import type { Migration } from './migration';

/**
 * The facilitator's part of the after-action report: their name on the exercise, and the
 * improvement plan, one row per item in the order the facilitator keeps them. An item's id
 * is unique within its exercise only: the renderer mints it, so it must not reach other exercises.
 */
export const reportTables: Migration = {
  version: 5,
  name: 'report',
  up(db) {
    db.exec(`
      ALTER TABLE exercises ADD COLUMN facilitator TEXT NOT NULL DEFAULT '';
      CREATE TABLE improvement_items (
        exercise_id TEXT NOT NULL REFERENCES exercises (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        issue TEXT NOT NULL,
        corrective_action TEXT NOT NULL,
        owner TEXT NOT NULL,
        due_date TEXT NOT NULL,
        PRIMARY KEY (exercise_id, id),
        UNIQUE (exercise_id, position)
      );
    `);
  },
};
