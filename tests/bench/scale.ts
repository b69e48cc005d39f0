import { WORKFLOW_MACHINE_VERSION } from '../../shared/workflow/machine';
import { openDatabase } from '../../electron/db/open';
import { createExercise } from '../../electron/exercise/exercises';
import { exportExercise, importExercisePackage, packageText } from '../../electron/exercise/package';
import { syncBundledScenarios } from '../../electron/exercise/scenarios';
import { createRun, insertVerifiedRun, replayChecked, sendEvent } from '../../electron/workflow/runs';
import type { IncomingEvent } from '../../shared/workflow/event-schema';
import { SCENARIOS_DIR } from '../support/temp';
import { chainOf, fillRun, logOf } from './logs';
import { round, summarise, time, type Summary } from './stats';
import type { Report } from './report';

/**
 * Does the cost grow with the work and no faster? Each measure is taken at two sizes in the
 * same run, and the ratio printed against its target: import 4x the events in under 5x the
 * time, and an append to a long run at a p95 within 1.5x of an append to an empty one.
 */
export function benchScale(report: Report, dir: string, quick: boolean): void {
  benchImportScale(report, dir, quick);
  benchAppendScale(report, dir, quick);
}

// An import checks every time against the exercise's creation and the export: the logs start
// on 2026-03-10 at 09:00 and take a second per event, well within these two.
const LOG_START_MINUS_AN_HOUR = '2026-03-10T08:00:00.000Z';
const EXPORTED_AT = '2026-03-12T00:00:00.000Z';

function packageOf(dir: string, name: string, delegations: number, perDelegation: number): string {
  const db = openDatabase(`${dir}/scale-${name}.sqlite`);
  syncBundledScenarios(db, SCENARIOS_DIR);
  const exercise = createExercise(db, {
    name: `Scale ${name}`,
    scenarioId: 'hospital-ransomware',
    delegationNames: Array.from({ length: delegations }, (_, i) => `Delegation ${i + 1}`),
    now: LOG_START_MINUS_AN_HOUR,
  });
  for (const d of exercise.delegations) fillRun(db, d.runId, logOf(perDelegation, 'mix'));
  const text = packageText(exportExercise(db, exercise.id, EXPORTED_AT));
  db.close();
  return text;
}

function importTimes(dir: string, name: string, text: string, samples: number): Summary {
  const ms: number[] = [];
  for (let i = 0; i < samples; i++) {
    const target = openDatabase(`${dir}/scale-${name}-target-${i}.sqlite`);
    ms.push(time(() => importExercisePackage(target, text, `${name}.cdt-exercise.json`)).ms);
    target.close();
  }
  return summarise(ms);
}

function benchImportScale(report: Report, dir: string, quick: boolean): void {
  const delegations = quick ? 3 : 10;
  const large = quick ? 1_000 : 5_000;
  const small = large / 4;
  const samples = quick ? 1 : 3;
  const smallText = packageOf(dir, 'import-1x', delegations, small);
  const largeText = packageOf(dir, 'import-4x', delegations, large);
  const one = importTimes(dir, 'import-1x', smallText, samples);
  const four = importTimes(dir, 'import-4x', largeText, samples);
  const megabytes = (text: string): number => round(Buffer.byteLength(text) / 1024 / 1024, 2);
  report.row('scale', `import ${delegations} x ${small} events (1x)`, one, { megabytes: megabytes(smallText) });
  report.row('scale', `import ${delegations} x ${large} events (4x)`, four, {
    megabytes: megabytes(largeText),
    ratioP50: round(four.p50 / one.p50, 2),
    target: '4x the events in < 5x the time' + (quick ? '' : ', and < 5000 ms'),
    met: four.p50 / one.p50 < 5 && (quick || four.p50 < 5_000),
  });
}

function appendTimes(db: ReturnType<typeof openDatabase>, runId: string, count: number): Summary {
  const ms: number[] = [];
  for (let i = 0; i < count; i++) {
    const event: IncomingEvent = { type: 'NOTE.ADD', id: `appended-${i}`, text: `Remark ${i}: the response stays proportionate` };
    const sent = time(() => sendEvent(db, runId, event));
    if (!sent.value.accepted) throw new Error(`bench event refused: ${sent.value.reasons.join(' ')}`);
    ms.push(sent.ms);
  }
  return summarise(ms);
}

function benchAppendScale(report: Report, dir: string, quick: boolean): void {
  const length = quick ? 2_000 : 10_000;
  const count = quick ? 60 : 300;
  const db = openDatabase(`${dir}/scale-append.sqlite`);
  const events = logOf(length, 'mix');
  const replay = replayChecked(events, WORKFLOW_MACHINE_VERSION);
  if (!replay.ok) throw new Error(`bench log refused at ${replay.index}: ${replay.reasons.join(' ')}`);
  const chain = chainOf('scale-long', events);
  db.transaction(() => insertVerifiedRun(db, { id: 'scale-long', name: 'Long run', createdAt: chain[0]?.at ?? '', machineVersion: WORKFLOW_MACHINE_VERSION }, chain, replay.snapshot))();
  const { id: emptyId } = createRun(db, 'Empty run');
  // Alternating rounds, so that a slow stretch of the disk falls on both alike; the first
  // append of each restores the run and is left out, as a warm app would not pay it.
  appendTimes(db, emptyId, 1);
  appendTimes(db, 'scale-long', 1);
  const empty: number[] = [];
  const long: number[] = [];
  const rounds = 5;
  for (let r = 0; r < rounds; r++) {
    for (const [runId, into] of [[emptyId, empty], ['scale-long', long]] as const) {
      for (let i = 0; i < count / rounds; i++) {
        const event: IncomingEvent = { type: 'NOTE.ADD', id: `round-${r}-${i}`, text: `Remark ${i}: the response stays proportionate` };
        const sent = time(() => sendEvent(db, runId, event));
        if (!sent.value.accepted) throw new Error(`bench event refused: ${sent.value.reasons.join(' ')}`);
        into.push(sent.ms);
      }
    }
  }
  db.close();
  const emptySummary = summarise(empty);
  const longSummary = summarise(long);
  report.row('scale', 'append to an empty run (baseline)', emptySummary);
  report.row('scale', `append to a run holding ${length} events`, longSummary, {
    ratioP95: round(longSummary.p95 / emptySummary.p95, 2),
    ratioMean: round(longSummary.mean / emptySummary.mean, 2),
    target: 'p95 within 1.5x of the empty run',
    met: longSummary.p95 / emptySummary.p95 <= 1.5,
  });
}
