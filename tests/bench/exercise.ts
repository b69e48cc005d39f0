import { statSync } from 'node:fs';
import { openDatabase } from '../../electron/db/open';
import { createExercise, releaseInject } from '../../electron/exercise/exercises';
import { exportExercise, importExercisePackage, packageText } from '../../electron/exercise/package';
import { syncBundledScenarios } from '../../electron/exercise/scenarios';
import { writeFileSafely } from '../../electron/files/write';
import { sendEvent } from '../../electron/workflow/runs';
import type { IncomingEvent } from '../../shared/workflow/event-schema';
import { SCENARIOS_DIR } from '../support/temp';
import { TO_DECISION } from '../support/workflow';
import { round, summarise, time } from './stats';
import type { Report } from './report';

/** A delegation's log: the way to a decision, then discussion notes up to `length` events. */
function delegationEvents(length: number): IncomingEvent[] {
  const notes = Array.from({ length: Math.max(0, length - TO_DECISION.length) }, (_, i): IncomingEvent => ({
    type: 'NOTE.ADD', id: `n${i}`, text: `Delegation remark ${i}: the response must remain proportionate to the disruption of health services.`,
  }));
  return [...TO_DECISION, ...notes];
}

/**
 * Export and import of a large exercise package: 10 delegations x 500 events (quick: 3 x 100).
 * Import is the expensive side: it validates, verifies every chain and replays every run.
 */
export function benchExercise(report: Report, dir: string, quick: boolean): void {
  const delegations = quick ? 3 : 10;
  const perDelegation = quick ? 100 : 500;
  const samples = quick ? 3 : 5;
  const source = openDatabase(`${dir}/exercise-source.sqlite`);
  syncBundledScenarios(source, SCENARIOS_DIR);
  const exercise = createExercise(source, {
    name: 'Bench exercise',
    scenarioId: 'hospital-ransomware',
    delegationNames: Array.from({ length: delegations }, (_, i) => `Delegation ${i + 1}`),
  });
  const build = time(() =>
    source.transaction(() => {
      for (const d of exercise.delegations) {
        for (const event of delegationEvents(perDelegation - 1)) {
          const sent = sendEvent(source, d.runId, event);
          if (!sent.accepted) throw new Error(`bench event refused: ${sent.reasons.join(' ')}`);
        }
      }
      releaseInject(source, exercise.id, 'csirt-technical-summary', 'all');
    })(),
  );
  report.note('exercise', `built ${delegations} delegations x ${perDelegation} events in ${round(build.ms / 1000, 2)} s`);

  const file = `${dir}/bench.cdt-exercise.json`;
  const exportMs: number[] = [];
  let text = '';
  for (let i = 0; i < samples; i++) {
    exportMs.push(time(() => {
      text = packageText(exportExercise(source, exercise.id));
      writeFileSafely(file, text);
    }).ms);
  }
  source.close();
  const bytes = statSync(file).size;
  report.row('exercise', `export to file (${delegations} x ${perDelegation} events)`, summarise(exportMs), { megabytes: round(bytes / 1024 / 1024, 2) });

  const importMs: number[] = [];
  for (let i = 0; i < samples; i++) {
    const target = openDatabase(`${dir}/exercise-target-${i}.sqlite`);
    importMs.push(time(() => importExercisePackage(target, text, file)).ms);
    target.close();
  }
  const events = delegations * perDelegation;
  const imported = summarise(importMs);
  report.row('exercise', `import: validate, verify chains, replay, write (${delegations} x ${perDelegation} events)`, imported, {
    eventsPerSecond: round(events / (imported.p50 / 1000), 0),
  });
}
