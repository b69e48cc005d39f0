import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { APPLICATION_ID, DatabaseTooNewError, LATEST_SCHEMA_VERSION, migrate } from '../../../../electron/db/migrate';
import type { Migration } from '../../../../electron/db/migrations/migration';
import { MIGRATIONS } from '../../../../electron/db/migrations';
import { openDatabase } from '../../../../electron/db/open';
import { tempDir } from '../../../support/temp';

const tables = (db: Database.Database): string[] =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").all() as { name: string }[]).map(
    (r) => r.name,
  );

describe('migrations', () => {
  const temp = tempDir();
  afterAll(temp.cleanup);

  it('brings an empty database to the latest version and records it in user_version', () => {
    const db = new Database(':memory:');
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(tables(db)).toEqual(expect.arrayContaining(['documents', 'paragraphs', 'footnotes', 'corpus_state']));
  });

  it('marks the database as ours with its application_id, in the same transaction', () => {
    const db = new Database(':memory:');
    migrate(db);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
  });

  it('is idempotent: a second run changes nothing', () => {
    const db = new Database(':memory:');
    migrate(db);
    const before = tables(db);
    migrate(db);
    expect(tables(db)).toEqual(before);
  });

  it.each(MIGRATIONS.map((m) => [m.version, m.name, m] as const))('migration %i (%s) applies on top of its predecessors', (version, _name, migration) => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, version - 1));
    const before = db.prepare('SELECT count(*) AS n FROM sqlite_master').get();
    migrate(db, MIGRATIONS.slice(0, version));
    expect(db.pragma('user_version', { simple: true })).toBe(version);
    expect(migration.version).toBe(version);
    // Every migration changes the schema; one that does nothing is a mistake in the registry.
    expect(db.prepare('SELECT count(*) AS n FROM sqlite_master').get()).not.toEqual(before);
  });

  it('corpus: paragraphs cascade with their document and anchors are unique per document', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 1));
    db.prepare("INSERT INTO documents (id, doc_ref, lang, title, adopted, meeting, file, sha256) VALUES (1, 'x', 'nl', 't', '2017-01-01', 'm', 'f', 's')").run();
    const insert = db.prepare("INSERT INTO paragraphs (document_id, seq, anchor, kind, number, inferred, text) VALUES (1, ?, ?, 'paragraph', null, 0, 'text')");
    insert.run(0, 'p1');
    expect(() => insert.run(1, 'p1')).toThrow(/UNIQUE/);
    db.prepare('DELETE FROM documents').run();
    expect(db.prepare('SELECT count(*) AS n FROM paragraphs').get()).toEqual({ n: 0 });
  });

  it('exercises (004): clock consistency is enforced, children cascade with the exercise, runs in use cannot be deleted', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 4));
    db.prepare("INSERT INTO runs (id, name, created_at, updated_at, machine_version, snapshot, head_hash) VALUES ('r1', 'n', 't', 't', 1, '{}', 'h')").run();
    const insertExercise = db.prepare(
      "INSERT INTO exercises (id, name, scenario_id, scenario_json, scenario_hash, created_at, clock_status, clock_accumulated_ms, clock_running_since) VALUES (?, 'x', 's', '{}', 'h', 't', ?, 0, ?)",
    );
    expect(() => insertExercise.run('bad1', 'running', null)).toThrow(/CHECK/);
    expect(() => insertExercise.run('bad2', 'paused', '2025-01-01T00:00:00.000Z')).toThrow(/CHECK/);
    expect(() => insertExercise.run('bad3', 'finished', null)).toThrow(/CHECK/);
    insertExercise.run('e1', 'not-started', null);
    db.prepare("INSERT INTO exercise_delegations (id, exercise_id, position, name, run_id) VALUES ('d1', 'e1', 0, 'North', 'r1')").run();
    db.prepare("INSERT INTO inject_releases (exercise_id, inject_id, delegation_id, released_at, elapsed_ms) VALUES ('e1', 'i1', 'd1', 't', 0)").run();
    expect(() => db.prepare("INSERT INTO inject_releases (exercise_id, inject_id, delegation_id, released_at, elapsed_ms) VALUES ('e1', 'i1', 'd1', 't2', 5)").run()).toThrow(/UNIQUE|PRIMARY/);
    db.prepare("INSERT INTO facilitator_notes (id, exercise_id, at, elapsed_ms, text) VALUES ('n1', 'e1', 't', 0, 'note')").run();
    expect(() => db.prepare("DELETE FROM runs WHERE id = 'r1'").run()).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM exercises WHERE id = 'e1'").run();
    for (const table of ['exercise_delegations', 'inject_releases', 'facilitator_notes']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
    db.prepare("INSERT INTO scenarios (id, origin, title, json, hash, updated_at) VALUES ('s', 'user', 't', '{}', 'h', 't')").run();
    expect(() => db.prepare("INSERT INTO scenarios (id, origin, title, json, hash, updated_at) VALUES ('s2', 'downloaded', 't', '{}', 'h', 't')").run()).toThrow(/CHECK/);
  });

  it('refuses a database written by a newer version, with a message that says so, and leaves it untouched', () => {
    const file = join(temp.dir, 'newer.sqlite');
    const newer = new Database(file);
    newer.pragma(`application_id = ${APPLICATION_ID}`);
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 3}`);
    newer.close();
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(file)).toThrow(/newer version of CDT Workbench/);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 3);
    expect(tables(check)).toEqual([]);
    check.close();
  });

  it('rolls back a failing upgrade whole, keeping the version it started from', () => {
    const db = new Database(':memory:');
    const failing: Migration = {
      version: 2,
      name: 'fails halfway',
      up(d) {
        d.exec('CREATE TABLE half (x)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [MIGRATIONS[0]!, failing])).toThrow('boom');
    // All pending steps are one transaction: never a version in between.
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.pragma('application_id', { simple: true })).toBe(0);
    expect(tables(db)).toEqual([]);
    migrate(db, [MIGRATIONS[0]!]);
    expect(() => migrate(db, [MIGRATIONS[0]!, failing])).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(db)).not.toContain('half');
  });

  it('opens files with WAL, synchronous=FULL and foreign keys on', () => {
    const db = openDatabase(join(temp.dir, 'pragmas.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});
