import type { MeasureId } from '../framework/catalogue';
import type { Stance } from '../framework/council';
import type { WorkflowContext } from '../workflow/context';

/** A delegation's position on one measure, as its run holds it. */
export interface MeasurePosition {
  readonly stance: Stance;
  /** The reason for an objection or the declaration of an abstention; null for the others. */
  readonly text: string | null;
  /** When the position was recorded, or the decision taken; null while undecided. */
  readonly at: string | null;
}

/**
 * What a run says of a measure (FRAMEWORK.md §6): it supports what it chose in its decision,
 * opposes or abstains where it recorded so, and is undecided otherwise. A measure chosen but
 * not yet decided is not support: the delegation may still change its mind.
 */
export function positionOf(context: WorkflowContext, measureId: MeasureId): MeasurePosition {
  const recorded = context.positions[measureId];
  if (recorded !== undefined) return { stance: recorded.stance, text: recorded.text, at: recorded.at };
  if (context.decision !== null && context.measures.some((m) => m.measureId === measureId)) {
    return { stance: 'supports', text: null, at: context.decision.at };
  }
  return { stance: 'undecided', text: null, at: null };
}
