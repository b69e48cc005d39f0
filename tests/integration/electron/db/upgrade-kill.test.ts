import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATION_ID, LATEST_SCHEMA_VERSION } from '../../../../electron/db/migrate';
import { openDatabaseFile } from '../../../../electron/db/open';
import { legacyDatabase } from '../../../support/database-files';
import type { KillMode } from '../../../support/migrating-opener';
import { tempDir } from '../../../support/temp';

const temp = tempDir();
afterAll(temp.cleanup);

const opener = fileURLToPath(new URL('../../../support/migrating-opener.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../../../node_modules/tsx/dist/loader.mjs', import.meta.url));
const OLD_VERSION = 3;

/** Every run and event, in order: equal digests, same data (in the columns every version has). */
function digest(db: Database.Database): string {
  const hash = createHash('sha256');
  for (const row of db.prepare('SELECT id, name, created_at, event_count, head_hash FROM runs ORDER BY id').raw().iterate()) hash.update(JSON.stringify(row));
  for (const row of db.prepare('SELECT * FROM run_events ORDER BY run_id, seq').raw().iterate()) hash.update(JSON.stringify(row));
  return hash.digest('hex');
}

/** An unmarked version-3 database of about 8 MB: backing it up takes long enough to be killed in. */
function largeOldDatabase(file: string): string {
  legacyDatabase(file, OLD_VERSION);
  const db = new Database(file);
  const run = db.prepare("INSERT INTO runs (id, name, created_at, updated_at, machine_version, snapshot, event_count, head_hash) VALUES (?, ?, 't', 't', 1, '{}', ?, 'h')");
  const event = db.prepare("INSERT INTO run_events (run_id, seq, at, event, prev_hash, hash) VALUES (?, ?, '2025-03-10T09:00:00.000Z', ?, ?, ?)");
  db.transaction(() => {
    for (let r = 0; r < 200; r++) {
      run.run(`run-${r}`, `Run ${r}`, 100);
      for (let seq = 1; seq <= 100; seq++) {
        event.run(`run-${r}`, seq, JSON.stringify({ type: 'NOTE.ADD', id: `n${seq}`, text: `Observation ${r}.${seq} `.repeat(12) }), `p${r}.${seq}`, `h${r}.${seq}`);
      }
    }
  })();
  const sum = digest(db);
  db.close();
  return sum;
}

interface Case {
  readonly name: string;
  readonly mode: KillMode;
  /** Kill from outside this long after the child announces this step. */
  readonly killAfter?: { readonly step: 'checking' | 'backing-up' | 'migrating'; readonly ms: number };
}

/** Runs the opener; resolves with what it printed and whether it was killed. */
function openAndMaybeKill(dbPath: string, c: Case): Promise<{ out: string; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsx, opener, dbPath, c.mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000); // a bound, should anything hang
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (c.killAfter && out.includes(`step ${c.killAfter.step}\n`)) setTimeout(() => child.kill('SIGKILL'), c.killAfter.ms);
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve({ out, killed: true });
      else if (code === 0) resolve({ out, killed: false });
      else reject(new Error(`the opener exited with ${code}: ${err}`));
    });
  });
}

const CASES: readonly Case[] = [
  { name: 'while checking', mode: 'none', killAfter: { step: 'checking', ms: 20 } },
  { name: 'during the backup', mode: 'none', killAfter: { step: 'backing-up', ms: 40 } },
  { name: 'after the backup, before the upgrade', mode: 'after-backup' },
  { name: 'inside the upgrade, before its commit', mode: 'inside-migration' },
  { name: 'after the commit, before the close', mode: 'before-close' },
  { name: 'never', mode: 'none' },
];

describe('an upgrade killed with SIGKILL', () => {
  let original: string;
  let expected: string;
  beforeAll(() => {
    original = join(temp.dir, 'original.sqlite');
    expected = largeOldDatabase(original);
  }, 60_000);

  it('leaves the old database or the upgraded one, intact either way, and a backup (if any) that opens at the old version', async () => {
    const outcomes: string[] = [];
    for (const [i, c] of CASES.entries()) {
      const folder = join(temp.dir, `case-${i}`);
      mkdirSync(folder);
      const file = join(folder, 'cdt.sqlite');
      copyFileSync(original, file);
      const { killed } = await openAndMaybeKill(file, c);

      const check = new Database(file, { readonly: true });
      const version = check.pragma('user_version', { simple: true }) as number;
      expect(check.pragma('integrity_check', { simple: true }), c.name).toBe('ok');
      expect([OLD_VERSION, LATEST_SCHEMA_VERSION], c.name).toContain(version);
      expect(check.pragma('application_id', { simple: true }), c.name).toBe(version === OLD_VERSION ? 0 : APPLICATION_ID);
      expect(digest(check), c.name).toBe(expected);
      check.close();

      const backups = readdirSync(folder).filter((f) => /^cdt\.backup-v3-\d{8}T\d{6}Z\.sqlite$/.test(f));
      expect(backups.length, c.name).toBeLessThanOrEqual(1);
      for (const name of backups) {
        const backup = new Database(join(folder, name), { readonly: true });
        expect(backup.pragma('user_version', { simple: true }), c.name).toBe(OLD_VERSION);
        expect(backup.pragma('integrity_check', { simple: true }), c.name).toBe('ok');
        expect(digest(backup), c.name).toBe(expected);
        backup.close();
      }
      outcomes.push(`${c.name}: ${killed ? 'killed' : 'finished'}, v${version}, ${backups.length} backup`);

      // Whatever was left, the next start opens it and completes the upgrade.
      const { db } = openDatabaseFile(file);
      expect(db.pragma('user_version', { simple: true }), c.name).toBe(LATEST_SCHEMA_VERSION);
      expect(digest(db), c.name).toBe(expected);
      db.close();
    }
    // The moments the process chose itself are certain; the timed ones fall where they fall.
    expect(outcomes).toEqual(
      expect.arrayContaining([
        `after the backup, before the upgrade: killed, v${OLD_VERSION}, 1 backup`,
        `inside the upgrade, before its commit: killed, v${OLD_VERSION}, 1 backup`,
        `after the commit, before the close: killed, v${LATEST_SCHEMA_VERSION}, 1 backup`,
        `never: finished, v${LATEST_SCHEMA_VERSION}, 1 backup`,
      ]),
    );
  }, 120_000);
});
