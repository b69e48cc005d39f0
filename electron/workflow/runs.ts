import { UserError } from '../../shared/errors';
import { randomUUID } from 'node:crypto';
import { initialTransition, transition } from 'xstate';
import type { Db } from '../db/open';
import {
  deleteRun as deleteRunRow, insertCheckpoint, insertEvent, insertRun, selectCheckpoint, selectCheckpointSeq, selectEvents,
  selectEventsAfter, selectRun, selectRunIds, updateCheckpoint, updateRunHead, updateRunName, updateRunVersion, type CheckpointRow, type RunRow,
} from '../db/tables/runs';
import { readTransaction, writeTransaction } from '../db/transaction';
import { canonicalJson, eventHash, genesisHash, storedEvent, verifyChain, type ChainedEvent } from './chain';
import { STEP_IDS, isStepId } from '../../shared/framework/catalogue';
import { upgradedContext, versionAfter, versionRefusal, workflowMachine, WORKFLOW_MACHINE_VERSION, type WorkflowSnapshot } from '../../shared/workflow/machine';
import { EVENT_ACTIONS, VERSION_3_EVENT_TYPES, stampEvent, type IncomingEvent, type WorkflowEvent } from '../../shared/workflow/event-schema';
import { blockers, replaying } from '../../shared/workflow/rules';
import { stepOf, stepsDone, whyNot } from '../../shared/workflow/explain';
import type { RecordedEvent, RunSummary, RunVerification, RunView, SendResult, StoredSnapshot } from '../../shared/workflow/runs';
import { EXERCISE_LIMITS } from '../../shared/exercise/limits';
import { nameProblem } from '../../shared/text';
import { formatTime } from '../../shared/report/model';

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

const storedOf = (snapshot: WorkflowSnapshot): StoredSnapshot => ({ value: stepOf(snapshot), context: snapshot.context });
/** A stored snapshot as this version holds it (a version-2 run's lacks the fields version 3 added). */
const storedAsCurrent = (stored: StoredSnapshot): StoredSnapshot => ({ value: stored.value, context: upgradedContext(stored.context) });
const restore = (stored: StoredSnapshot): WorkflowSnapshot => workflowMachine.resolveState(storedAsCurrent(stored));
export const initialSnapshot = (): StoredSnapshot => storedOf(initialTransition(workflowMachine)[0]);

// Where the snapshot lives: a checkpoint in run_checkpoints (the state after event `seq`),
// written now and then. Stored in the runs row with every event, it made each append cost the
// size of the run (SQLite rewrites a whole row, overflow pages and all, on any update). The
// event rows are the record; the current state is the checkpoint with the events after it
// replayed.

function readCheckpoint(db: Db, head: RunRow): CheckpointRow {
  const row = selectCheckpoint(db, head.id);
  if (!row) throw new Error(`The run ${head.id} has no stored snapshot.`);
  return row;
}

/** A run's row and its first checkpoint. */
function insertRunRow(
  db: Db,
  run: { readonly id: string; readonly name: string; readonly createdAt: string; readonly updatedAt: string; readonly machineVersion: number },
  head: { readonly eventCount: number; readonly headHash: string },
  snapshot: StoredSnapshot,
): void {
  insertRun(db, run, head);
  insertCheckpoint(db, run.id, head.eventCount, canonicalJson(snapshot));
}

/**
 * Checkpoints thin out as a run grows (after a quarter as many events as the last one
 * covers): each costs the snapshot's size, so the bytes written per event stay constant on
 * average, and restoring a run replays at most a fifth of its log.
 */
const checkpointDue = (checkpointSeq: number, seq: number): boolean => seq - checkpointSeq >= Math.max(1, Math.floor(checkpointSeq / 4));

function readRun(db: Db, id: string): RunRow {
  const row = selectRun(db, id);
  if (!row) throw new RunNotFoundError(id);
  return row;
}

