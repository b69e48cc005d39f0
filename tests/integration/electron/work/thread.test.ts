import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkbench } from '../../../../electron/workbench';
import { exportExercise, packageText } from '../../../../electron/exercise/package';
import { listExercises } from '../../../../electron/exercise/exercises';
import { workerRunner } from '../../../../electron/work/thread';
import { UserError } from '../../../../shared/errors';
import type { WorkProgress } from '../../../../shared/ipc/contract';
import { accept, at, populatedExercise } from '../../../support/exercise';
import { SCENARIOS_DIR, SEEDS_DIR, tempDir } from '../../../support/temp';

// The app imports in a worker thread: the window's thread keeps running while a large
// package is checked and written, and hears how far the work is.

const temp = tempDir();
afterAll(temp.cleanup);
const WORKER_SOURCE = fileURLToPath(new URL('../../../../electron/work/worker.ts', import.meta.url));

/** The worker as the app's build emits it: one ES module, the SQLite module left to node_modules. */
async function builtWorker(): Promise<string> {
  const out = join(fileURLToPath(new URL('../../../../node_modules/.cache', import.meta.url)), `cdt-worker-${process.pid}.mjs`);
  await build({ entryPoints: [WORKER_SOURCE], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: out, external: ['better-sqlite3'], logLevel: 'silent' });
  return out;
}

/** A package with some thousands of events, so that checking it is real work. */
function largePackage(): string {
  const source = openWorkbench(join(temp.dir, 'source.sqlite'), SEEDS_DIR, SCENARIOS_DIR);
  const view = populatedExercise(source.db);
  const runId = view.delegations[1]!.runId;
  for (let i = 0; i < 1_500; i++) accept(source.db, runId, { type: 'NOTE.ADD', id: `bulk-${i}`, text: `Observation ${i} of the cell.` }, at(60 + i / 100));
  const file = join(temp.dir, 'large.cdt-exercise.json');
  writeFileSync(file, packageText(exportExercise(source.db, view.id, at(200))));
  source.close();
  return file;
}

describe('long work in a worker thread', () => {
  it('imports a large package while the calling thread keeps running, with progress, then refuses a bad file as data', async () => {
    const file = largePackage();
    const target = join(temp.dir, 'target.sqlite');
    openWorkbench(target, SEEDS_DIR, SCENARIOS_DIR).close();
    const runner = workerRunner(await builtWorker(), target);
    try {
      const progress: WorkProgress[] = [];
      let ticks = 0;
      const timer = setInterval(() => ticks++, 1);
      const result = await runner('importExercise', { file }, (p) => progress.push(p));
      clearInterval(timer);
      expect(result.status).toBe('imported');
      // Had the import run on this thread, not one timer callback could have run meanwhile.
      expect(ticks).toBeGreaterThan(0);
      expect(progress.map((p) => p.step)).toEqual(['reading', 'checking']);
      expect(progress.every((p) => p.task === 'importExercise' && p.done < p.total)).toBe(true);

      const reader = openWorkbench(target, SEEDS_DIR, SCENARIOS_DIR, { readOnly: true });
      expect(listExercises(reader.db).map((e) => e.name)).toEqual(['Cold Ward, table 1']);
      reader.close();

      // Exports and reports are built there too; the window's thread only writes the chosen file.
      const id = result.exercise.id;
      const exported = await runner('exportExercise', { id }, () => undefined);
      expect(exported.name).toBe('Cold Ward, table 1');
      expect(JSON.parse(exported.text)).toMatchObject({ format: 'cdt-exercise-package', exercise: { id } });
      const report = await runner('buildReport', { subject: { kind: 'exercise', id }, format: 'md', quoteLanguages: 'all' }, () => undefined);
      expect(report.title).toContain('Cold Ward, table 1');
      expect(report.content).toContain('# After-action report: Cold Ward, table 1');

      const broken = join(temp.dir, 'broken.json');
      writeFileSync(broken, '{"format": "cdt-exercise-package", "format": 2}');
      const refusal = await runner('importExercise', { file: broken }, () => undefined).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(UserError);
      expect((refusal as UserError).message).toMatch(/broken\.json: the key "format" appears twice in one object \(line 1, column \d+\)\.$/);
      expect((refusal as UserError).source).toBe(broken);
    } finally {
      await runner.close();
    }
  }, 60_000);
});
