import { describe, expect, it } from 'vitest';
import { reportTables } from '../../../../../electron/db/migrations/005-report';
import { columns, databaseBefore } from '../../../../support/migrations';

type Db = ReturnType<typeof databaseBefore>;

const seedExercise = (db: Db): void => {
  db.prepare("INSERT INTO runs (id, name, created_at, updated_at, machine_version, snapshot, event_count, head_hash) VALUES ('r', 'n', 'a', 'a', 1, '{}', 0, '0')").run();
  db.prepare(
    "INSERT INTO exercises (id, name, scenario_id, scenario_json, scenario_hash, created_at, clock_status, clock_accumulated_ms) VALUES ('e', 'Exercise', 's', '{}', 'h', 'a', 'paused', 600000)",
  ).run();
  db.prepare("INSERT INTO exercise_delegations (id, exercise_id, position, name, run_id) VALUES ('d', 'e', 0, 'NL', 'r')").run();
  db.prepare("INSERT INTO facilitator_notes (id, exercise_id, at, elapsed_ms, text) VALUES ('n', 'e', 'a', 5, 'note')").run();
};

const addItem = (db: Db, id: string, position: number, exercise = 'e'): void => {
  db.prepare("INSERT INTO improvement_items (exercise_id, id, position, issue, corrective_action, owner, due_date) VALUES (?, ?, ?, 'i', 'c', 'o', '2026-12-31')").run(
    exercise,
    id,
    position,
  );
};

describe('migration 5: report', () => {
  it("gives an existing exercise an empty facilitator and keeps everything else of it", () => {
    const db = databaseBefore(reportTables);
    seedExercise(db);
    reportTables.up(db);
    expect(db.prepare('SELECT id, name, clock_status, clock_accumulated_ms, facilitator FROM exercises').all()).toEqual([
      { id: 'e', name: 'Exercise', clock_status: 'paused', clock_accumulated_ms: 600000, facilitator: '' },
    ]);
    expect(db.prepare('SELECT name FROM exercise_delegations').all()).toEqual([{ name: 'NL' }]);
    expect(db.prepare('SELECT text FROM facilitator_notes').all()).toEqual([{ text: 'note' }]);
    expect(columns(db, 'exercises').find((c) => c.name === 'facilitator')).toMatchObject({ type: 'TEXT', notnull: 1, dflt_value: "''" });
  });

  it('keeps improvement items unique per exercise by id and by place, and removes them with their exercise', () => {
    const db = databaseBefore(reportTables);
    seedExercise(db);
    reportTables.up(db);
    db.prepare(
      "INSERT INTO exercises (id, name, scenario_id, scenario_json, scenario_hash, created_at, clock_status) VALUES ('e2', 'Other', 's', '{}', 'h', 'a', 'not-started')",
    ).run();
    addItem(db, 'i1', 0);
    expect(() => addItem(db, 'i1', 1)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => addItem(db, 'i2', 0)).toThrow(/UNIQUE/);
    // Ids are minted by the renderer: the same id in another exercise is another item.
    addItem(db, 'i1', 0, 'e2');
    expect(() => addItem(db, 'i3', 0, 'no-such-exercise')).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM exercises WHERE id = 'e'").run();
    expect(db.prepare('SELECT exercise_id, id FROM improvement_items').all()).toEqual([{ exercise_id: 'e2', id: 'i1' }]);
  });
});
