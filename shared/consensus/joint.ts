// The joint decision (FRAMEWORK.md §6): the plenary's outcome as the facilitator records it,
// entry by entry, in a hash-chained record of its own (like a run's log). Each entry is
// defined once, by its schema: what the facilitator sends, and what is stored, which adds the
// time, the exercise time and the positions the entry rests on, read from the delegations'
// runs at that moment. The rules an entry must satisfy are here too, pure, so that the main
// process refuses what they refuse when an entry is recorded and an import refuses a file
// whose entries break them.

import { z } from 'zod';
import { MEASURE_IDS, MEASURES, type MeasureId } from '../framework/catalogue';
import { STANCES, type Stance } from '../framework/council';
import { listOf, upperFirst } from '../framework/wording';
import { longTextSchema, nameSchema, requiredTextSchema } from '../text';
import { EXERCISE_LIMITS } from '../exercise/limits';
import type { MeasureRow, PositionsTable } from './table';

export const JOINT_LIMITS = {
  /** A note on an adoption or a blocking: a sentence or a paragraph of the plenary's minutes. */
  note: 5_000,
  /** The agreed text of a statement (a declaration by the High Representative is a page or two). */
  statement: 20_000,
  /** The reason an entry is set aside. */
  reason: 2_000,
  /** More than any plenary records; bounds what an import reads. */
  entries: 2_000,
  /** The longest text a position's reference carries: a workflow event's text. */
  positionText: 20_000,
} as const;

const measureId = z.enum(MEASURE_IDS);
const id = nameSchema(EXERCISE_LIMITS.id);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, { message: 'expected a SHA-256 in lower-case hex (64 characters)' });
const at = z.iso.datetime();
const ms = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const seq = z.number().int().min(1).max(JOINT_LIMITS.entries);

// What the facilitator sends. A note or a reason may arrive empty from a form: the service
// trims it and leaves an empty note out (a reason must say something).
const adoptInput = z.strictObject({ kind: z.literal('adopt'), measureId, note: longTextSchema(JOINT_LIMITS.note).optional() });
const blockInput = z.strictObject({ kind: z.literal('block'), measureId, note: longTextSchema(JOINT_LIMITS.note).optional() });
const statementInput = z.strictObject({ kind: z.literal('statement'), text: longTextSchema(JOINT_LIMITS.statement) });
/**
 * Sets an earlier entry aside. The record is append-only, so a mistake (the wrong measure
 * adopted, a statement with a wrong word, a blocking the delegation has since lifted) is
 * corrected by a new entry that says so and why, never by changing or deleting the old one;
 * the entry set aside stays in the record, marked, and the measure has no outcome again.
 */
const withdrawInput = z.strictObject({ kind: z.literal('withdraw'), seq, reason: longTextSchema(JOINT_LIMITS.reason) });

export const jointEntryInputSchema = z.discriminatedUnion('kind', [adoptInput, blockInput, statementInput, withdrawInput]);
export type JointEntryInput = z.output<typeof jointEntryInputSchema>;
export type JointEntryKind = JointEntryInput['kind'];

/**
 * A position an entry rests on, as it stood in the delegation's run when the entry was
 * recorded: the run's head then (seq and hash: 0 and the genesis hash for a run with no
 * event yet), and the stance and text that its log gives at that point. A hash-chained log
 * never changes, so the reference can be checked again at any time against the run.
 */
export const positionRefSchema = z.strictObject({
  measureId,
  delegationId: id,
  runId: id,
  seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  hash: sha256,
  stance: z.enum(STANCES),
  text: longTextSchema(JOINT_LIMITS.positionText).nullable(),
});
export type PositionRef = z.output<typeof positionRefSchema>;

const recorded = { at, elapsedMs: ms };
const positions = z.array(positionRefSchema).max(EXERCISE_LIMITS.delegations * MEASURE_IDS.length);
const note = requiredTextSchema(JOINT_LIMITS.note).optional();

