import { createHash } from 'node:crypto';
import { initialTransition, transition } from 'xstate';
import type { Db } from '../db/open';
import { readTransaction, writeTransaction } from '../db/transaction';
import { selectDelegations } from '../db/tables/delegations';
import { selectRun } from '../db/tables/runs';
import { updateRoomShowsPositions } from '../db/tables/exercises';
import { insertJointEntry, selectJointEntries, type JointEntryRow } from '../db/tables/joint-decision';
import { canonicalJson, eventHash, genesisHash, storedEvent, type ChainedEvent } from '../workflow/chain';
import { getRun, runChain } from '../workflow/runs';
import { clockOf, readExercise } from '../exercise/exercises';
import { UserError } from '../../shared/errors';
import { formatIssues } from '../../shared/validation';
import { MEASURE_IDS, type MeasureId } from '../../shared/framework/catalogue';
import { workflowMachine, type WorkflowSnapshot } from '../../shared/workflow/machine';
import { replaying } from '../../shared/workflow/rules';
import { positionOf } from '../../shared/consensus/positions';
import { positionsTable, type PositionsTable, type TableDelegation } from '../../shared/consensus/table';
import {
  entryRefusals, jointEntryOf, jointStateOf, storedJointEntrySchema, type ConsensusView, type JointChainVerdict, type JointDecisionView, type JointEntryInput,
  type JointEntryView, type JointVerification, type PositionRef, type ReferenceProblem, type StoredJointEntry,
} from '../../shared/consensus/joint';

/**
 * The joint decision's service: the table of positions read from the delegations' runs as
 * they are now, and the facilitator's record of the plenary, one hash-chained entry at a time.
 * An entry is checked and written in one IMMEDIATE transaction, so the positions it rests on
 * are the ones the runs hold when it is chained, and no run can move in between.
 *
 * An exercise that has ended still takes entries: the plenary that agrees the Union's response
 * usually sits after play, once each delegation has decided, and its outcome is part of the
 * same record. Its exercise time is the clock's, stopped at the end.
 */
export class ConsensusError extends UserError {
  override name = 'ConsensusError';
}

const nowIso = (): string => new Date().toISOString();
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Where an exercise's joint decision starts: its own genesis, so no run's chain or other exercise's record can stand in for it. */
export const jointGenesisHash = (exerciseId: string): string => sha256(`cdt-joint-decision\n${exerciseId}`);

/** The link of one entry, by the same rule as a run's events: it covers the previous hash, the place, the time and the entry's canonical JSON. */
export const jointEntryHash = (prevHash: string, seq: number, at: string, entryJson: string): string => eventHash(prevHash, seq, at, entryJson);

/** An entry as its row holds it (canonical JSON), for the chain's verification. */
export interface ChainedJointEntry {
  readonly seq: number;
  readonly at: string;
  readonly entry: string;
  readonly prevHash: string;
  readonly hash: string;
}

const chainedOf = (r: JointEntryRow): ChainedJointEntry => ({ seq: r.seq, at: r.at, entry: r.entry, prevHash: r.prev_hash, hash: r.hash });

/** Names the first entry that was changed, removed or reordered, as verifyChain does for a run. */
export function verifyJointChain(exerciseId: string, entries: readonly ChainedJointEntry[]): JointChainVerdict {
  let prev = jointGenesisHash(exerciseId);
  for (const [index, e] of entries.entries()) {
    const seq = index + 1;
    const broken = (reason: string): JointChainVerdict => ({ intact: false, entries: entries.length, firstBroken: seq, reason });
    if (e.seq !== seq) return broken(`entry ${e.seq} stands where entry ${seq} should be (an entry is missing or out of order)`);
    if (e.prevHash !== prev) return broken(`entry ${seq} does not follow entry ${seq - 1} (its link to the previous hash is wrong)`);
    if (jointEntryHash(prev, seq, e.at, e.entry) !== e.hash) return broken(`entry ${seq} was changed after it was recorded (its hash does not match its content)`);
    prev = e.hash;
  }
  return { intact: true, entries: entries.length, headHash: prev };
}

