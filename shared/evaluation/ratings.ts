import { z } from 'zod';
import { type HseepRating, type ObjectiveTie } from './objectives';
import { TIMELINE_REF_MAX, type TimelineRefKind } from './timeline-ref';
import { unpadded, longTextProblem } from '../text';
import type { ScenarioObjective } from '../exercise/scenario';

/**
 * The facilitator's HSEEP rating of each of the scenario's objectives (FRAMEWORK.md §7): the
 * letter, the observations that support it, and the timeline entries they rest on. Bounded
 * here for the service, the IPC contract and the exercise package alike.
 */
export const RATING_LIMITS = { observations: 20_000, entries: 200 } as const;

/** Observations as stored: trimmed (the service trims what is typed), breaks and tabs only. */
export const storedObservationsSchema = z
  .string()
  .max(RATING_LIMITS.observations)
  .superRefine((s, ctx) => {
    const message = unpadded(longTextProblem)(s);
    if (message !== null) ctx.addIssue({ code: 'custom', message, input: s });
  });

/** A timeline reference as it crosses a boundary; what it points at is checked where the timeline is known. */
export const timelineRefTextSchema = z.string().min(1).max(TIMELINE_REF_MAX);

export interface ObjectiveRating {
  readonly rating: HseepRating;
  readonly observations: string;
  /** Timeline references (shared/evaluation/timeline-ref.ts), in the order the facilitator linked them. */
  readonly entries: readonly string[];
  readonly ratedAt: string;
}

export interface RatedObjective {
  readonly objective: ScenarioObjective;
  readonly tiedTo: ObjectiveTie;
  /** "Step: Attribution", in the report's English (the screens translate by the tie's id). */
  readonly tieLabel: string;
  /** Null while the objective is not rated. */
  readonly rating: ObjectiveRating | null;
}

/** An entry of the exercise's timeline a rating can point at. */
export interface TimelineEntry {
  readonly ref: string;
  readonly kind: TimelineRefKind;
  /** When it happened (this laptop's clock, or the delegation's for a run played on its own laptop). */
  readonly at: string;
  /** The exercise clock at that moment, when it is known. */
  readonly elapsedMs: number | null;
  /** The delegation it is of; null for the facilitator's observations. */
  readonly delegation: string | null;
  /** The run event's type (AWARENESS.AGREE ...); null for observations and releases. */
  readonly eventType: string | null;
  /** A short text: what the event, the note or the release says, cut to one line. */
  readonly label: string;
}

export interface ObjectivesView {
  readonly exerciseId: string;
  /** In the scenario's order. */
  readonly objectives: readonly RatedObjective[];
  /** In time order. */
  readonly entries: readonly TimelineEntry[];
}
