import type Database from 'better-sqlite3';

/**
 * The two kinds of transaction the services need when the app and the command line share
 * one database file.
 *
 * A read that spans statements (a run's row and then its events) must see one state: in
 * WAL mode a deferred transaction takes its snapshot at its first read and keeps it to the
 * end, while another process goes on committing. Without it, a verification can read a
 * head hash from before a concurrent append and a chain from after it, and call an intact
 * run tampered.
 *
 * A transaction that writes must take the write lock at BEGIN (IMMEDIATE): a deferred one
 * that reads first and writes later cannot wait for a concurrent writer (its snapshot would
 * be stale), so SQLite refuses it at once with SQLITE_BUSY instead of honouring busy_timeout.
 *
 * Inside another transaction both become savepoints of it (better-sqlite3 nests them).
 */
export function readTransaction<T>(db: Database.Database, read: () => T): T {
  return db.transaction(read).deferred();
}

export function writeTransaction<T>(db: Database.Database, write: () => T): T {
  return db.transaction(write).immediate();
}
