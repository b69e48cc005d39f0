import { describe, expect, it } from 'vitest';
import { exerciseTables } from '../../../../../electron/db/migrations/004-exercises';
import { databaseBefore } from '../../../../support/migrations';

type Db = ReturnType<typeof databaseBefore>;

const seedRun = (db: Db, id: string): void => {
  db.prepare("INSERT INTO runs (id, name, created_at, updated_at, machine_version, snapshot, event_count, head_hash) VALUES (?, 'n', 'a', 'a', 1, '{}', 1, '1')").run(id);
  db.prepare("INSERT INTO run_events (run_id, seq, at, event, prev_hash, hash) VALUES (?, 1, 'a', '{}', '0', '1')").run(id);
};

const addExercise = (db: Db, id: string, status = 'not-started', runningSince: string | null = null): void => {
  db.prepare(
    "INSERT INTO exercises (id, name, scenario_id, scenario_json, scenario_hash, created_at, clock_status, clock_running_since) VALUES (?, 'x', 's', '{}', 'h', 'a', ?, ?)",
  ).run(id, status, runningSince);
};

describe('migration 4: exercises', () => {
  it('leaves existing runs and their logs as they were, and a delegation can take one of them', () => {
    const db = databaseBefore(exerciseTables);
    seedRun(db, 'r1');
    exerciseTables.up(db);
    expect(db.prepare('SELECT id, event_count FROM runs').all()).toEqual([{ id: 'r1', event_count: 1 }]);
    expect(db.prepare('SELECT count(*) AS n FROM run_events').get()).toEqual({ n: 1 });
    addExercise(db, 'e');
    db.prepare("INSERT INTO exercise_delegations (id, exercise_id, position, name, run_id) VALUES ('d', 'e', 0, 'NL', 'r1')").run();
    expect(db.prepare('SELECT clock_accumulated_ms FROM exercises').get()).toEqual({ clock_accumulated_ms: 0 });
  });

  it("never lets a delegation's run be deleted from under it, nor two delegations share a run", () => {
    const db = databaseBefore(exerciseTables);
    seedRun(db, 'r1');
    exerciseTables.up(db);
    addExercise(db, 'e');
    const delegation = db.prepare("INSERT INTO exercise_delegations (id, exercise_id, position, name, run_id) VALUES (?, 'e', ?, ?, 'r1')");
    delegation.run('d1', 0, 'NL');
    expect(() => delegation.run('d2', 1, 'LV')).toThrow(/UNIQUE/);
    expect(() => db.prepare("DELETE FROM runs WHERE id = 'r1'").run()).toThrow(/FOREIGN KEY/);
  });

  it('keeps the clock consistent: running exactly when it has a start', () => {
    const db = databaseBefore(exerciseTables);
    exerciseTables.up(db);
    expect(() => addExercise(db, 'a', 'running')).toThrow(/CHECK/);
    expect(() => addExercise(db, 'b', 'paused', 'a')).toThrow(/CHECK/);
    expect(() => addExercise(db, 'c', 'stopped')).toThrow(/CHECK/);
    addExercise(db, 'd', 'running', '2026-01-01T00:00:00.000Z');
  });

  it("removes an exercise's delegations, releases and notes with it, but not the runs", () => {
    const db = databaseBefore(exerciseTables);
    seedRun(db, 'r1');
    exerciseTables.up(db);
    addExercise(db, 'e');
    db.prepare("INSERT INTO exercise_delegations (id, exercise_id, position, name, run_id) VALUES ('d', 'e', 0, 'NL', 'r1')").run();
    db.prepare("INSERT INTO inject_releases (exercise_id, inject_id, delegation_id, released_at, elapsed_ms) VALUES ('e', 'i', 'd', 'a', 0)").run();
    db.prepare("INSERT INTO facilitator_notes (id, exercise_id, at, elapsed_ms, text) VALUES ('n', 'e', 'a', 0, 't')").run();
    db.prepare("DELETE FROM exercises WHERE id = 'e'").run();
    for (const table of ['exercise_delegations', 'inject_releases', 'facilitator_notes']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
    expect(db.prepare('SELECT count(*) AS n FROM runs').get()).toEqual({ n: 1 });
  });
});
