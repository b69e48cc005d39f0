import { spawn } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbench } from '../../../../electron/workbench';
import { exportExercise, packageText } from '../../../../electron/exercise/package';
import { listExercises } from '../../../../electron/exercise/exercises';
import { listRuns, verifyRun } from '../../../../electron/workflow/runs';
import type { ExercisePackage } from '../../../../shared/exercise/package';
import { at, populatedExercise, reseal } from '../../../support/exercise';
import { SCENARIOS_DIR, SEEDS_DIR, tempDir } from '../../../support/temp';

// kill -9 in the middle of an import, at many moments: the database is left with the whole
// exercise or none of it, never a part, and opens sound every time.

const temp = tempDir();
afterAll(temp.cleanup);
const cliMain = fileURLToPath(new URL('../../../../electron/cli/main.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../../../node_modules/tsx/dist/loader.mjs', import.meta.url));
const EXTRA_EVENTS = 8_000;

let packageFile = '';
let emptyDb = '';
let totalEvents = 0;

beforeAll(() => {
  const source = openWorkbench(join(temp.dir, 'source.sqlite'), SEEDS_DIR, SCENARIOS_DIR);
  const view = populatedExercise(source.db);
  const pkg = exportExercise(source.db, view.id, at(500)) as ExercisePackage;
  source.close();
  // A long run, sealed as the app would have recorded it: notes after the last inject.
  const run = pkg.runs[1]!;
  const start = Date.parse(at(60));
  const notes = Array.from({ length: EXTRA_EVENTS }, (_, i) => {
    const when = new Date(start + i * 1000).toISOString();
    return { seq: 0, at: when, event: { type: 'NOTE.ADD' as const, id: `bulk-${i}`, text: `Observation ${i} of the cell, kept for the record.`, at: when }, prevHash: '', hash: '' };
  });
  const long = reseal({ ...pkg, runs: [pkg.runs[0]!, { ...run, events: [...run.events, ...notes] }] });
  totalEvents = long.runs.reduce((n, r) => n + r.events.length, 0);
  packageFile = join(temp.dir, 'long.cdt-exercise.json');
  writeFileSync(packageFile, packageText(long));
  emptyDb = join(temp.dir, 'empty.sqlite');
  openWorkbench(emptyDb, SEEDS_DIR, SCENARIOS_DIR).close();
}, 120_000);

/** Imports in a child process; kills it after `killAfterMs` unless it is done first. */
function importInChild(dbPath: string, killAfterMs: number | null): Promise<{ code: number | null; killed: boolean; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', tsx, cliMain, 'exercise', 'import', packageFile, '--db', dbPath], { stdio: 'ignore' });
    let killed = false;
    const timer = killAfterMs === null ? null : setTimeout(() => {
      killed = child.kill('SIGKILL');
    }, killAfterMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code, killed: killed && code === null, ms: Date.now() - started });
    });
  });
}

/** What the database holds after the child ended: the whole exercise, verified, or nothing. */
function stateOf(dbPath: string): 'whole' | 'none' {
  const wb = openWorkbench(dbPath, SEEDS_DIR, SCENARIOS_DIR);
  try {
    const exercises = listExercises(wb.db);
    const runs = listRuns(wb.db);
    const events = (wb.db.prepare('SELECT count(*) AS n FROM run_events').get() as { n: number }).n;
    if (exercises.length === 0) {
      expect({ runs: runs.length, events }).toEqual({ runs: 0, events: 0 });
      return 'none';
    }
    expect(exercises).toHaveLength(1);
    expect(events).toBe(totalEvents);
    for (const run of runs) expect(verifyRun(wb.db, run.id)).toMatchObject({ intact: true, replayMatches: true });
    return 'whole';
  } finally {
    wb.close();
  }
}

describe('kill -9 during an import', () => {
  it('leaves the whole exercise or nothing, at every moment it is killed', async () => {
    const full = join(temp.dir, 'full.sqlite');
    copyFileSync(emptyDb, full);
    const complete = await importInChild(full, null);
    expect(complete.code).toBe(0);
    expect(stateOf(full)).toBe('whole');

    const outcomes: string[] = [];
    // From the child's start-up to past its end, so some kills land inside the transaction.
    for (const fraction of [0.3, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95, 1.1]) {
      const db = join(temp.dir, `killed-${fraction}.sqlite`);
      copyFileSync(emptyDb, db);
      const result = await importInChild(db, Math.round(complete.ms * fraction));
      const state = stateOf(db);
      outcomes.push(`${result.killed ? 'killed' : 'finished'}:${state}`);
      if (!result.killed) expect(state).toBe('whole');
    }
    // The kills did land: at least one child died before its import was committed.
    expect(outcomes).toContain('killed:none');
  }, 240_000);
});