/** A delegation's run as the reference check reads it: its id and its log. */
export interface ReferencedRun {
  readonly delegationId: string;
  readonly runId: string;
  /** The log as chained: each event as its canonical JSON. */
  readonly events: readonly ChainedEvent[];
}

// The position a run's log gives at a point, by run, point, that point's hash and measure. A
// hash covers every event before it, so once the log up to that point is checked against its
// hashes, the same key always means the same log and so the same position: the console asks
// for this view on every change, and replaying every run each time would cost more than all
// the rest of it.
const POSITIONS_KEPT = 20_000;
const positionsAt = new Map<string, { readonly stance: string; readonly text: string | null }>();

const positionKey = (runId: string, ref: { readonly seq: number; readonly hash: string; readonly measureId: string }): string =>
  `${runId}\n${ref.seq}\n${ref.hash}\n${ref.measureId}`;

function keepPosition(key: string, position: { readonly stance: string; readonly text: string | null }): void {
  positionsAt.set(key, position);
  if (positionsAt.size > POSITIONS_KEPT) positionsAt.delete(positionsAt.keys().next().value as string);
}

/**
 * The state after one stored event, or null when it is not one the app could have stored: an
 * event in a log whose hashes no longer hold is read as it is, and must not take the
 * verification down with it.
 */
function replayed(snapshot: WorkflowSnapshot, json: string): WorkflowSnapshot | null {
  try {
    return transition(workflowMachine, snapshot, storedEvent(json))[0];
  } catch {
    return null;
  }
}

/** The log up to `seq` is what its hashes say (verifyChain's rule, on a prefix). */
function prefixIntact(run: ReferencedRun, seq: number): boolean {
  let prev = genesisHash(run.runId);
  for (let i = 0; i < seq; i++) {
    const e = run.events[i]!;
    if (e.seq !== i + 1 || e.prevHash !== prev || eventHash(prev, i + 1, e.at, e.event) !== e.hash) return false;
    prev = e.hash;
  }
  return true;
}

/**
 * Whether every position an entry rests on is still what the run's log gives: the delegation
 * has that run, the run has the event at `seq` with that `hash` (0 and the run's genesis for a
 * run that had no event), and its log replayed to that point gives the stance and the text
 * recorded. Each run is replayed once, up to the last point referenced; a run's log only
 * grows, so a later entry never refers to an earlier point of a run than an entry before it.
 */
