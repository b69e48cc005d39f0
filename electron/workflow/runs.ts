import { UserError } from '../../shared/errors';
import { randomUUID } from 'node:crypto';
import { initialTransition, transition } from 'xstate';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { readTransaction } from '../db/transaction';
import { canonicalJson, eventHash, genesisHash, verifyChain, type ChainedEvent } from './chain';
import {
  blockers, stepOf, stepsDone, whyNot, workflowMachine, WORKFLOW_MACHINE_VERSION,
  type WorkflowEvent, type WorkflowSnapshot,
} from '../../shared/workflow/machine';
import { stampEvent, type IncomingEvent } from '../../shared/workflow/event-schema';
import type { RecordedEvent, RunSummary, RunVerification, RunView, SendResult, StoredSnapshot } from '../../shared/workflow/runs';

/**
 * The run service: the main process is the authority over every run. An event is applied
 * with the machine's pure transition; a refused event writes nothing; an accepted one is
 * appended to the hash-chained log and the new snapshot stored, in one transaction.
 */
export class RunNotFoundError extends UserError {
  constructor(id: string) {
    super(`There is no run with id ${id}.`);
    this.name = 'RunNotFoundError';
  }
}

interface RunRow {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
  snapshot: string;
  event_count: number;
  head_hash: string;
}

const storedOf = (snapshot: WorkflowSnapshot): StoredSnapshot => ({ value: stepOf(snapshot), context: snapshot.context });
const restore = (stored: StoredSnapshot): WorkflowSnapshot => workflowMachine.resolveState(stored);
export const initialSnapshot = (): StoredSnapshot => storedOf(initialTransition(workflowMachine)[0]);

function readRun(db: Db, id: string): RunRow {
  const row = statement(db, 'SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined;
  if (!row) throw new RunNotFoundError(id);
  return row;
}

function summaryOf(row: RunRow, snapshot: StoredSnapshot): RunSummary {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    step: snapshot.value,
    stepsDone: stepsDone(snapshot.context),
    eventCount: row.event_count,
  };
}

function viewOf(row: RunRow): RunView {
  const snapshot = JSON.parse(row.snapshot) as StoredSnapshot;
  return { ...summaryOf(row, snapshot), snapshot, blockers: blockers(snapshot.context) };
}

export const RUN_NAME_MAX = 200;

function cleanName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw new UserError('A run needs a name.');
  if (trimmed.length > RUN_NAME_MAX) throw new UserError(`A run's name can have at most ${RUN_NAME_MAX} characters.`);
  return trimmed;
}

export function createRun(db: Db, name: string, options: { id?: string; now?: string } = {}): RunView {
  const id = options.id ?? randomUUID();
  const now = options.now ?? new Date().toISOString();
  statement(
    db,
    `INSERT INTO runs (id, name, created_at, updated_at, machine_version, snapshot, event_count, head_hash)
     VALUES (?, ?, ?, ?, ?, ?, 0, ?)`,
  ).run(id, cleanName(name), now, now, WORKFLOW_MACHINE_VERSION, canonicalJson(initialSnapshot()), genesisHash(id));
  return viewOf(readRun(db, id));
}

export function listRuns(db: Db): RunSummary[] {
  const rows = statement(db, 'SELECT * FROM runs ORDER BY updated_at DESC, id').all() as RunRow[];
  return rows.map((row) => summaryOf(row, JSON.parse(row.snapshot) as StoredSnapshot));
}

export function getRun(db: Db, id: string): RunView {
  return viewOf(readRun(db, id));
}

export function renameRun(db: Db, id: string, name: string): RunView {
  readRun(db, id);
  statement(db, 'UPDATE runs SET name = ?, updated_at = ? WHERE id = ?').run(cleanName(name), new Date().toISOString(), id);
  return getRun(db, id);
}

export function deleteRun(db: Db, id: string): void {
  readRun(db, id);
  // A delegation's run is part of an exercise's record: the schema forbids deleting it alone; say why.
  const owner = statement(
    db,
    'SELECT e.name AS exercise, d.name AS delegation FROM exercise_delegations d JOIN exercises e ON e.id = d.exercise_id WHERE d.run_id = ?',
  ).get(id) as { exercise: string; delegation: string } | undefined;
  if (owner) {
    throw new UserError(`This run is the work of ${owner.delegation} in the exercise "${owner.exercise}"; delete the exercise to remove it.`);
  }
  statement(db, 'DELETE FROM runs WHERE id = ?').run(id);
}

