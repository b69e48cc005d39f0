import Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { DatabaseRefusedError, DatabaseTooNewError } from './errors';
import { APPLICATION_ID, migrate } from './migrate';
import type { Migration } from './migrations/migration';
import { MIGRATIONS } from './migrations';
import { readTransaction } from './transaction';

export type Db = Database.Database;

/** How long a statement waits for another connection's write lock (the app and the CLI share a file). */
export const BUSY_TIMEOUT_MS = 5_000;

export interface OpenOptions {
  /**
   * For commands that only read: no migration (refused if one is needed), no pragma that
   * writes, and the connection refuses every write (query_only). The file must exist.
   */
  readonly readOnly?: boolean;
  /**
   * Create the database's folder when it is missing. Only for the app's own user-data
   * folder: a path a user typed that names a missing folder is a typo, and is refused.
   */
  readonly createFolder?: boolean;
  /** Each step as it starts (checking; for an upgrade, backing-up and migrating): a large database takes a while. */
  readonly onProgress?: (step: OpenStep) => void;
  /** The registry to migrate with (tests stop inside an upgrade with their own). */
  readonly migrations?: readonly Migration[];
  /** The time in a backup's name. */
  readonly now?: Date;
}

export type OpenStep = 'checking' | 'backing-up' | 'migrating';

/** What opening did, for the app and the command line to say. */
export interface DatabaseOpening {
  readonly file: string;
  /** A new, empty database was created (in a file that did not exist, or was empty). */
  readonly created: boolean;
  readonly readOnly: boolean;
  /** An older database was upgraded, after a copy of it was saved to `backup`. */
  readonly migrated: { readonly from: number; readonly to: number; readonly backup: string } | null;
}

export interface OpenedDatabase {
  readonly db: Db;
  readonly opening: DatabaseOpening;
}

/** Opens (or creates) a database; see openDatabaseFile. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  return openDatabaseFile(file, options).db;
}

/**
 * Opens the app's database with the durability the app promises (WAL so readers never
 * block the writer, synchronous=FULL so that what the app acknowledged survives a crash,
 * foreign keys enforced), after making sure it is ours and sound. Before anything is
 * written, the file is identified (application_id, or for databases from before the mark,
 * their version and tables) and checked (quick_check); a file that is not ours, is from a
 * newer version, or is damaged is refused and left byte for byte as it was. An older
 * database is copied to a dated backup beside it before it is upgraded.
 */
export function openDatabaseFile(file: string, options: OpenOptions = {}): OpenedDatabase {
  const migrations = options.migrations ?? MIGRATIONS;
  const readOnly = options.readOnly ?? false;
  if (file === ':memory:') {
    if (readOnly) throw new DatabaseRefusedError('missing', '', 'An in-memory database holds nothing to read.');
    const db = connect(file, false);
    try {
      migrate(db, migrations);
      return { db, opening: { file, created: true, readOnly, migrated: null } };
    } catch (error) {
      db.close();
      throw error;
    }
  }

  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat && !stat.isFile()) {
    throw new DatabaseRefusedError('not-a-file', file, `${file} is not a database file (it is a folder or a device); choose a file.`);
  }
  let isNew = !stat || stat.size === 0;
  if (!isNew) {
    options.onProgress?.('checking');
    isNew = identify(file, inspect(file), migrations) === 'empty';
  }
  if (isNew) {
    if (readOnly) throw new DatabaseRefusedError('missing', file, `There is no database at ${file}: nothing to read. Check the path.`);
    if (!stat) prepareFolder(file, options.createFolder ?? false);
  }

  const db = connect(file, readOnly);
  try {
    if (!isNew) checkIntact(db, file);
    return { db, opening: bringUpToDate(db, file, isNew, readOnly, migrations, options) };
  } catch (error) {
    db.close();
    throw error;
  }
}