export function referenceProblems(entries: readonly StoredJointEntry[], runs: readonly ReferencedRun[]): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const byDelegation = new Map(runs.map((r) => [r.delegationId, r]));
  const wanted = new Map<string, { seq: number; ref: PositionRef; entrySeq: number }[]>();
  const lastSeq = new Map<string, number>();
  entries.forEach((entry, i) => {
    if (entry.kind === 'withdraw') return;
    const entrySeq = i + 1;
    const earlier = new Map<string, number>();
    for (const ref of entry.positions) {
      const fail = (reason: string) => problems.push({ seq: entrySeq, delegationId: ref.delegationId, runId: ref.runId, measureId: ref.measureId, reason });
      const run = byDelegation.get(ref.delegationId);
      if (run === undefined) {
        fail(`it names the delegation ${JSON.stringify(ref.delegationId)}, which the exercise does not have.`);
        continue;
      }
      if (run.runId !== ref.runId) {
        fail(`it names the run ${JSON.stringify(ref.runId)} for a delegation whose run is ${JSON.stringify(run.runId)}.`);
        continue;
      }
      if (ref.seq > run.events.length) {
        fail(`it rests on event ${ref.seq} of a run that has ${run.events.length}.`);
        continue;
      }
      const expected = ref.seq === 0 ? genesisHash(run.runId) : run.events[ref.seq - 1]!.hash;
      if (ref.hash !== expected) {
        fail(`the run's ${ref.seq === 0 ? 'start' : `event ${ref.seq}`} has another hash than the entry recorded: the run's log was changed after the entry rested on it.`);
        continue;
      }
      // All of an entry's positions on one run are read at one moment: one point per run.
      const same = earlier.get(run.runId);
      if (same !== undefined && same !== ref.seq) fail(`it rests on two points of the same run (events ${same} and ${ref.seq}); an entry reads each run once.`);
      earlier.set(run.runId, ref.seq);
      const before = lastSeq.get(run.runId) ?? 0;
      if (ref.seq < before) fail(`it rests on event ${ref.seq} of the run, before the event ${before} an earlier entry rested on; a run's log only grows.`);
      const list = wanted.get(run.runId) ?? [];
      list.push({ seq: ref.seq, ref, entrySeq });
      wanted.set(run.runId, list);
    }
    for (const [runId, seq] of earlier) lastSeq.set(runId, Math.max(lastSeq.get(runId) ?? 0, seq));
  });
  for (const run of runs) {
    const refs = wanted.get(run.runId);
    if (!refs) continue;
    const sorted = [...refs].sort((a, b) => a.seq - b.seq);
    const keyOf = (r: { ref: PositionRef }) => positionKey(run.runId, r.ref);
    const intact = prefixIntact(run, sorted[sorted.length - 1]!.seq);
    const known = intact && sorted.every((r) => positionsAt.has(keyOf(r)));
    replaying(() => {
      let snapshot = initialTransition(workflowMachine)[0];
      let at = 0;
      for (const r of sorted) {
        const { seq, ref, entrySeq } = r;
        let position = known ? positionsAt.get(keyOf(r))! : undefined;
        if (position === undefined) {
          for (; at < seq; at++) {
            const next = replayed(snapshot, run.events[at]!.event);
            // Not an event the machine can take: the log was written by other means, and nothing after it can be replayed.
            if (next === null) break;
            snapshot = next;
          }
          if (at < seq) {
            problems.push({ seq: entrySeq, delegationId: ref.delegationId, runId: ref.runId, measureId: ref.measureId, reason: `the run's event ${at + 1} cannot be read, so its log cannot be replayed to event ${seq}.` });
            continue;
          }
          // Read at once: within a replay, the context's lists are extended in place.
          const read = positionOf(snapshot.context, ref.measureId);
          position = { stance: read.stance, text: read.text };
          if (intact) keepPosition(keyOf(r), position);
        }
        if (position.stance !== ref.stance || position.text !== ref.text) {
          problems.push({
            seq: entrySeq, delegationId: ref.delegationId, runId: ref.runId, measureId: ref.measureId,
            reason: `it records ${stanceText(ref)}, but the run's log gives ${stanceText(position)} at ${seq === 0 ? 'its start' : `event ${seq}`}.`,
          });
        }
      }
    });
  }
  return problems.sort((a, b) => a.seq - b.seq);
}

const stanceText = (p: { readonly stance: string; readonly text: string | null }): string => `${p.stance}${p.text === null ? '' : ` ("${p.text}")`}`;

/** The exercise's delegations with their runs as they are now. Call inside a transaction: heads and contexts must be one state. */
function tableDelegations(db: Db, exerciseId: string): TableDelegation[] {
  return selectDelegations(db, exerciseId).map((d) => {
    const run = getRun(db, d.run_id);
    const head = selectRun(db, d.run_id)!;
    return {
      delegationId: d.id, name: d.name, runId: d.run_id, context: run.snapshot.context, head: { seq: head.event_count, hash: head.head_hash },
      playedElsewhereSince: head.played_elsewhere_since,
    };
  });
}

/** The table of positions of the exercise, as its runs stand now. */
export function positionsOf(db: Db, exerciseId: string): PositionsTable {
  return readTransaction(db, () => {
    readExercise(db, exerciseId);
    return positionsTable(tableDelegations(db, exerciseId));
  });
}

/**
 * The entries up to the first that breaks the chain or is no entry at all (its hash matches,
 * but what it holds is not what the service writes: someone rewrote the record and its hashes).
 */
