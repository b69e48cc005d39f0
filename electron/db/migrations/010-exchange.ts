import type { Migration } from './migration';

/**
 * The exchange across laptops. On the facilitator's laptop: each delegation's kit (its id, the
 * salt of its release codes, the passphrase it was sealed with, and the laptop key learnt from
 * its first return) and the release code of each of its injects; a run whose kit is out is
 * played on another laptop from then on (runs.played_elsewhere_since), so this one never writes
 * it again except from a return. On a delegation's laptop: the workspace a kit opened (the run,
 * whose writer this laptop now is, with the exercise as the delegation sees it) and the kit's
 * sealed injects, opened one by one with their codes.
 */
export const exchangeTables: Migration = {
  version: 10,
  name: 'exchange',
  up(db) {
    db.exec(`
      ALTER TABLE runs ADD COLUMN played_elsewhere_since TEXT;
      CREATE TABLE kits (
        delegation_id TEXT PRIMARY KEY REFERENCES exercise_delegations (id) ON DELETE CASCADE,
        kit_id TEXT NOT NULL UNIQUE,
        issued_at TEXT NOT NULL,
        salt TEXT NOT NULL,
        sealed INTEGER NOT NULL CHECK (sealed IN (0, 1)),
        passphrase TEXT,
        laptop_key TEXT,
        accepted_at TEXT,
        last_return_at TEXT,
        CHECK ((laptop_key IS NULL) = (accepted_at IS NULL)),
        CHECK (last_return_at IS NULL OR laptop_key IS NOT NULL),
        CHECK (passphrase IS NULL OR sealed = 1)
      );
      CREATE TABLE kit_codes (
        delegation_id TEXT NOT NULL REFERENCES kits (delegation_id) ON DELETE CASCADE,
        inject_id TEXT NOT NULL,
        code TEXT NOT NULL,
        PRIMARY KEY (delegation_id, inject_id)
      );
      CREATE TABLE workspaces (
        run_id TEXT PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
        kit_id TEXT NOT NULL UNIQUE,
        exercise_id TEXT NOT NULL,
        exercise_name TEXT NOT NULL,
        delegation_id TEXT NOT NULL,
        delegation_name TEXT NOT NULL,
        facilitator_key TEXT NOT NULL,
        scenario_json TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        salt TEXT NOT NULL,
        passphrase TEXT,
        accepted_by TEXT NOT NULL,
        accepted_at TEXT NOT NULL,
        withdrawn TEXT NOT NULL DEFAULT '[]'
      );
      CREATE TABLE workspace_injects (
        run_id TEXT NOT NULL REFERENCES workspaces (run_id) ON DELETE CASCADE,
        n INTEGER NOT NULL,
        sealed TEXT NOT NULL,
        inject_id TEXT,
        opened_at TEXT,
        opened TEXT,
        PRIMARY KEY (run_id, n),
        CHECK ((inject_id IS NULL) = (opened_at IS NULL) AND (inject_id IS NULL) = (opened IS NULL))
      );
    `);
  },
};
