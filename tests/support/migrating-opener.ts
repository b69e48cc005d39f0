// Opens (and so upgrades) a database, printing each step as it starts ("step backing-up"),
// then "opened <json>" and "closed". The test kills it from outside at chosen moments; some
// moments only the process itself can hit, so with a mode it SIGKILLs itself there.
import type { Migration } from '../../electron/db/migrations/migration';
import { MIGRATIONS } from '../../electron/db/migrations';
import { openDatabaseFile } from '../../electron/db/open';

export type KillMode = 'none' | 'after-backup' | 'inside-migration' | 'before-close';

const [dbPath, mode] = process.argv.slice(2) as [string, KillMode];

function die(): never {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('still running after SIGKILL');
}

const last = MIGRATIONS[MIGRATIONS.length - 1]!;
// The real registry; in this mode its last step kills the process once it has run, before the commit.
const migrations: readonly Migration[] =
  mode === 'inside-migration'
    ? [...MIGRATIONS.slice(0, -1), { ...last, up: (db) => (last.up(db), die()) }]
    : MIGRATIONS;

const { db, opening } = openDatabaseFile(dbPath, {
  migrations,
  onProgress(step) {
    process.stdout.write(`step ${step}\n`);
    if (mode === 'after-backup' && step === 'migrating') die();
  },
});
process.stdout.write(`opened ${JSON.stringify(opening)}\n`);
if (mode === 'before-close') die();
db.close();
process.stdout.write('closed\n');
