import { describe, expect, it } from 'vitest';
import { exchangeTables } from '../../../../../electron/db/migrations/010-exchange';
import { columns, databaseBefore } from '../../../../support/migrations';

type Db = ReturnType<typeof databaseBefore>;

const seed = (db: Db): void => {
  db.prepare("INSERT INTO runs (id, name, created_at, updated_at, machine_version, event_count, head_hash) VALUES ('r', 'n', 'a', 'a', 2, 0, '0')").run();
  db.prepare("INSERT INTO run_checkpoints (run_id, seq, snapshot) VALUES ('r', 0, '{}')").run();
  db.prepare(
    "INSERT INTO exercises (id, name, scenario_id, scenario_json, scenario_hash, created_at, clock_status, clock_accumulated_ms) VALUES ('e', 'Exercise', 's', '{}', 'h', 'a', 'paused', 600000)",
  ).run();
  db.prepare("INSERT INTO exercise_delegations (id, exercise_id, position, name, run_id) VALUES ('d', 'e', 0, 'NL', 'r')").run();
};

describe('migration 10: exchange', () => {
  it('leaves every existing run written here, and keeps its row', () => {
    const db = databaseBefore(exchangeTables);
    seed(db);
    exchangeTables.up(db);
    expect(db.prepare('SELECT id, name, event_count, played_elsewhere_since FROM runs').all()).toEqual([
      { id: 'r', name: 'n', event_count: 0, played_elsewhere_since: null },
    ]);
    expect(columns(db, 'runs').find((c) => c.name === 'played_elsewhere_since')).toMatchObject({ type: 'TEXT', notnull: 0 });
  });

  it("keeps a kit's laptop key and acceptance together, and its codes go with its delegation", () => {
    const db = databaseBefore(exchangeTables);
    seed(db);
    exchangeTables.up(db);
    db.prepare("INSERT INTO kits (delegation_id, kit_id, issued_at, salt, sealed) VALUES ('d', 'k', 'a', 's', 0)").run();
    db.prepare("INSERT INTO kit_codes (delegation_id, inject_id, code) VALUES ('d', 'i1', 'AAAA-AAAA-AAAA')").run();
    expect(() => db.prepare("UPDATE kits SET laptop_key = 'x' WHERE delegation_id = 'd'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE kits SET last_return_at = 'b' WHERE delegation_id = 'd'").run()).toThrow(/CHECK/);
    // A passphrase is only ever that of a sealed kit.
    expect(() => db.prepare("UPDATE kits SET passphrase = 'secret words' WHERE delegation_id = 'd'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO kits (delegation_id, kit_id, issued_at, salt, sealed) VALUES ('nobody', 'k2', 'a', 's', 0)").run()).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM exercises WHERE id = 'e'").run();
    expect(db.prepare('SELECT count(*) AS n FROM kits').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM kit_codes').get()).toEqual({ n: 0 });
  });

  it("removes a workspace and its sealed injects with its run, and keeps an opened inject's id and time together", () => {
    const db = databaseBefore(exchangeTables);
    seed(db);
    exchangeTables.up(db);
    db.prepare(
      `INSERT INTO workspaces (run_id, kit_id, exercise_id, exercise_name, delegation_id, delegation_name, facilitator_key, scenario_json, issued_at, salt, accepted_by, accepted_at)
       VALUES ('r', 'k', 'e', 'Exercise', 'd', 'NL', 'f', '{}', 'a', 's', 'me', 'b')`,
    ).run();
    db.prepare("INSERT INTO workspace_injects (run_id, n, sealed) VALUES ('r', 1, '{}')").run();
    expect(() => db.prepare("UPDATE workspace_injects SET inject_id = 'i1' WHERE n = 1").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE workspace_injects SET inject_id = 'i1', opened_at = 'c' WHERE n = 1").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO workspaces (run_id, kit_id, exercise_id, exercise_name, delegation_id, delegation_name, facilitator_key, scenario_json, issued_at, salt, accepted_by, accepted_at) VALUES ('no-run', 'k9', 'e', 'E', 'd', 'NL', 'f', '{}', 'a', 's', 'me', 'b')").run()).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM exercise_delegations").run();
    db.prepare("DELETE FROM runs WHERE id = 'r'").run();
    expect(db.prepare('SELECT count(*) AS n FROM workspaces').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM workspace_injects').get()).toEqual({ n: 0 });
  });
});
