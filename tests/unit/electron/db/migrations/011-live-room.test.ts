import { describe, expect, it } from 'vitest';
import { liveRoomTables } from '../../../../../electron/db/migrations/011-live-room';
import { databaseBefore } from '../../../../support/migrations';

type Db = ReturnType<typeof databaseBefore>;

const seed = (db: Db): void => {
  db.prepare("INSERT INTO runs (id, name, created_at, updated_at, machine_version, event_count, head_hash) VALUES ('r', 'n', 'a', 'a', 2, 0, '0')").run();
  db.prepare(
    "INSERT INTO exercises (id, name, scenario_id, scenario_json, scenario_hash, created_at, clock_status, clock_accumulated_ms) VALUES ('e', 'Exercise', 's', '{}', 'h', 'a', 'paused', 600000)",
  ).run();
  db.prepare("INSERT INTO exercise_delegations (id, exercise_id, position, name, run_id) VALUES ('d', 'e', 0, 'NL', 'r')").run();
  db.prepare("INSERT INTO inject_releases (exercise_id, inject_id, delegation_id, released_at, elapsed_ms) VALUES ('e', 'i1', 'd', 'b', 5)").run();
  db.prepare("INSERT INTO facilitator_notes (id, exercise_id, at, elapsed_ms, text) VALUES ('n', 'e', 'a', 5, 'note')").run();
};

describe('migration 11: live room', () => {
  it('keeps every exercise, release and note as it was: not ended, not withdrawn, not deleted', () => {
    const db = databaseBefore(liveRoomTables);
    seed(db);
    liveRoomTables.up(db);
    expect(db.prepare('SELECT clock_status, clock_accumulated_ms, clock_ended_at FROM exercises').all()).toEqual([
      { clock_status: 'paused', clock_accumulated_ms: 600000, clock_ended_at: null },
    ]);
    expect(db.prepare('SELECT inject_id, withdrawn_at FROM inject_releases').all()).toEqual([{ inject_id: 'i1', withdrawn_at: null }]);
    expect(db.prepare('SELECT text, deleted_at FROM facilitator_notes').all()).toEqual([{ text: 'note', deleted_at: null }]);
  });

  it('refuses an adjustment that moves nothing or before the start, and keeps note revisions with their note', () => {
    const db = databaseBefore(liveRoomTables);
    seed(db);
    liveRoomTables.up(db);
    const adjust = (before: number, delta: number, at = 'c') =>
      db.prepare("INSERT INTO clock_adjustments (exercise_id, at, elapsed_before_ms, delta_ms, reason) VALUES ('e', ?, ?, ?, 'why')").run(at, before, delta);
    expect(() => adjust(1000, 0)).toThrow(/CHECK/);
    expect(() => adjust(1000, -2000)).toThrow(/CHECK/);
    adjust(1000, -1000);
    db.prepare("INSERT INTO note_revisions (note_id, replaced_at, text) VALUES ('n', 'c', 'old text')").run();
    db.prepare("DELETE FROM exercises WHERE id = 'e'").run();
    expect(db.prepare('SELECT count(*) AS n FROM clock_adjustments').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM note_revisions').get()).toEqual({ n: 0 });
  });
});
