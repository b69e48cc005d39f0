import type Database from 'better-sqlite3';
import { DatabaseTooNewError } from './errors';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/migration';
import { writeTransaction } from './transaction';

export { DatabaseTooNewError } from './errors';


/**
 * "CDTW" in the header's application_id: what makes a SQLite file ours, so that a file of
 * another application is recognised, and refused, before anything in it is changed. Never
 * change it: every database the app has marked carries this number.
 */
export const APPLICATION_ID = 0x43445457;

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the database to the registry's latest version in ONE immediate transaction, which
 * also marks it with our application_id (databases from before the mark get it with their
 * next upgrade, or alone when they need none). A failure or a kill anywhere leaves the
 * version it started from, never one in between. Returns the version it started from.
 * Writes nothing when the database is already up to date and marked.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS, file?: string): number {
  const latest = migrations.length;
  const versionOf = (): number => db.pragma('user_version', { simple: true }) as number;
  const marked = (): boolean => db.pragma('application_id', { simple: true }) === APPLICATION_ID;
  const before = versionOf();
  if (before > latest) throw new DatabaseTooNewError(before, latest, file);
  if (before === latest && marked()) return before;
  return writeTransaction(db, () => {
    // Read again under the write lock: another process may have upgraded it meanwhile.
    const current = versionOf();
    if (current > latest) throw new DatabaseTooNewError(current, latest, file);
    for (const migration of migrations.slice(current)) migration.up(db);
    // Neither pragma can take a bound parameter; both numbers are our own constants.
    if (current < latest) db.pragma(`user_version = ${Number(latest)}`);
    if (!marked()) db.pragma(`application_id = ${Number(APPLICATION_ID)}`);
    return current;
  });
}