/** Applies one event; on refusal nothing is written and the reasons say why. */
export function sendEvent(db: Db, id: string, incoming: IncomingEvent, now = new Date().toISOString()): SendResult {
  // IMMEDIATE: take the write lock before reading, so two writers cannot both extend the chain.
  return db.transaction((): SendResult => {
    const row = readRun(db, id);
    const current = restore(JSON.parse(row.snapshot) as StoredSnapshot);
    const event = stampEvent(incoming, now);
    const reasons = whyNot(current, event);
    if (reasons.length > 0) return { accepted: false, reasons };
    if (!current.can(event)) return { accepted: false, reasons: ['The workflow does not accept this event now.'] };
    const [next] = transition(workflowMachine, current, event);
    const seq = row.event_count + 1;
    const eventJson = canonicalJson(event);
    const hash = eventHash(row.head_hash, seq, now, eventJson);
    statement(db, 'INSERT INTO run_events (run_id, seq, at, event, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)').run(
      id, seq, now, eventJson, row.head_hash, hash,
    );
    statement(db, 'UPDATE runs SET snapshot = ?, event_count = ?, head_hash = ?, updated_at = ? WHERE id = ?').run(
      canonicalJson(storedOf(next)), seq, hash, now, id,
    );
    return { accepted: true, run: getRun(db, id) };
  }).immediate();
}

/** The stored log exactly as chained (events as their canonical JSON), for export and verification. */
export function runChain(db: Db, id: string): ChainedEvent[] {
  return readTransaction(db, () => {
    readRun(db, id);
    return chainOf(db, id);
  });
}

function chainOf(db: Db, id: string): ChainedEvent[] {
  return (
    statement(db, 'SELECT seq, at, event, prev_hash, hash FROM run_events WHERE run_id = ? ORDER BY seq').all(id) as {
      seq: number; at: string; event: string; prev_hash: string; hash: string;
    }[]
  ).map((r) => ({ seq: r.seq, at: r.at, event: r.event, prevHash: r.prev_hash, hash: r.hash }));
}

export function runHistory(db: Db, id: string): RecordedEvent[] {
  return runChain(db, id).map((e) => ({ seq: e.seq, at: e.at, event: JSON.parse(e.event) as WorkflowEvent, hash: e.hash }));
}

/** Replays the log from the initial state; the stored snapshot must be what it yields. */
export function replayRun(events: readonly WorkflowEvent[]): StoredSnapshot {
  let snapshot = initialTransition(workflowMachine)[0];
  for (const event of events) snapshot = transition(workflowMachine, snapshot, event)[0];
  return storedOf(snapshot);
}

export type CheckedReplay =
  | { readonly ok: true; readonly snapshot: StoredSnapshot }
  | { readonly ok: false; readonly index: number; readonly reasons: readonly string[] };

/**
 * Replays like replayRun, but stops at the first event the machine would refuse (xstate's
 * transition ignores it silently). An imported log must consist of accepted events only,
 * exactly as sendEvent would have recorded them.
 */
export function replayChecked(events: readonly WorkflowEvent[]): CheckedReplay {
  let snapshot = initialTransition(workflowMachine)[0];
  for (const [index, event] of events.entries()) {
    const reasons = whyNot(snapshot, event);
    if (reasons.length > 0) return { ok: false, index, reasons };
    if (!snapshot.can(event)) return { ok: false, index, reasons: ['The workflow does not accept this event here.'] };
    snapshot = transition(workflowMachine, snapshot, event)[0];
  }
  return { ok: true, snapshot: storedOf(snapshot) };
}

/**
 * Stores a run whose log was verified elsewhere (an import): the chain must already have
 * passed verifyChain and its events replayChecked, which gave `snapshot`. Callers run this
 * inside their own transaction, so a failed import leaves nothing behind.
 */
export function insertVerifiedRun(
  db: Db,
  run: { readonly id: string; readonly name: string; readonly createdAt: string },
  chain: readonly ChainedEvent[],
  snapshot: StoredSnapshot,
): void {
  const last = chain[chain.length - 1];
  statement(
    db,
    `INSERT INTO runs (id, name, created_at, updated_at, machine_version, snapshot, event_count, head_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    run.id, cleanName(run.name), run.createdAt, last?.at ?? run.createdAt, WORKFLOW_MACHINE_VERSION,
    canonicalJson(snapshot), chain.length, last?.hash ?? genesisHash(run.id),
  );
  const insert = statement(db, 'INSERT INTO run_events (run_id, seq, at, event, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)');
  for (const e of chain) insert.run(run.id, e.seq, e.at, e.event, e.prevHash, e.hash);
}

/** Is the record intact? The chain must verify and its replay must give the stored snapshot. */
export function verifyRun(db: Db, id: string): RunVerification {
  // One snapshot for the row and its log: read apart, a concurrent append looks like tampering.
  const { row, chain } = readTransaction(db, () => ({ row: readRun(db, id), chain: chainOf(db, id) }));
  const verdict = verifyChain(id, chain, row.head_hash);
  const replayed = replayRun(chain.map((e) => JSON.parse(e.event) as WorkflowEvent));
  return { ...verdict, replayMatches: canonicalJson(replayed) === row.snapshot };
}