// The current state of recently used runs, so an append neither parses the stored snapshot
// nor replays the events after its checkpoint. Keyed by the head hash, which covers the whole
// log: another process's append (or anything else that changes the log) is a miss, never a stale hit.
const CACHED_RUNS = 16;
const currents = new WeakMap<Db, Map<string, { readonly headHash: string; readonly snapshot: WorkflowSnapshot }>>();

function remember(db: Db, id: string, headHash: string, snapshot: WorkflowSnapshot): void {
  let runs = currents.get(db);
  if (!runs) currents.set(db, (runs = new Map()));
  runs.delete(id);
  runs.set(id, { headHash, snapshot });
  if (runs.size > CACHED_RUNS) runs.delete(runs.keys().next().value as string);
}

function eventsAfter(db: Db, id: string, seq: number): WorkflowEvent[] {
  return selectEventsAfter(db, id, seq).map((event) => storedEvent(event));
}

/** Replayed by rules it was not recorded under, a run could show other than it was: refused, with what to do. */
function refuseOtherVersion(head: RunRow): RunRow {
  const refusal = versionRefusal(head.machine_version);
  if (refusal !== null) throw new UserError(`This run was ${refusal}`);
  return head;
}

/**
 * A run another version recorded, as the list shows it: listed, so the list stays whole, with
 * the step its stored state names when that is one of ours; nothing in it is judged by these
 * rules (no step is done), and opening it is refused.
 */
function unreadableSummaryOf(db: Db, head: RunRow): RunSummary {
  const { value } = JSON.parse(readCheckpoint(db, head).snapshot) as { readonly value?: unknown };
  return {
    id: head.id,
    name: head.name,
    createdAt: head.created_at,
    updatedAt: head.updated_at,
    step: isStepId(value) ? value : STEP_IDS[0],
    stepsDone: [],
    eventCount: head.event_count,
    readable: false,
  };
}

/** Call inside a transaction: the head, the checkpoint and the events after it must be one state. */
function currentOf(db: Db, head: RunRow): WorkflowSnapshot {
  refuseOtherVersion(head);
  const cached = currents.get(db)?.get(head.id);
  if (cached?.headHash === head.head_hash) return cached.snapshot;
  const checkpoint = readCheckpoint(db, head);
  const tail = checkpoint.seq < head.event_count ? eventsAfter(db, head.id, checkpoint.seq) : [];
  const restored = restore(JSON.parse(checkpoint.snapshot) as StoredSnapshot);
  const snapshot = replaying(() => tail.reduce((s, event) => transition(workflowMachine, s, event)[0], restored));
  remember(db, head.id, head.head_hash, snapshot);
  return snapshot;
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

function viewOf(head: RunRow, current: WorkflowSnapshot): RunView {
  const snapshot = storedOf(current);
  return { ...summaryOf(head, snapshot), snapshot, blockers: blockers(snapshot.context) };
}

const RUN_NAME_MAX = EXERCISE_LIMITS.runName;

/** A name as typed in the app, trimmed; it must then be one an export can carry. */
function cleanName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw new UserError('A run needs a name.');
  if (trimmed.length > RUN_NAME_MAX) throw new UserError(`A run's name can have at most ${RUN_NAME_MAX} characters.`);
  const problem = nameProblem(trimmed);
  if (problem) throw new UserError(`A run's name ${problem}.`);
  return trimmed;
}

export function createRun(db: Db, name: string, options: { id?: string; now?: string } = {}): RunView {
  const id = options.id ?? randomUUID();
  const now = options.now ?? new Date().toISOString();
  writeTransaction(db, () => {
    insertRunRow(
      db,
      { id, name: cleanName(name), createdAt: now, updatedAt: now, machineVersion: WORKFLOW_MACHINE_VERSION },
      { eventCount: 0, headHash: genesisHash(id) },
      initialSnapshot(),
    );
  });
  return getRun(db, id);
}

