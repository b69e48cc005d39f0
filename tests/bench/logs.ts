import { WORKFLOW_MACHINE_VERSION } from '../../shared/workflow/machine';
import type { Db } from '../../electron/db/open';
import { statement } from '../../electron/db/statements';
import { canonicalJson, eventHash, genesisHash, type ChainedEvent } from '../../electron/workflow/chain';
import { replayChecked } from '../../electron/workflow/runs';
import { stampEvent, type WorkflowEvent } from '../../shared/workflow/event-schema';
import { TO_DECISION } from '../support/workflow';

/**
 * Large logs built in memory: going through sendEvent for tens of thousands of events would
 * measure the append path while building, which is measured on its own elsewhere.
 */
const T0 = Date.parse('2026-03-10T09:00:00.000Z');
const atOf = (i: number): string => new Date(T0 + i * 1000).toISOString();

export type LogShape = 'notes' | 'mix';

/**
 * `notes`: the way to a decision, then notes. `mix`: a quarter findings, then the ratings
 * set again and again, then notes and dissents after the decision, so every growing list is
 * exercised (findings, notes, dissents) along with the rating rules.
 */
export function logOf(length: number, shape: LogShape): WorkflowEvent[] {
  const events: WorkflowEvent[] = [];
  const push = (event: Parameters<typeof stampEvent>[0]): void => {
    events.push(stampEvent(event, atOf(events.length)));
  };
  const [first, ...rest] = TO_DECISION;
  if (first) push(first);
  if (shape === 'mix') {
    for (let i = 0; i < length / 4; i++) {
      push({ type: 'FINDING.ADD', id: `f-${i}`, text: `Indicator ${i}: beaconing from ministry hosts`, source: 'CERT-EU', confidence: 'moderate' });
    }
  }
  const ratings = rest.filter((e) => e.type === 'RATING.SET');
  for (const event of rest) {
    push(event);
    if (shape === 'mix' && event.type === 'RATING.SET' && event === ratings.at(-1)) {
      for (let i = 0; i < length / 4; i++) {
        const again = ratings[i % ratings.length];
        if (again?.type === 'RATING.SET') push({ ...again, value: (i % 5) as 0 | 1 | 2 | 3 | 4, rationale: `Revised ${i}` });
      }
    }
  }
  for (let i = 0; events.length < length; i++) {
    const text = `Remark ${i}: the response stays proportionate`;
    push(shape === 'mix' && i % 2 === 1 ? { type: 'DISSENT.ADD', id: `r-${i}`, text } : { type: 'NOTE.ADD', id: `r-${i}`, text });
  }
  return events;
}

/** The chain exactly as sendEvent would have stored it. */
export function chainOf(runId: string, events: readonly WorkflowEvent[]): ChainedEvent[] {
  let prev = genesisHash(runId);
  return events.map((event, i) => {
    const seq = i + 1;
    const at = 'at' in event && typeof event.at === 'string' ? event.at : atOf(i);
    const json = canonicalJson(event);
    const hash = eventHash(prev, seq, at, json);
    const chained = { seq, at, event: json, prevHash: prev, hash };
    prev = hash;
    return chained;
  });
}

/** Gives an existing, empty run (e.g. a delegation's) the log, as if every event had been sent. */
export function fillRun(db: Db, runId: string, events: readonly WorkflowEvent[]): void {
  const replay = replayChecked(events, WORKFLOW_MACHINE_VERSION);
  if (!replay.ok) throw new Error(`bench log refused at ${replay.index}: ${replay.reasons.join(' ')}`);
  const chain = chainOf(runId, events);
  db.transaction(() => {
    const insert = statement(db, 'INSERT INTO run_events (run_id, seq, at, event, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)');
    for (const e of chain) insert.run(runId, e.seq, e.at, e.event, e.prevHash, e.hash);
    const last = chain.at(-1);
    statement(db, 'UPDATE runs SET event_count = ?, head_hash = ?, updated_at = ? WHERE id = ?').run(
      chain.length, last?.hash ?? genesisHash(runId), last?.at ?? atOf(0), runId,
    );
    statement(db, 'UPDATE run_checkpoints SET seq = ?, snapshot = ? WHERE run_id = ?').run(chain.length, canonicalJson(replay.snapshot), runId);
  })();
}

