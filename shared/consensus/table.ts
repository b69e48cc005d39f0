// The table of positions (FRAMEWORK.md §6): for every measure of the catalogue, where each
// delegation stands, by which rule the Council decides it, and whether unanimity holds or who
// blocks it; beside it, each delegation's overall level and principles. Pure: the main
// process builds it from the runs as they are now, the console and the room's screen show it,
// and the joint decision records the positions it rests on from the same rows.

import {
  CATEGORIES, MEASURE_IDS, MEASURES, PRINCIPLE_IDS, PRINCIPLES, type CategoryId, type MeasureId, type PrincipleId, type PrincipleStatus,
} from '../framework/catalogue';
import { DECISION_RULE_OF, STANCES, type DecisionRule, type Stance } from '../framework/council';
import type { Level } from '../framework/level';
import type { WorkflowContext } from '../workflow/context';
import { assessRun } from '../workflow/rules';
import { positionOf } from './positions';

/** Where a run's log stood when it was read: its last event (0 and the genesis hash for an empty log). */
export interface RunHead {
  readonly seq: number;
  readonly hash: string;
}

/** One delegation of the exercise as the table reads it: its seat, its run and that run's current state. */
export interface TableDelegation {
  readonly delegationId: string;
  readonly name: string;
  readonly runId: string;
  readonly context: WorkflowContext;
  readonly head: RunHead;
  /** Its kit is out: the run is played on the delegation's laptop since then, and is here as of its last return. */
  readonly playedElsewhereSince?: string | null;
}

export interface TablePosition {
  readonly delegationId: string;
  readonly delegation: string;
  readonly stance: Stance;
  /** The reason for an objection, the declaration of an abstention; null when the stance carries none. */
  readonly text: string | null;
  /** When the delegation recorded it, or took the decision it is read from; null while undecided. */
  readonly at: string | null;
}

/** A delegation whose objection stands in the way of a measure, and why. */
export interface TableBlocker {
  readonly delegationId: string;
  readonly delegation: string;
  readonly reason: string;
}

export interface TableAbstention {
  readonly delegationId: string;
  readonly delegation: string;
  readonly declaration: string;
}

/** Unanimity (and consensus) holds when no delegation opposes; abstaining does not prevent it. */
export type Unanimity = { readonly holds: true } | { readonly holds: false; readonly blockers: readonly TableBlocker[] };

export type StanceCounts = { readonly [S in Stance]: number };

export interface MeasureRow {
  readonly measureId: MeasureId;
  readonly label: string;
  readonly categoryId: CategoryId;
  readonly category: string;
  readonly rule: DecisionRule;
  /** One per delegation, in the exercise's order. */
  readonly positions: readonly TablePosition[];
  readonly counts: StanceCounts;
  readonly unanimity: Unanimity;
  readonly abstentions: readonly TableAbstention[];
}

export interface PrincipleStanding {
  readonly id: PrincipleId;
  readonly label: string;
  /** null: not assessed yet. */
  readonly status: PrincipleStatus | null;
}

export interface DelegationStanding {
  readonly delegationId: string;
  readonly name: string;
  readonly runId: string;
  readonly head: RunHead;
  /** Its run is decided: only then do the measures it chose count as supported. */
  readonly decided: boolean;
  /** The overall level its assessment gives; null until attribution is settled and all seven are rated. */
  readonly level: Level | null;
  readonly chosen: readonly MeasureId[];
  readonly principles: readonly PrincipleStanding[];
  readonly principlesNotMet: readonly PrincipleId[];
  /** Present while its run is played on the delegation's laptop: its positions here are those of its last return. */
  readonly playedElsewhereSince?: string;
}

export interface PositionsTable {
  readonly delegations: readonly DelegationStanding[];
  /** Every measure of the catalogue, in its order, whether anyone took a position on it or not. */
  readonly measures: readonly MeasureRow[];
  readonly counts: {
    readonly measures: number;
    /** Measures no delegation opposes. */
    readonly holds: number;
    /** Measures at least one delegation opposes. */
    readonly fails: number;
    /** Measures no delegation opposes and at least one supports. */
    readonly supportedWithoutObjection: number;
  };
}

const zeroCounts = (): Record<Stance, number> => Object.fromEntries(STANCES.map((s) => [s, 0])) as Record<Stance, number>;

function standingOf(d: TableDelegation): DelegationStanding {
  const { context } = d;
  return {
    delegationId: d.delegationId,
    name: d.name,
    runId: d.runId,
    head: d.head,
    decided: context.decision !== null,
    level: assessRun(context)?.level ?? null,
    chosen: context.measures.map((m) => m.measureId),
    principles: PRINCIPLE_IDS.map((id) => ({ id, label: PRINCIPLES[id].label, status: context.principles[id]?.status ?? null })),
    principlesNotMet: PRINCIPLE_IDS.filter((id) => context.principles[id]?.status === 'not-met'),
    ...(d.playedElsewhereSince ? { playedElsewhereSince: d.playedElsewhereSince } : {}),
  };
}

/** One measure's row: each delegation's position (positionOf), the rule, and who blocks. */
export function measureRowOf(measureId: MeasureId, delegations: readonly TableDelegation[]): MeasureRow {
  const measure = MEASURES[measureId];
  const positions = delegations.map((d): TablePosition => {
    const p = positionOf(d.context, measureId);
    return { delegationId: d.delegationId, delegation: d.name, stance: p.stance, text: p.text, at: p.at };
  });
  const counts = zeroCounts();
  for (const p of positions) counts[p.stance] += 1;
  const blockers = positions.filter((p) => p.stance === 'opposes').map((p) => ({ delegationId: p.delegationId, delegation: p.delegation, reason: p.text ?? '' }));
  return {
    measureId,
    label: measure.label,
    categoryId: measure.category,
    category: CATEGORIES[measure.category].label,
    rule: DECISION_RULE_OF[measure.category],
    positions,
    counts,
    unanimity: blockers.length === 0 ? { holds: true } : { holds: false, blockers },
    abstentions: positions.filter((p) => p.stance === 'abstains').map((p) => ({ delegationId: p.delegationId, delegation: p.delegation, declaration: p.text ?? '' })),
  };
}

export function positionsTable(delegations: readonly TableDelegation[]): PositionsTable {
  const measures = MEASURE_IDS.map((id) => measureRowOf(id, delegations));
  const holds = measures.filter((m) => m.unanimity.holds).length;
  return {
    delegations: delegations.map(standingOf),
    measures,
    counts: {
      measures: measures.length,
      holds,
      fails: measures.length - holds,
      supportedWithoutObjection: measures.filter((m) => m.unanimity.holds && m.counts.supports > 0).length,
    },
  };
}


/**
 * What the room's screen shows of the table: the positions with their texts, the rule and
 * who blocks, each delegation's level and principles; nothing of the runs themselves (their
 * ids and heads are the console's, for the record).
 */
export interface RoomPositions {
  readonly delegations: readonly Omit<DelegationStanding, 'runId' | 'head'>[];
  readonly measures: PositionsTable['measures'];
  readonly counts: PositionsTable['counts'];
}

export function roomPositionsOf(table: PositionsTable): RoomPositions {
  return {
    delegations: table.delegations.map(({ runId: _runId, head: _head, ...rest }) => rest),
    measures: table.measures,
    counts: table.counts,
  };
}