function connect(file: string, readOnly: boolean): Db {
  // Not SQLite's own readonly mode: a reader of a WAL database needs the -shm and -wal
  // files, and a readonly connection leaves them behind when it created them, whereas this
  // one, with query_only, refuses every write and removes them at close when it is the
  // last connection. (If the operating system denies writing, SQLite opens it readonly.)
  const db = new Database(file, { fileMustExist: readOnly, timeout: BUSY_TIMEOUT_MS });
  try {
    if (readOnly) db.pragma('query_only = ON');
    // Settings of this connection only: none of them writes to the file.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function prepareFolder(file: string, createFolder: boolean): void {
  const folder = dirname(file);
  const stat = statSync(folder, { throwIfNoEntry: false });
  if (stat?.isDirectory()) return;
  if (stat) throw new DatabaseRefusedError('no-folder', file, `Cannot create the database ${file}: ${folder} is not a folder.`);
  if (!createFolder) {
    throw new DatabaseRefusedError(
      'no-folder',
      file,
      `Cannot create the database ${file}: the folder ${folder} does not exist. Check the path, or create the folder first.`,
    );
  }
  mkdirSync(folder, { recursive: true });
}

interface Facts {
  readonly applicationId: number;
  readonly userVersion: number;
  /** Its tables, when the header alone cannot tell whose the file is. */
  readonly tables: readonly string[] | null;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const foreign = (file: string, why: string): DatabaseRefusedError =>
  new DatabaseRefusedError(
    'foreign',
    file,
    `${file} is not a CDT Workbench database (${why}); nothing in it was changed. Choose the app's database, or a new file name.`,
  );

/** Reads who the file belongs to without changing it, nor creating its -wal or -shm. */
function inspect(file: string): Facts {
  const header = readHeader(file);
  if (!header.subarray(0, 16).equals(SQLITE_MAGIC)) throw foreign(file, 'it is not a SQLite database');
  const walMode = header[18] === 2 || header[19] === 2;
  try {
    if (walMode && !existsSync(`${file}-wal`)) {
      // No -wal: the file itself holds everything, header included. Opening a WAL file
      // would create its -wal and -shm, so only a copy in memory is opened, and only when
      // the header does not settle it (an unmarked database from before application_id).
      const applicationId = header.readInt32BE(68);
      const userVersion = header.readInt32BE(60);
      if (applicationId !== 0) return { applicationId, userVersion, tables: null };
      const copy = readFileSync(file);
      copy[18] = 1; // a copy in memory has no -wal to read: let SQLite treat it as a rollback-journal file
      copy[19] = 1;
      return factsOf(new Database(copy, { readonly: true }));
    }
    // A rollback-journal file (a readonly connection creates nothing beside it), or a WAL
    // file in use, whose -wal may hold the latest header: read it through SQLite.
    return factsOf(new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS }));
  } catch (error) {
    throw damageOr(error, file);
  }
}

function readHeader(file: string): Buffer {
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  return header;
}

function factsOf(db: Db): Facts {
  try {
    return readTransaction(db, () => ({
      applicationId: db.pragma('application_id', { simple: true }) as number,
      userVersion: db.pragma('user_version', { simple: true }) as number,
      tables: tablesOf(db),
    }));
  } finally {
    db.close();
  }
}

const tablesOf = (db: Db): string[] =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
    (r) => r.name,
  );

/** Ours (marked, or unmarked from before the mark), empty (a new database), or refused. */
function identify(file: string, facts: Facts, migrations: readonly Migration[]): 'ours' | 'empty' {
  const latest = migrations.length;
  if (facts.applicationId === APPLICATION_ID) {
    if (facts.userVersion > latest) throw new DatabaseTooNewError(facts.userVersion, latest, file);
    return 'ours';
  }
  if (facts.applicationId !== 0) {
    throw foreign(file, `it belongs to another application: application id 0x${(facts.applicationId >>> 0).toString(16)}`);
  }
  const tables = facts.tables ?? [];
  if (facts.userVersion === 0 && tables.length === 0) return 'empty';
  // The five versions before the mark: exactly the tables our migrations had made by then.
  if (facts.userVersion >= 1 && facts.userVersion <= latest) {
    const expected = tablesAt(migrations, facts.userVersion);
    if (expected.length === tables.length && expected.every((t, i) => t === tables[i])) return 'ours';
  }
  throw foreign(file, 'its tables are not those of CDT Workbench');
}

const expectedTables = new WeakMap<readonly Migration[], Map<number, string[]>>();

function tablesAt(migrations: readonly Migration[], version: number): string[] {
  let byVersion = expectedTables.get(migrations);
  if (!byVersion) expectedTables.set(migrations, (byVersion = new Map()));
  let tables = byVersion.get(version);
  if (!tables) {
    const scratch = new Database(':memory:');
    try {
      for (const migration of migrations.slice(0, version)) migration.up(scratch);
      tables = tablesOf(scratch);
    } finally {
      scratch.close();
    }
    byVersion.set(version, tables);
  }
  return tables;
}