/** What is stored (and packaged): the entry as sent, cleaned, with its time, its exercise time and what it rests on. */
export const storedJointEntrySchema = z.discriminatedUnion('kind', [
  adoptInput.extend({
    note,
    ...recorded,
    positions,
    /** The constructive abstentions, each with its formal declaration: the Union is committed, they are not obliged to apply it. */
    abstentions: z.array(z.strictObject({ delegationId: id, declaration: requiredTextSchema(JOINT_LIMITS.positionText) })).max(EXERCISE_LIMITS.delegations),
  }),
  blockInput.extend({
    note,
    ...recorded,
    positions,
    /** Who blocks it, each with the reason for its objection. */
    blockedBy: z.array(z.strictObject({ delegationId: id, reason: requiredTextSchema(JOINT_LIMITS.positionText) })).min(1).max(EXERCISE_LIMITS.delegations),
  }),
  statementInput.extend({
    text: requiredTextSchema(JOINT_LIMITS.statement),
    ...recorded,
    /** The measures adopted when it was agreed, in the catalogue's order: what it announces. */
    measures: z.array(measureId).min(1).max(MEASURE_IDS.length),
    positions,
  }),
  withdrawInput.extend({ reason: requiredTextSchema(JOINT_LIMITS.reason), ...recorded }),
]);
export type StoredJointEntry = z.output<typeof storedJointEntrySchema>;
export type StoredJointEntryOf<K extends JointEntryKind> = Extract<StoredJointEntry, { readonly kind: K }>;

/** The state the record has reached: each measure's outcome and the statements, as entries standing (not withdrawn). */
export interface JointState {
  readonly outcomes: ReadonlyMap<MeasureId, { readonly kind: 'adopt' | 'block'; readonly seq: number }>;
  readonly statements: readonly number[];
  /** Entry seq -> the withdraw entry that set it aside. */
  readonly withdrawnBy: ReadonlyMap<number, number>;
}

/** Folds the entries (entries[i] has seq i + 1) into the state they leave. */
export function jointStateOf(entries: readonly StoredJointEntry[]): JointState {
  const outcomes = new Map<MeasureId, { kind: 'adopt' | 'block'; seq: number }>();
  const statements: number[] = [];
  const withdrawnBy = new Map<number, number>();
  entries.forEach((entry, i) => {
    const seq = i + 1;
    switch (entry.kind) {
      case 'adopt':
      case 'block':
        outcomes.set(entry.measureId, { kind: entry.kind, seq });
        break;
      case 'statement':
        statements.push(seq);
        break;
      case 'withdraw': {
        withdrawnBy.set(entry.seq, seq);
        const target = entries[entry.seq - 1];
        if (target === undefined) break;
        if (target.kind === 'adopt' || target.kind === 'block') {
          if (outcomes.get(target.measureId)?.seq === entry.seq) outcomes.delete(target.measureId);
        } else if (target.kind === 'statement') {
          const at = statements.indexOf(entry.seq);
          if (at >= 0) statements.splice(at, 1);
        }
        break;
      }
    }
  });
  return { outcomes, statements, withdrawnBy };
}

/** The measures adopted and standing, in the catalogue's order. */
export const adoptedMeasures = (state: JointState): MeasureId[] => MEASURE_IDS.filter((m) => state.outcomes.get(m)?.kind === 'adopt');

const refsOf = (row: MeasureRow, table: PositionsTable): PositionRef[] =>
  row.positions.map((p) => {
    const d = table.delegations.find((s) => s.delegationId === p.delegationId)!;
    return { measureId: row.measureId, delegationId: p.delegationId, runId: d.runId, seq: d.head.seq, hash: d.head.hash, stance: p.stance, text: p.text };
  });

const cleanNote = (note: string | undefined): { note?: string } => {
  const trimmed = note?.trim() ?? '';
  return trimmed === '' ? {} : { note: trimmed };
};

/**
 * The entry as it would be stored, from what the facilitator sent and the table as it stands:
 * adopt and block rest on every delegation's position on the measure, a statement on every
 * delegation's position on each measure adopted so far, a withdrawal on nothing but its reason.
 * Not yet checked: entryRefusals says whether the record accepts it.
 *
 * Why a statement rests on the measures adopted so far, not on all: the statement speaks for
 * the Union about what it decided, so what it announces and the positions that made it
 * possible are those of the measures adopted; a position on a measure it does not mention
 * (an objection to a listing it says nothing of) is no part of what it rests on.
 */
