import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseRefusedError, DatabaseTooNewError } from '../../../../electron/db/errors';
import { APPLICATION_ID, LATEST_SCHEMA_VERSION } from '../../../../electron/db/migrate';
import { MIGRATIONS } from '../../../../electron/db/migrations';
import { openDatabase, openDatabaseFile } from '../../../../electron/db/open';
import { UserError } from '../../../../shared/errors';
import { tempDir } from '../../../support/temp';
import { fileState, legacyDatabase } from '../../../support/database-files';

const temp = tempDir();
afterAll(temp.cleanup);
let n = 0;
const fresh = (name = 'db'): string => join(temp.dir, `${name}-${n++}.sqlite`);

/** Opening must throw `match` and leave the file, and its absent -wal and -shm, exactly as they were. */
function expectRefusedUntouched(file: string, match: RegExp, reason: DatabaseRefusedError['reason']): void {
  const before = fileState(file);
  let thrown: unknown;
  try {
    openDatabase(file).close();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(DatabaseRefusedError);
  expect(thrown).toBeInstanceOf(UserError);
  expect((thrown as DatabaseRefusedError).reason).toBe(reason);
  expect((thrown as Error).message).toMatch(match);
  expect((thrown as Error).message).toContain(file);
  expect(fileState(file)).toEqual(before);
}

describe('opening a database file', () => {
  it('creates a new database in an existing folder, marked as ours, and says so', () => {
    const file = fresh('new');
    const { db, opening } = openDatabaseFile(file);
    expect(opening).toEqual({ file, created: true, readOnly: false, migrated: null });
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const again = openDatabaseFile(file);
    expect(again.opening).toEqual({ file, created: false, readOnly: false, migrated: null });
    again.db.close();
  });

  it('treats an empty file as a new database', () => {
    const file = fresh('empty');
    writeFileSync(file, '');
    const { db, opening } = openDatabaseFile(file);
    expect(opening.created).toBe(true);
    db.close();
  });

  it('refuses to create a database in a folder that does not exist, and creates none; createFolder is for the app\'s own folder', () => {
    const folder = join(temp.dir, 'typo', 'deeper');
    const file = join(folder, 'cdt.sqlite');
    expect(() => openDatabase(file)).toThrow(DatabaseRefusedError);
    expect(() => openDatabase(file)).toThrow(/the folder .*typo.*deeper does not exist/);
    expect(existsSync(join(temp.dir, 'typo'))).toBe(false);
    const { db, opening } = openDatabaseFile(file, { createFolder: true });
    expect(opening.created).toBe(true);
    db.close();
  });

  it('refuses a folder given as the database', () => {
    const folder = join(temp.dir, `folder-${n++}`);
    mkdirSync(folder);
    expect(() => openDatabase(folder)).toThrow(/is not a database file/);
  });

  it.each([false, true])('refuses another application\'s database untouched: marked with its own application_id (WAL: %s)', (wal) => {
    const file = fresh('foreign-id');
    const other = new Database(file);
    if (wal) other.pragma('journal_mode = WAL');
    other.pragma('application_id = 1196444487'); // a GeoPackage's
    other.exec('CREATE TABLE mail (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO mail (body) VALUES (\'hello\')');
    other.close();
    expectRefusedUntouched(file, /is not a CDT Workbench database \(it belongs to another application: application id 0x47504b47\)/, 'foreign');
  });

  it('refuses an unmarked database whose tables are not ours, in rollback or WAL mode, without creating -wal or -shm', () => {
    for (const wal of [false, true]) {
      const file = fresh(wal ? 'foreign-wal' : 'foreign-rollback');
      const other = new Database(file);
      if (wal) other.pragma('journal_mode = WAL');
      other.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT); INSERT INTO photos (path) VALUES (\'a.jpg\')');
      other.pragma('user_version = 3');
      other.close();
      expect(existsSync(`${file}-wal`)).toBe(false);
      expectRefusedUntouched(file, /its tables are not those of CDT Workbench/, 'foreign');
    }
  });

  it('refuses a file that is not SQLite at all', () => {
    const file = fresh('text');
    writeFileSync(file, 'name,email\nAda,ada@example.org\n'.repeat(20));
    expectRefusedUntouched(file, /it is not a SQLite database/, 'foreign');
  });

  it.each([false, true])('refuses a database from a newer version untouched: not even switched to WAL (WAL already: %s)', (wal) => {
    const file = fresh('newer');
    const newer = new Database(file);
    if (wal) newer.pragma('journal_mode = WAL');
    newer.pragma(`application_id = ${APPLICATION_ID}`);
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    newer.exec('CREATE TABLE from_the_future (x)');
    newer.close();
    expectRefusedUntouched(file, /newer version of CDT Workbench/, 'too-new');
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
  });

  it('refuses a damaged database, naming the file, and writes nothing to it', () => {
    const file = fresh('damaged');
    const db = openDatabase(file);
    db.exec('CREATE TABLE filler (x TEXT)');
    const insert = db.prepare('INSERT INTO filler (x) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 400; i++) insert.run(`row ${i} `.repeat(40));
    })();
    db.close();
    const bytes = readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // Garbage over pages in the middle; the header and the schema's first page stay readable.
    for (let offset = pageSize * 4; offset < pageSize * 12; offset++) bytes[offset] = (offset * 131) & 0xff;
    writeFileSync(file, bytes);
    expectRefusedUntouched(file, /The database .* is damaged; nothing in it was changed/, 'damaged');
  });

  it('adopts an unmarked database of the latest version without a migration', () => {
    const file = fresh('unmarked-latest');
    legacyDatabase(file, LATEST_SCHEMA_VERSION);
    const { db, opening } = openDatabaseFile(file);
    expect(opening).toMatchObject({ created: false, migrated: null });
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
  });

  it('backs up an older database beside it before migrating it, and says where', () => {
    const file = fresh('older');
    legacyDatabase(file, 3);
    const seed = new Database(file);
    seed.prepare("INSERT INTO runs (id, name, created_at, updated_at, machine_version, snapshot, head_hash) VALUES ('r1', 'kept', 't', 't', 1, '{}', 'h')").run();
    seed.close();
    const { db, opening } = openDatabaseFile(file, { now: new Date('2026-12-01T19:05:09.123Z') });
    expect(opening.migrated).toEqual({ from: 3, to: LATEST_SCHEMA_VERSION, backup: file.replace(/\.sqlite$/, '.backup-v3-20261201T190509Z.sqlite') });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.prepare('SELECT name FROM runs').all()).toEqual([{ name: 'kept' }]);
    db.close();
    const backup = new Database(opening.migrated!.backup, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(3);
    expect(backup.prepare('SELECT name FROM runs').all()).toEqual([{ name: 'kept' }]);
    backup.close();
    expect(readdirSync(temp.dir).filter((f) => f.includes('backup-in-progress'))).toEqual([]);
  });

  it('does not upgrade a database whose backup cannot be written, and says why', () => {
    const folder = join(temp.dir, `no-backup-${n++}`);
    mkdirSync(join(folder, 'cdt.backup-in-progress.sqlite', 'in-the-way'), { recursive: true });
    const file = join(folder, 'cdt.sqlite');
    legacyDatabase(file, 3);
    const before = fileState(file);
    expect(() => openDatabase(file)).toThrow(/needs an upgrade, but no backup of it could be written/);
    expect(fileState(file)).toEqual(before);
  });

  it('reports every migration step as it starts', () => {
    const file = fresh('progress');
    legacyDatabase(file, 2);
    const steps: string[] = [];
    openDatabaseFile(file, { onProgress: (step) => steps.push(step) }).db.close();
    expect(steps).toEqual(['checking', 'backing-up', 'migrating']);
  });
});