const isSqliteError = (error: unknown): error is Error & { code: string } => {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('SQLITE_');
};

const damaged = (file: string, problems: readonly string[]): DatabaseRefusedError =>
  new DatabaseRefusedError(
    'damaged',
    file,
    `The database ${file} is damaged; nothing in it was changed. Restore it from a backup (a copy, or a ` +
      `${basename(file, extname(file))}.backup-… file beside it), or choose another database.`,
    problems.map((message) => ({ path: '', message })),
  );

function damageOr(error: unknown, file: string): unknown {
  if (error instanceof DatabaseRefusedError || !isSqliteError(error)) return error;
  if (error.code === 'SQLITE_NOTADB') return foreign(file, 'it is not a SQLite database');
  if (error.code.startsWith('SQLITE_CORRUPT')) return damaged(file, [error.message]);
  return new DatabaseRefusedError(
    'unreadable',
    file,
    `The database ${file} could not be read (${error.message}); nothing in it was changed. Close any other program using it and try again.`,
  );
}

/** SQLite's quick check, before anything is written: a damaged file is never written to. */
function checkIntact(db: Db, file: string): void {
  let found: string[];
  try {
    found = (db.pragma('quick_check(10)') as { quick_check: string }[]).map((r) => r.quick_check);
  } catch (error) {
    throw damageOr(error, file);
  }
  if (found.length !== 1 || found[0] !== 'ok') throw damaged(file, found);
}

function bringUpToDate(
  db: Db,
  file: string,
  isNew: boolean,
  readOnly: boolean,
  migrations: readonly Migration[],
  options: OpenOptions,
): DatabaseOpening {
  const latest = migrations.length;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) throw new DatabaseTooNewError(current, latest, file);
  if (readOnly) {
    if (current < latest) {
      throw new DatabaseRefusedError(
        'needs-upgrade',
        file,
        `The database ${file} is from an older version of CDT Workbench (schema ${current}) and must be upgraded before it can be read; ` +
          'nothing in it was changed. Open it once with the app, or with a command that changes it.',
      );
    }
    return { file, created: false, readOnly, migrated: null };
  }
  let backup: string | null = null;
  if (!isNew && current < latest) {
    options.onProgress?.('backing-up');
    backup = backUp(db, file, current, options.now ?? new Date());
    options.onProgress?.('migrating');
  }
  // Only a change of mode writes; asking does not.
  if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
  const from = migrate(db, migrations, file);
  return {
    file,
    created: isNew,
    readOnly,
    migrated: backup !== null && from < latest ? { from, to: latest, backup } : null,
  };
}

/**
 * A consistent copy (VACUUM INTO reads one snapshot), made durable before the upgrade
 * starts. It is written under a temporary name and renamed when complete, so a backup
 * file is never a partial one, whenever the process dies.
 */
function backUp(db: Db, file: string, version: number, now: Date): string {
  const folder = dirname(file);
  const stem = basename(file, extname(file));
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  let target = join(folder, `${stem}.backup-v${version}-${stamp}.sqlite`);
  for (let n = 2; existsSync(target); n++) target = join(folder, `${stem}.backup-v${version}-${stamp}-${n}.sqlite`);
  const partial = join(folder, `${stem}.backup-in-progress.sqlite`);
  try {
    rmSync(partial, { force: true }); // left by a process that died while backing up
    db.prepare('VACUUM INTO ?').run(partial);
    fsyncFile(partial);
    renameSync(partial, target);
    fsyncFolder(folder);
  } catch (error) {
    removeQuietly(partial);
    throw new DatabaseRefusedError(
      'no-backup',
      file,
      `The database ${file} needs an upgrade, but no backup of it could be written in ${folder} ` +
        `(${error instanceof Error ? error.message : String(error)}); it was not upgraded and nothing in it was changed. ` +
        'Free some space or allow writing in that folder, then open it again.',
    );
  }
  return target;
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // The refusal that follows says what went wrong; a leftover is removed by the next backup.
  }
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes the rename durable; Windows cannot open a folder, and its renames need no such sync. */
function fsyncFolder(path: string): void {
  if (process.platform === 'win32') return;
  fsyncFile(path);
}
