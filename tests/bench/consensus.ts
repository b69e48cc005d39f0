import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../electron/db/open';
import { consensusOf, recordJointEntry } from '../../electron/consensus/joint';
import { createExercise } from '../../electron/exercise/exercises';
import { exportExercise, importExercisePackage, packageText } from '../../electron/exercise/package';
import { syncBundledScenarios } from '../../electron/exercise/scenarios';
import { getRun, sendEvent } from '../../electron/workflow/runs';
import type { IncomingEvent } from '../../shared/workflow/event-schema';
import { reseal } from '../support/exercise';
import { SCENARIOS_DIR } from '../support/temp';
import { TO_DECISION } from '../support/workflow';
import { round, summarise, time } from './stats';
import type { Report } from './report';

const notes = (n: number): IncomingEvent[] =>
  Array.from({ length: n }, (_, i): IncomingEvent => ({ type: 'NOTE.ADD', id: `x${i}`, text: `Remark ${i} on the Council's positions.` }));

/**
 * The consensus step at 1x, 4x and 16x the events of each delegation's run (10 delegations,
 * each decided, one opposing and one abstaining): the console's view of the table and the
 * joint decision on a database just opened, against reading the same runs
 * (what the console's delegation cards cost anyway); recording an entry; and importing a
 * package with the joint decision, against the same package without it. Each cost should grow
 * with the events, not faster, and stay a small multiple of its baseline.
 */
export function benchConsensus(report: Report, dir: string, quick: boolean): void {
  const delegations = 10;
  const sizes = quick ? [50, 200] : [100, 400, 1_600];
  const samples = quick ? 2 : 5;
  const base = join(dir, 'consensus');
  mkdirSync(base, { recursive: true });
  let first: { view: number; record: number; imported: number } | null = null;
  for (const size of sizes) {
    const file = join(base, `facilitator-${size}.sqlite`);
    const db = openDatabase(file);
    syncBundledScenarios(db, SCENARIOS_DIR);
    const exercise = createExercise(db, {
      name: `Bench consensus ${size}`, scenarioId: 'hospital-ransomware',
      delegationNames: Array.from({ length: delegations }, (_, i) => `Delegation ${i + 1}`),
    });
    exercise.delegations.forEach((d, i) => {
      const positions: IncomingEvent[] =
        i === 0 ? [{ type: 'POSITION.SET', measureId: 'travel-ban', stance: 'opposes', text: 'Not before the démarche has run its course.' }]
          : i === 1 ? [{ type: 'POSITION.SET', measureId: 'hr-statement', stance: 'abstains', text: 'We will not apply it, and accept that it commits the Union.' }]
            : [];
      db.transaction(() => {
        for (const event of [...TO_DECISION, ...notes(size - TO_DECISION.length - positions.length), ...positions]) {
          const sent = sendEvent(db, d.runId, event);
          if (!sent.accepted) throw new Error(`bench event refused: ${sent.reasons.join(' ')}`);
        }
      })();
    });
    const recordMs = [time(() => recordJointEntry(db, exercise.id, { kind: 'adopt', measureId: 'council-conclusions' })).ms];
    recordMs.push(time(() => recordJointEntry(db, exercise.id, { kind: 'block', measureId: 'travel-ban' })).ms);
    db.close();

    const viewMs: number[] = [];
    const runsMs: number[] = [];
    for (let s = 0; s < samples; s++) {
      const cold = openDatabase(file);
      viewMs.push(time(() => consensusOf(cold, exercise.id)).ms);
      cold.close();
      const bare = openDatabase(file);
      runsMs.push(time(() => exercise.delegations.map((d) => getRun(bare, d.runId))).ms);
      bare.close();
    }
    const source = openDatabase(file);
    const pkg = exportExercise(source, exercise.id);
    source.close();
    const withJoint = packageText(pkg);
    const { jointDecision: _dropped, ...withoutExercise } = pkg.exercise;
    const withoutJoint = packageText(reseal({ ...pkg, exercise: withoutExercise }));
    const importMs: number[] = [];
    const bareImportMs: number[] = [];
    for (let s = 0; s < samples; s++) {
      const target = openDatabase(join(base, `import-${size}-${s}.sqlite`));
      importMs.push(time(() => importExercisePackage(target, withJoint, 'bench')).ms);
      target.close();
      const bare = openDatabase(join(base, `import-bare-${size}-${s}.sqlite`));
      bareImportMs.push(time(() => importExercisePackage(bare, withoutJoint, 'bench')).ms);
      bare.close();
    }
    const view = summarise(viewMs);
    const runs = summarise(runsMs);
    const record = summarise(recordMs);
    const imported = summarise(importMs);
    const bareImport = summarise(bareImportMs);
    first ??= { view: view.p50, record: record.p50, imported: imported.p50 };
    const grows = { eventsRatioToSmallest: size / sizes[0]! };
    report.row('consensus', `the console's table and joint decision, ${delegations} runs x ${size} events, on a database just opened`, view, {
      ratioToReadingTheRuns: round(view.p50 / runs.p50, 2), ratioToSmallest: round(view.p50 / first.view, 2), ...grows,
    });
    report.row('consensus', `baseline: read the same ${delegations} runs`, runs);
    report.row('consensus', `record a joint decision entry over ${delegations} runs x ${size} events`, record, { ratioToSmallest: round(record.p50 / first.record, 2), ...grows });
    report.row('consensus', `import a package with its joint decision, ${delegations} x ${size} events`, imported, {
      ratioToWithout: round(imported.p50 / bareImport.p50, 2), ratioToSmallest: round(imported.p50 / first.imported, 2), ...grows,
    });
    report.row('consensus', 'baseline: the same package without the joint decision', bareImport);
  }
}
