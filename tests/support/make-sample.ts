import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { openWorkbench } from '../../electron/workbench';
import { exportExercise, packageText } from '../../electron/exercise/package';
import type { ExercisePackage } from '../../shared/exercise/package';
import { SAMPLE_EXPORTED_AT, buildSampleExercise, normalisePackage } from './sample-exercise';
import { SAMPLE_EXERCISE, SCENARIOS_DIR, SEEDS_DIR, tempDir } from './temp';

/**
 * Writes the sample exercise package to resources/exercises (npm run sample). The delegation
 * and run ids are drawn at random, so the file is rewritten only when its content changed:
 * running the script again does not churn the committed file.
 */
const temp = tempDir('cdt-sample-');
const workbench = openWorkbench(join(temp.dir, 'sample.sqlite'), SEEDS_DIR, SCENARIOS_DIR);
try {
  const id = buildSampleExercise(workbench.db);
  const pkg = exportExercise(workbench.db, id, SAMPLE_EXPORTED_AT);
  const shown = relative(process.cwd(), SAMPLE_EXERCISE);
  const current = existsSync(SAMPLE_EXERCISE) ? (JSON.parse(readFileSync(SAMPLE_EXERCISE, 'utf8')) as ExercisePackage) : null;
  if (current !== null && isDeepStrictEqual(normalisePackage(current), normalisePackage(pkg))) {
    console.log(`${shown} is up to date.`);
  } else {
    mkdirSync(dirname(SAMPLE_EXERCISE), { recursive: true });
    writeFileSync(SAMPLE_EXERCISE, packageText(pkg));
    console.log(`Wrote ${shown}: ${pkg.runs.length} delegations, ${pkg.runs.reduce((n, r) => n + r.events.length, 0)} events.`);
  }
} finally {
  workbench.close();
  temp.cleanup();
}