export function listRuns(db: Db): RunSummary[] {
  return readTransaction(db, () => {
    return selectRunIds(db).map((id) => {
      const head = readRun(db, id);
      return versionRefusal(head.machine_version) === null ? summaryOf(head, storedOf(currentOf(db, head))) : unreadableSummaryOf(db, head);
    });
  });
}

export function getRun(db: Db, id: string): RunView {
  return readTransaction(db, () => {
    const head = readRun(db, id);
    return viewOf(head, currentOf(db, head));
  });
}

export function renameRun(db: Db, id: string, name: string): RunView {
  const clean = cleanName(name);
  writeTransaction(db, () => {
    // Refused before the write: the renamed run could not be shown.
    refuseOtherVersion(readRun(db, id));
    updateRunName(db, id, clean, new Date().toISOString());
  });
  return getRun(db, id);
}

/** Checked and deleted under one lock: the exercise that owns a run may be written meanwhile. */
export function deleteRun(db: Db, id: string): void {
  writeTransaction(db, () => {
    readRun(db, id);
    // Refuses a delegation's run: the rule lives with the table's owner (db/tables/runs.ts).
    deleteRunRow(db, id);
  });
}

/** Applies one event; on refusal nothing is written and the reasons say why. */
export function sendEvent(db: Db, id: string, incoming: IncomingEvent, now = new Date().toISOString()): SendResult {
  // IMMEDIATE: take the write lock before reading, so two writers cannot both extend the chain.
  return db.transaction((): SendResult => {
    const head = readRun(db, id);
    // One writer per run: once its kit is out, the delegation's laptop writes it, and its events come back in a return.
    if (head.played_elsewhere_since !== null) {
      return { accepted: false, reasons: [`This run is played on its delegation's laptop since its kit was issued (${formatTime(head.played_elsewhere_since)}); its events come back with that laptop's return.`] };
    }
    const current = currentOf(db, head);
    const event = stampEvent(incoming, now);
    const reasons = whyNot(current, event);
    if (reasons.length > 0) return { accepted: false, reasons };
    if (!current.can(event)) return { accepted: false, reasons: ['The workflow does not accept this event now.'] };
    const [next] = transition(workflowMachine, current, event);
    const seq = head.event_count + 1;
    const eventJson = canonicalJson(event);
    const hash = eventHash(head.head_hash, seq, now, eventJson);
    insertEvent(db, id, { seq, at: now, event: eventJson, prevHash: head.head_hash, hash });
    updateRunHead(db, id, seq, hash, now);
    const version = versionAfter(head.machine_version, [event]);
    if (version !== head.machine_version) updateRunVersion(db, id, version);
    if (checkpointDue(selectCheckpointSeq(db, id), seq)) updateCheckpoint(db, id, seq, canonicalJson(storedOf(next)));
    // Before the commit: should it fail, the database keeps the old head hash, so this entry is never used.
    remember(db, id, hash, next);
    return { accepted: true, run: viewOf({ ...head, event_count: seq, head_hash: hash, updated_at: now }, next) };
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
  return selectEvents(db, id).map((r) => ({ seq: r.seq, at: r.at, event: r.event, prevHash: r.prev_hash, hash: r.hash }));
}

export function runHistory(db: Db, id: string): RecordedEvent[] {
  const chain = readTransaction(db, () => {
    refuseOtherVersion(readRun(db, id));
    return chainOf(db, id);
  });
  return chain.map((e) => ({ seq: e.seq, at: e.at, event: storedEvent(e.event), hash: e.hash }));
}

/** Replays the log from the initial state; the stored snapshot must be what it yields. */
export function replayRun(events: readonly WorkflowEvent[]): StoredSnapshot {
  return replaying(() => {
    let snapshot = initialTransition(workflowMachine)[0];
    for (const event of events) snapshot = transition(workflowMachine, snapshot, event)[0];
    return storedOf(snapshot);
  });
}

export type CheckedReplay =
  | { readonly ok: true; readonly snapshot: StoredSnapshot }
  | { readonly ok: false; readonly index: number; readonly reasons: readonly string[] };

/**
 * Replays like replayRun, but stops at the first event the machine would refuse (xstate's
 * transition ignores it silently). An imported log must consist of accepted events only,
 * exactly as sendEvent would have recorded them.
 */
export function replayChecked(events: readonly WorkflowEvent[], recordedVersion: number): CheckedReplay {
  return replaying((): CheckedReplay => {
    let snapshot = initialTransition(workflowMachine)[0];
    for (const [index, event] of events.entries()) {
      if (recordedVersion < 3 && VERSION_3_EVENT_TYPES.has(event.type)) {
        return { ok: false, index, reasons: [`${EVENT_ACTIONS[event.type]} came with workflow version 3; a run recorded by version ${recordedVersion} cannot hold it.`] };
      }
      const reasons = whyNot(snapshot, event);
      if (reasons.length > 0) return { ok: false, index, reasons };
      if (!snapshot.can(event)) return { ok: false, index, reasons: ['The workflow does not accept this event here.'] };
      snapshot = transition(workflowMachine, snapshot, event)[0];
    }
    return { ok: true, snapshot: storedOf(snapshot) };
  });
}

/**
 * Stores a run whose log was verified elsewhere (an import): the chain must already have
 * passed verifyChain and its events replayChecked, which gave `snapshot`. Callers run this
 * inside their own transaction, so a failed import leaves nothing behind.
 */
export function insertVerifiedRun(
  db: Db,
  run: { readonly id: string; readonly name: string; readonly createdAt: string; readonly machineVersion: number },
  chain: readonly ChainedEvent[],
  snapshot: StoredSnapshot,
): void {
  const last = chain[chain.length - 1];
  insertRunRow(
    db,
    // As the file has it: the package schema refused any name the app would not store.
    { id: run.id, name: run.name, createdAt: run.createdAt, updatedAt: last?.at ?? run.createdAt, machineVersion: run.machineVersion },
    { eventCount: chain.length, headHash: last?.hash ?? genesisHash(run.id) },
    snapshot,
  );
  for (const e of chain) insertEvent(db, run.id, e);
}

/**
 * Appends events a return brought (a laptop that played this run): they extend the log held
 * here, which the caller checked hash by hash, and `snapshot` is what replayChecked gave for
 * the whole log. Run inside the caller's transaction, like insertVerifiedRun.
 */
export function appendVerifiedEvents(db: Db, id: string, tail: readonly ChainedEvent[], snapshot: StoredSnapshot): void {
  const last = tail[tail.length - 1];
  if (!last) return;
  for (const e of tail) insertEvent(db, id, e);
  updateRunHead(db, id, last.seq, last.hash, last.at);
  const recorded = readRun(db, id).machine_version;
  const version = versionAfter(recorded, tail.map((e) => storedEvent(e.event)));
  if (version !== recorded) updateRunVersion(db, id, version);
  updateCheckpoint(db, id, last.seq, canonicalJson(snapshot));
  currents.get(db)?.delete(id);
}

/** Is the record intact? The chain must verify and its replay must give the stored snapshot. */
export function verifyRun(db: Db, id: string): RunVerification {
  // One snapshot for the row and its log: read apart, a concurrent append looks like tampering.
  const { row, chain, checkpoint } = readTransaction(db, () => {
    const head = refuseOtherVersion(readRun(db, id));
    return { row: head, chain: chainOf(db, id), checkpoint: readCheckpoint(db, head) };
  });
  const verdict = verifyChain(id, chain, row.head_hash);
  // The stored snapshot is the state after the checkpoint's event, which must be one of the log's.
  const covered = checkpoint.seq <= chain.length ? chain.slice(0, checkpoint.seq) : null;
  const replayed = covered && replayRun(covered.map((e) => storedEvent(e.event)));
  const stored = storedAsCurrent(JSON.parse(checkpoint.snapshot) as StoredSnapshot);
  return { ...verdict, replayMatches: replayed !== null && canonicalJson(replayed) === canonicalJson(stored) };
}
