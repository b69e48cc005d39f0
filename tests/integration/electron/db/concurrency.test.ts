import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/db/open';
import { addFacilitatorNote, getExercise } from '../../../../electron/exercise/exercises';
import { exportExercise, importExercisePackage, packageText } from '../../../../electron/exercise/package';
import { exerciseReport } from '../../../../electron/report/collect';
import { verifyRun } from '../../../../electron/workflow/runs';
import { openWorkbench } from '../../../../electron/workbench';
import type { ExercisePackage } from '../../../../shared/exercise/package';
import { populatedExercise } from '../../../support/exercise';
import { SCENARIOS_DIR, SEEDS_DIR, tempDir } from '../../../support/temp';

const temp = tempDir();
afterAll(temp.cleanup);

const writer = fileURLToPath(new URL('../../../support/concurrent-writer.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../../../node_modules/tsx/dist/loader.mjs', import.meta.url));

/** Starts the other process; resolves once it has the database open. */
function startWriter(args: readonly string[]): Promise<{ child: ChildProcess; done: Promise<string> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsx, writer, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const done = new Promise<string>((finish, fail) =>
      child.on('exit', (code) => (code === 0 ? finish(out) : fail(new Error(`the writer exited with ${code}: ${err}`)))),
    );
    done.catch(reject);
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.startsWith('ready\n')) resolve({ child, done });
    });
  });
}

const sqliteCode = (error: unknown): string | undefined => (error instanceof Error ? (error as Error & { code?: string }).code : undefined);

describe('the app and the command line on one database at once', () => {
  it('verifies, exports, reports and adds notes while another process appends: no false tamper verdict, no SQLITE_BUSY', async () => {
    const file = join(temp.dir, 'shared.sqlite');
    const setup = openWorkbench(file, SEEDS_DIR, SCENARIOS_DIR);
    const exercise = populatedExercise(setup.db, { id: 'shared' });
    setup.close();
    const [north, south] = exercise.delegations;
    const stopFile = join(temp.dir, 'stop');
    const { done } = await startWriter([file, south!.runId, exercise.id, stopFile, '15000', '4000']);

    const db = openDatabase(file);
    const falseVerdicts: string[] = [];
    const busy: string[] = [];
    const exports: ExercisePackage[] = [];
    const eventCounts = new Set<number>();
    let notes = 0;
    const deadline = Date.now() + 4_000;
    for (let i = 0; i < 250 && Date.now() < deadline; i++) {
      try {
        // The appended run three times: the gap between two reads is short, and a verdict
        // taken across a commit is what this test is for.
        for (const d of [north!, south!, south!, south!]) {
          const v = verifyRun(db, d.runId);
          if (!v.intact || !v.replayMatches) falseVerdicts.push(`${d.name} at ${v.events} events: ${JSON.stringify(v)}`);
          if (d === south) eventCounts.add(v.events);
        }
        if (i % 3 === 0) exports.push(exportExercise(db, exercise.id));
        if (i % 10 === 0) {
          const report = exerciseReport(db, exercise.id, { quoteLanguages: 'nl' });
          for (const d of report.delegations) if (!d.chain.intact) falseVerdicts.push(`report: ${d.name}: ${d.chain.problem}`);
        }
        addFacilitatorNote(db, exercise.id, `Facilitator note ${i}`, new Date().toISOString(), `facilitator-${i}`);
        notes++;
      } catch (error) {
        if (sqliteCode(error)?.startsWith('SQLITE_BUSY')) busy.push(`${i}: ${(error as Error).message}`);
        else throw error;
      }
    }
    writeFileSync(stopFile, '');
    const [, otherEvents, otherNotes] = (await done).trim().split('\n').at(-1)!.split(' ').map(Number);

    expect(falseVerdicts).toEqual([]);
    expect(busy).toEqual([]);
    // The two really overlapped: the verifications saw the other process's log grow.
    expect(eventCounts.size).toBeGreaterThan(5);
    expect(otherEvents).toBeGreaterThan(10);
    expect(otherNotes).toBeGreaterThan(5);
    expect(getExercise(db, exercise.id).notes.length).toBe(exercise.notes.length + notes + otherNotes!);
    db.close();

    // Every export is one consistent snapshot: each imports whole into an empty database.
    expect(exports.length).toBeGreaterThan(3);
    for (const [i, pkg] of exports.entries()) {
      const target = openDatabase(':memory:');
      expect(importExercisePackage(target, packageText(pkg), `export-${i}.json`).status).toBe('imported');
      target.close();
    }
  }, 60_000);
});
