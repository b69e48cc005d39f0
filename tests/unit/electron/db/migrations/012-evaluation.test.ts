import { describe, expect, it } from 'vitest';
import { evaluationTables } from '../../../../../electron/db/migrations/012-evaluation';
import { databaseBefore } from '../../../../support/migrations';

type Db = ReturnType<typeof databaseBefore>;

const seed = (db: Db): void => {
  db.prepare(
    "INSERT INTO exercises (id, name, scenario_id, scenario_json, scenario_hash, created_at, clock_status, clock_accumulated_ms) VALUES ('e', 'Exercise', 's', '{}', 'h', 'a', 'paused', 600000)",
  ).run();
  db.prepare("INSERT INTO improvement_items (exercise_id, id, position, issue, corrective_action, owner, due_date) VALUES ('e', 'i1', 0, 'issue', 'act', 'owner', '')").run();
};

describe('migration 12: evaluation', () => {
  it('keeps every improvement item, with no objective and no priority, and the room showing no positions', () => {
    const db = databaseBefore(evaluationTables);
    seed(db);
    evaluationTables.up(db);
    expect(db.prepare('SELECT id, issue, objective_id, priority FROM improvement_items').all()).toEqual([{ id: 'i1', issue: 'issue', objective_id: '', priority: '' }]);
    expect(db.prepare('SELECT room_shows_positions FROM exercises').all()).toEqual([{ room_shows_positions: 0 }]);
  });

  it('refuses a rating off the HSEEP scale or an unknown priority, and drops ratings and the joint decision with their exercise', () => {
    const db = databaseBefore(evaluationTables);
    seed(db);
    evaluationTables.up(db);
    const rate = (rating: string) =>
      db.prepare("INSERT OR REPLACE INTO objective_ratings (exercise_id, objective_id, rating, observations, entries, rated_at) VALUES ('e', 'o1', ?, 'obs', '[]', 'b')").run(rating);
    expect(() => rate('X')).toThrow(/CHECK/);
    rate('S');
    expect(() => db.prepare("UPDATE improvement_items SET priority = 'urgent'").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO joint_decision_entries (exercise_id, seq, at, entry, prev_hash, hash) VALUES ('e', 1, 'b', '{}', 'p', 'h')").run();
    db.prepare("DELETE FROM exercises WHERE id = 'e'").run();
    expect(db.prepare('SELECT count(*) AS n FROM objective_ratings').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM joint_decision_entries').get()).toEqual({ n: 0 });
  });
});