export function jointEntryOf(
  input: JointEntryInput,
  table: PositionsTable,
  previous: readonly StoredJointEntry[],
  time: { readonly at: string; readonly elapsedMs: number },
): StoredJointEntry {
  const rowOf = (m: MeasureId) => table.measures.find((r) => r.measureId === m)!;
  switch (input.kind) {
    case 'adopt': {
      const row = rowOf(input.measureId);
      return {
        kind: 'adopt', measureId: input.measureId, ...cleanNote(input.note), ...time, positions: refsOf(row, table),
        abstentions: row.positions.filter((p) => p.stance === 'abstains').map((p) => ({ delegationId: p.delegationId, declaration: p.text ?? '' })),
      };
    }
    case 'block': {
      const row = rowOf(input.measureId);
      return {
        kind: 'block', measureId: input.measureId, ...cleanNote(input.note), ...time, positions: refsOf(row, table),
        blockedBy: row.positions.filter((p) => p.stance === 'opposes').map((p) => ({ delegationId: p.delegationId, reason: p.text ?? '' })),
      };
    }
    case 'statement': {
      const measures = adoptedMeasures(jointStateOf(previous));
      return { kind: 'statement', text: input.text.trim(), ...time, measures, positions: measures.flatMap((m) => refsOf(rowOf(m), table)) };
    }
    case 'withdraw':
      return { kind: 'withdraw', seq: input.seq, reason: input.reason.trim(), ...time };
  }
}

const KIND_WORDS: { readonly [K in JointEntryKind]: string } = { adopt: 'adoption', block: 'blocking', statement: 'statement', withdraw: 'withdrawal' };

/** "the adoption of Council conclusions (entry 3)" */
export function entryPhrase(entry: StoredJointEntry, seq: number): string {
  const subject = entry.kind === 'adopt' || entry.kind === 'block' ? ` of ${MEASURES[entry.measureId].label}` : '';
  return `the ${KIND_WORDS[entry.kind]}${subject} (entry ${seq})`;
}

const sameList = <T>(a: readonly T[], b: readonly T[], key: (t: T) => string): boolean =>
  a.length === b.length && a.every((x, i) => key(x) === key(b[i]!));

/**
 * Why the record refuses `entry` after `previous` (entries[i] has seq i + 1), or nothing. The
 * one rule of the Council (a measure is adopted only while no delegation opposes it) and what
 * keeps the record readable: one standing outcome per measure, a blocking names who blocks, a
 * statement announces what was adopted, an entry is set aside once and only if nothing
 * standing rests on it. The entry's own lists must be what its positions give, so a stored or
 * imported entry cannot say other than the positions it rests on.
 *
 * `delegations`: the delegations whose positions the entry must rest on (id -> name, in
 * order); the names are for the refusals.
 */