function readableEntries(exerciseId: string, rows: readonly JointEntryRow[]): { verdict: JointChainVerdict; entries: StoredJointEntry[] } {
  const chained = rows.map(chainedOf);
  let verdict = verifyJointChain(exerciseId, chained);
  const upTo = verdict.intact ? chained.length : verdict.firstBroken - 1;
  const entries: StoredJointEntry[] = [];
  for (const e of chained.slice(0, upTo)) {
    const parsed = readEntry(e.entry);
    if (parsed === null || parsed.at !== e.at) {
      verdict = { intact: false, entries: chained.length, firstBroken: e.seq, reason: `entry ${e.seq} is not an entry the app records (it was written by other means)` };
      break;
    }
    entries.push(parsed);
  }
  return { verdict, entries };
}

function readEntry(json: string): StoredJointEntry | null {
  try {
    const parsed = storedJointEntrySchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The chain and every reference, in one read: a concurrent append would otherwise look like tampering. */
function verificationOf(db: Db, exerciseId: string, rows: readonly JointEntryRow[]): { verification: JointVerification; entries: StoredJointEntry[] } {
  const { verdict, entries } = readableEntries(exerciseId, rows);
  // Only the runs an entry rests on are read: the console asks for this view on every change.
  const referenced = new Set(entries.flatMap((e) => (e.kind === 'withdraw' ? [] : e.positions.map((p) => p.delegationId))));
  const runs = selectDelegations(db, exerciseId).map((d): ReferencedRun => ({
    delegationId: d.id,
    runId: d.run_id,
    events: referenced.has(d.id) ? runChain(db, d.run_id) : [],
  }));
  const problems = referenceProblems(entries, runs);
  return { verification: { ...verdict, referencesHold: problems.length === 0, referenceProblems: problems }, entries };
}

/** Is the joint decision intact? Its chain verifies, and every position it rests on is still what the runs' logs give. */
export function verifyJointDecision(db: Db, exerciseId: string): JointVerification {
  return readTransaction(db, () => {
    readExercise(db, exerciseId);
    return verificationOf(db, exerciseId, selectJointEntries(db, exerciseId)).verification;
  });
}

function jointViewOf(
  rows: readonly JointEntryRow[],
  { verification, entries }: { verification: JointVerification; entries: readonly StoredJointEntry[] },
  names: ReadonlyMap<string, string>,
): JointDecisionView {
  // What follows a broken link is not shown as the record: the verification says where it breaks.
  const readable = rows.slice(0, entries.length);
  const state = jointStateOf(entries);
  const troubled = new Set(verification.referenceProblems.map((p) => p.seq));
  const views = readable.map((r, i): JointEntryView => {
    const entry = entries[i]!;
    const mentioned = entry.kind === 'withdraw' ? [] : entry.positions.map((p) => p.delegationId);
    return {
      seq: r.seq,
      at: r.at,
      elapsedMs: entry.elapsedMs,
      hash: r.hash,
      entry,
      withdrawnBy: state.withdrawnBy.get(r.seq) ?? null,
      delegations: Object.fromEntries(mentioned.map((id) => [id, names.get(id) ?? id])),
      verified: !troubled.has(r.seq),
    };
  });
  return {
    entries: views,
    verification,
    outcomes: MEASURE_IDS.map((measureId: MeasureId) => {
      const outcome = state.outcomes.get(measureId);
      return { measureId, outcome: outcome === undefined ? null : outcome.kind === 'adopt' ? 'adopted' : 'blocked', seq: outcome?.seq ?? null };
    }),
    statements: state.statements,
  };
}

/** The consensus step of an exercise: the table of positions, and the joint decision with its verification. */
export function consensusOf(db: Db, exerciseId: string): ConsensusView {
  return readTransaction(db, () => consensusIn(db, exerciseId));
}

function consensusIn(db: Db, exerciseId: string): ConsensusView {
  const row = readExercise(db, exerciseId);
  const table = positionsTable(tableDelegations(db, exerciseId));
  const rows = selectJointEntries(db, exerciseId);
  const names = new Map(table.delegations.map((d) => [d.delegationId, d.name]));
  return {
    exerciseId,
    exerciseName: row.name,
    table,
    joint: jointViewOf(rows, verificationOf(db, exerciseId, rows), names),
    roomShowsPositions: row.room_shows_positions === 1,
  };
}

/**
 * Records one entry of the joint decision. Refused, writing nothing: a measure adopted while a
 * delegation opposes it (naming who), a measure recorded as blocked that no one opposes, a
 * second outcome for a measure that has one, a statement before anything is adopted, a
 * withdrawal of what is not there to withdraw; and an entry on a record that no longer
 * verifies, since a new link would seal whatever was changed.
 */
export function recordJointEntry(db: Db, exerciseId: string, input: JointEntryInput, now = nowIso()): ConsensusView {
  if (input.kind === 'statement' && input.text.trim() === '') throw new ConsensusError('A statement needs its agreed text.');
  if (input.kind === 'withdraw' && input.reason.trim() === '') throw new ConsensusError('Say why the entry is withdrawn: the record keeps the reason.');
  writeTransaction(db, () => {
    const exercise = readExercise(db, exerciseId);
    if (now < exercise.created_at) throw new ConsensusError(`This computer's clock reads ${now}, before the exercise was created (${exercise.created_at}); set the clock right first.`);
    const rows = selectJointEntries(db, exerciseId);
    const { verdict, entries: previous } = readableEntries(exerciseId, rows);
    if (!verdict.intact) throw new ConsensusError(`The joint decision's record does not verify (${verdict.reason}); nothing more can be added to it.`);
    const last = rows[rows.length - 1];
    if (last !== undefined && now < last.at) throw new ConsensusError(`This computer's clock reads ${now}, before the last entry of the joint decision (${last.at}); set the clock right first.`);
    const delegations = tableDelegations(db, exerciseId);
    const table = positionsTable(delegations);
    const entry = jointEntryOf(input, table, previous, { at: now, elapsedMs: clockOf(exercise, now).elapsedMs });
    const refusals = entryRefusals(previous, entry, new Map(delegations.map((d) => [d.delegationId, d.name])));
    if (refusals.length > 0) throw new ConsensusError(refusals.join(' '));
    // What the record holds, an export must carry and an import accept: the same schema as a package's.
    const checked = storedJointEntrySchema.safeParse(entry);
    if (!checked.success) throw new ConsensusError('The entry was not recorded:', formatIssues(checked.error));
    const seq = rows.length + 1;
    const prevHash = last?.hash ?? jointGenesisHash(exerciseId);
    const json = canonicalJson(entry);
    insertJointEntry(db, exerciseId, { seq, at: now, entry: json, prevHash, hash: jointEntryHash(prevHash, seq, now, json) });
    // The positions were just read from the runs' current state at these very points: the view
    // that follows need not replay every run to find them again (a later process, the report's, does).
    if (entry.kind !== 'withdraw') for (const p of entry.positions) keepPosition(positionKey(p.runId, p), { stance: p.stance, text: p.text });
  });
  return consensusOf(db, exerciseId);
}

/** The facilitator's choice to show the table of positions on the room's screen (or not). */
export function setRoomPositions(db: Db, exerciseId: string, show: boolean): ConsensusView {
  writeTransaction(db, () => {
    readExercise(db, exerciseId);
    updateRoomShowsPositions(db, exerciseId, show);
  });
  return consensusOf(db, exerciseId);
}

/** The first entry of the joint decision that rests on a delegation's position; null when none does. */
export function firstEntryResting(db: Db, exerciseId: string, delegationId: string): number | null {
  return readTransaction(db, () => {
    for (const row of selectJointEntries(db, exerciseId)) {
      const entry = readEntry(row.entry);
      if (entry !== null && entry.kind !== 'withdraw' && entry.positions.some((p) => p.delegationId === delegationId)) return row.seq;
    }
    return null;
  });
}
