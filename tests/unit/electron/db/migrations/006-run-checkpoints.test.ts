import { describe, expect, it } from 'vitest';
import { runCheckpoints } from '../../../../../electron/db/migrations/006-run-checkpoints';
import { columns, databaseBefore } from '../../../../support/migrations';

describe('migration 6: run checkpoints', () => {
  it("moves every run's snapshot into a checkpoint at its last event, and the column out of the runs row", () => {
    const db = databaseBefore(runCheckpoints);
    const run = db.prepare(
      'INSERT INTO runs (id, name, created_at, updated_at, machine_version, snapshot, event_count, head_hash) VALUES (?, ?, ?, ?, 1, ?, ?, ?)',
    );
    run.run('long', 'Long run', 'a', 'b', '{"value":"measures"}', 2, 'h2');
    run.run('new', 'New run', 'a', 'a', '{"value":"awareness"}', 0, 'g');
    const event = db.prepare("INSERT INTO run_events (run_id, seq, at, event, prev_hash, hash) VALUES ('long', ?, 'a', '{}', ?, ?)");
    event.run(1, 'g', 'h1');
    event.run(2, 'h1', 'h2');
    runCheckpoints.up(db);
    expect(db.prepare('SELECT run_id, seq, snapshot FROM run_checkpoints ORDER BY run_id').all()).toEqual([
      { run_id: 'long', seq: 2, snapshot: '{"value":"measures"}' },
      { run_id: 'new', seq: 0, snapshot: '{"value":"awareness"}' },
    ]);
    expect(columns(db, 'runs').map((c) => c.name)).not.toContain('snapshot');
    expect(db.prepare('SELECT id, name, event_count, head_hash FROM runs ORDER BY id').all()).toEqual([
      { id: 'long', name: 'Long run', event_count: 2, head_hash: 'h2' },
      { id: 'new', name: 'New run', event_count: 0, head_hash: 'g' },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM run_events').get()).toEqual({ n: 2 });
    // A checkpoint goes with its run.
    db.prepare("DELETE FROM runs WHERE id = 'new'").run();
    expect(db.prepare('SELECT run_id FROM run_checkpoints').all()).toEqual([{ run_id: 'long' }]);
  });
});
