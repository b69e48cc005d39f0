import { openDatabase } from '../../electron/db/open';
import { createRun, sendEvent } from '../../electron/workflow/runs';
import type { IncomingEvent } from '../../shared/workflow/event-schema';
import { TO_DECISION } from '../support/workflow';
import { round, summarise, time } from './stats';
import type { Report } from './report';

/** A delegation's log: findings first, the way to a decision, then notes as discussion goes on. */
function eventsOfOneRun(length: number): IncomingEvent[] {
  const findings = Array.from({ length: 10 }, (_, i): IncomingEvent => ({
    type: 'FINDING.ADD', id: `f${i}`, text: `Indicator ${i}: beaconing to a known command server from ministry hosts`, source: 'CERT-EU', confidence: 'moderate',
  }));
  const path = [...findings, ...TO_DECISION.slice(1)];
  const notes = Array.from({ length: Math.max(0, length - path.length) }, (_, i): IncomingEvent => ({
    type: 'NOTE.ADD', id: `n${i}`, text: `Delegation remark ${i} on the proportionality of the response`,
  }));
  return [...path, ...notes];
}

export function benchWorkflow(report: Report, dir: string, quick: boolean): void {
  const db = openDatabase(`${dir}/workflow.sqlite`);
  const runs = quick ? 3 : 10;
  const perRun = quick ? 100 : 200;
  const appSamples: number[] = [];
  const bareSamples: number[] = [];

  // The baseline: the same row, inserted alone with the same durability (WAL, synchronous=FULL).
  db.exec('CREATE TABLE bare_events (run_id TEXT, seq INTEGER, at TEXT, event TEXT, prev_hash TEXT, hash TEXT, PRIMARY KEY (run_id, seq)) WITHOUT ROWID');
  const bareInsert = db.prepare('INSERT INTO bare_events VALUES (?, ?, ?, ?, ?, ?)');
  const hash = 'f'.repeat(64);

  const total = time(() => {
    for (let r = 0; r < runs; r++) {
      const { id } = createRun(db, `Bench ${r}`);
      eventsOfOneRun(perRun).forEach((event, i) => {
        const sent = time(() => sendEvent(db, id, event));
        if (!sent.value.accepted) throw new Error(`bench event refused: ${sent.value.reasons.join(' ')}`);
        appSamples.push(sent.ms);
        const row = JSON.stringify({ ...event, at: new Date().toISOString() });
        bareSamples.push(time(() => bareInsert.run(id, i + 1, new Date().toISOString(), row, hash, hash)).ms);
      });
    }
  });
  db.close();

  const app = summarise(appSamples);
  const bare = summarise(bareSamples);
  report.row('workflow', `one event applied and persisted (${runs} runs x ${perRun} events)`, app, {
    eventsPerSecond: round(appSamples.length / (appSamples.reduce((s, x) => s + x, 0) / 1000), 0),
    ratioP50: round(app.p50 / bare.p50, 2),
    ratioP95: round(app.p95 / bare.p95, 2),
  });
  report.row('workflow', 'bare INSERT of the same row (baseline)', bare, {
    rowsPerSecond: round(bareSamples.length / (bareSamples.reduce((s, x) => s + x, 0) / 1000), 0),
  });
  report.note('workflow', `wall time for both: ${round(total.ms / 1000, 2)} s`);
}