describe('opening read-only', () => {
  it('reads without writing: same bytes and mtime, no -wal or -shm left, and writes refused', () => {
    const file = fresh('ro');
    const setup = openDatabase(file);
    setup.prepare("INSERT INTO scenarios (id, origin, title, json, hash, updated_at) VALUES ('s1', 'user', 'read me', '{}', 'h', 't')").run();
    setup.close();
    const before = fileState(file);
    const mtime = statSync(file).mtimeMs;
    const { db, opening } = openDatabaseFile(file, { readOnly: true });
    expect(opening).toEqual({ file, created: false, readOnly: true, migrated: null });
    expect(db.prepare('SELECT title FROM scenarios').all()).toEqual([{ title: 'read me' }]);
    expect(() => db.prepare("UPDATE scenarios SET title = 'changed'").run()).toThrow(/readonly/);
    db.close();
    expect(fileState(file)).toEqual(before);
    expect(statSync(file).mtimeMs).toBe(mtime);
  });

  it('refuses a missing file and creates nothing', () => {
    const file = fresh('ro-missing');
    expect(() => openDatabase(file, { readOnly: true })).toThrow(/There is no database at/);
    expect(existsSync(file)).toBe(false);
  });

  it('refuses an older database that would need a migration, untouched', () => {
    const file = fresh('ro-older');
    legacyDatabase(file, 4);
    const before = fileState(file);
    expect(() => openDatabase(file, { readOnly: true })).toThrow(/must be upgraded before it can be read/);
    expect(fileState(file)).toEqual(before);
  });

  it('refuses in-memory read-only', () => {
    expect(() => openDatabase(':memory:', { readOnly: true })).toThrow(UserError);
  });
});

describe('the tables of each version', () => {
  it('are what an unmarked database must have to be adopted', () => {
    for (const version of MIGRATIONS.map((m) => m.version)) {
      const file = fresh(`legacy-v${version}`);
      legacyDatabase(file, version);
      const { db, opening } = openDatabaseFile(file);
      expect(opening.migrated?.from ?? LATEST_SCHEMA_VERSION).toBe(version);
      db.close();
    }
  });
});