export function entryRefusals(
  previous: readonly StoredJointEntry[],
  entry: StoredJointEntry,
  delegations: ReadonlyMap<string, string>,
): string[] {
  const state = jointStateOf(previous);
  const nameOf = (delegationId: string) => delegations.get(delegationId) ?? delegationId;
  const problems: string[] = [];
  const coverage = (refs: readonly PositionRef[], measures: readonly MeasureId[]): void => {
    const expected = measures.flatMap((m) => [...delegations.keys()].map((d) => `${m}|${d}`));
    if (!sameList(refs.map((r) => `${r.measureId}|${r.delegationId}`), expected, (k) => k)) {
      problems.push(`it must rest on the position of each delegation (${listOf([...delegations.values()])}) on ${listOf(measures.map((m) => MEASURES[m].label))}, one each, in the exercise's order.`);
    }
  };
  const holders = (refs: readonly PositionRef[], stance: Stance) => refs.filter((r) => r.stance === stance);
  switch (entry.kind) {
    case 'adopt':
    case 'block': {
      const label = MEASURES[entry.measureId].label;
      const standing = state.outcomes.get(entry.measureId);
      if (standing !== undefined) {
        problems.push(`${label} is already ${standing.kind === 'adopt' ? 'adopted' : 'blocked'} (entry ${standing.seq}); withdraw that entry first.`);
      }
      coverage(entry.positions, [entry.measureId]);
      const opposing = holders(entry.positions, 'opposes');
      if (entry.kind === 'adopt') {
        if (opposing.length > 0) {
          const who = opposing.map((r) => nameOf(r.delegationId));
          problems.push(`${label} cannot be adopted while ${listOf(who)} ${who.length === 1 ? 'opposes' : 'oppose'} it: unanimity does not hold. Record it as blocked, or adopt it once the objection is withdrawn.`);
        }
        const abstaining = holders(entry.positions, 'abstains').map((r) => ({ delegationId: r.delegationId, declaration: r.text ?? '' }));
        if (!sameList(entry.abstentions, abstaining, (a) => `${a.delegationId}|${a.declaration}`)) {
          problems.push('its abstentions must be the delegations that abstain in the positions it rests on, with their declarations.');
        }
      } else {
        if (opposing.length === 0) problems.push(`${label} cannot be recorded as blocked: no delegation opposes it.`);
        const blocking = opposing.map((r) => ({ delegationId: r.delegationId, reason: r.text ?? '' }));
        if (!sameList(entry.blockedBy, blocking, (b) => `${b.delegationId}|${b.reason}`)) {
          problems.push('who blocks it must be the delegations that oppose it in the positions it rests on, with their reasons.');
        }
      }
      break;
    }
    case 'statement': {
      const adopted = adoptedMeasures(state);
      if (adopted.length === 0) {
        problems.push(`A statement announces what the Union adopted, and nothing is adopted yet: adopt a measure first (${MEASURES['hr-statement'].label}, or ${MEASURES['council-conclusions'].label}).`);
        break;
      }
      if (!sameList(entry.measures, adopted, (m) => m)) problems.push(`its measures must be those adopted when it was agreed: ${listOf(adopted.map((m) => MEASURES[m].label))}.`);
      coverage(entry.positions, adopted);
      break;
    }
    case 'withdraw': {
      const target = previous[entry.seq - 1];
      if (target === undefined) {
        problems.push(`There is no entry ${entry.seq} to withdraw; the record has ${previous.length}.`);
        break;
      }
      if (target.kind === 'withdraw') {
        problems.push(`Entry ${entry.seq} is itself a withdrawal; a withdrawal cannot be set aside.`);
        break;
      }
      const by = state.withdrawnBy.get(entry.seq);
      if (by !== undefined) {
        problems.push(`${upperFirst(entryPhrase(target, entry.seq))} was already withdrawn by entry ${by}.`);
        break;
      }
      if (target.kind === 'adopt') {
        const announcing = state.statements.filter((s) => {
          const statement = previous[s - 1];
          return statement?.kind === 'statement' && statement.measures.includes(target.measureId);
        });
        if (announcing.length > 0) {
          problems.push(`The statement${announcing.length === 1 ? '' : 's'} of entr${announcing.length === 1 ? 'y' : 'ies'} ${listOf(announcing.map(String))} announce${announcing.length === 1 ? 's' : ''} the adoption of ${MEASURES[target.measureId].label}: withdraw ${announcing.length === 1 ? 'it' : 'them'} first.`);
        }
      }
      break;
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------
// What the console, the room and the command line are given.

/** Whether the joint decision's own chain is intact, and where it first breaks. */
export type JointChainVerdict =
  | { readonly intact: true; readonly entries: number; readonly headHash: string }
  | { readonly intact: false; readonly entries: number; readonly firstBroken: number; readonly reason: string };

/** A reference that no longer holds: the run's log at that point is not what the entry recorded. */
export interface ReferenceProblem {
  /** The entry that holds the reference. */
  readonly seq: number;
  readonly delegationId: string;
  readonly runId: string;
  readonly measureId: MeasureId;
  readonly reason: string;
}

export type JointVerification = JointChainVerdict & {
  /** Every position reference still names the run's event it named, with the position its log gives there. */
  readonly referencesHold: boolean;
  readonly referenceProblems: readonly ReferenceProblem[];
};

export interface JointEntryView {
  readonly seq: number;
  readonly at: string;
  readonly elapsedMs: number;
  readonly hash: string;
  readonly entry: StoredJointEntry;
  /** The withdraw entry that set this one aside; null while it stands. */
  readonly withdrawnBy: number | null;
  /** Names for the delegations the entry names (as they are called now; the record keeps their ids). */
  readonly delegations: { readonly [delegationId: string]: string };
  /** This entry's chain link and its references hold. */
  readonly verified: boolean;
}

export interface JointDecisionView {
  readonly entries: readonly JointEntryView[];
  readonly verification: JointVerification;
  /** Each measure's standing outcome, in the catalogue's order: adopted or blocked (with the entry), or none yet. */
  readonly outcomes: readonly { readonly measureId: MeasureId; readonly outcome: 'adopted' | 'blocked' | null; readonly seq: number | null }[];
  /** The statements standing, by entry. */
  readonly statements: readonly number[];
}

export interface ConsensusView {
  readonly exerciseId: string;
  readonly exerciseName: string;
  readonly table: PositionsTable;
  readonly joint: JointDecisionView;
  /** The facilitator chose to show the table of positions on the room's screen. */
  readonly roomShowsPositions: boolean;
}
