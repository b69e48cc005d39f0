// What a run knows: the workflow machine's context. Only data: the rules that change it are
// in machine.ts, the rules that judge it in rules.ts.

import type { ActorType, Confidence, DimensionId, MeasureId, PrincipleId, PrincipleStatus, RatingValue, Ratings, StepId, TargetKind } from '../framework/catalogue';
import type { RecordedStance } from '../framework/council';
import type { HotWashQuestionId, HotWashScore, HotWashSource } from '../evaluation/hot-wash';

export interface Finding {
  readonly id: string;
  readonly text: string;
  readonly source: string;
  readonly confidence: Confidence;
}

export interface SharedAssessment {
  readonly agreed: boolean;
  readonly text: string;
}

export type Attribution =
  | {
      readonly status: 'attributed';
      readonly actorType: ActorType;
      /** The attribution names a specific actor (then actorName says who). */
      readonly actorNamed: boolean;
      readonly actorName?: string;
      readonly confidence: Confidence;
      readonly basis: string;
    }
  | { readonly status: 'skipped'; readonly reason: string };

export interface Rating {
  readonly value: RatingValue;
  readonly rationale: string;
}

export interface Attempt {
  /** The effect the attempt would have had, per dimension. */
  readonly potential: Ratings;
}

export interface SelectedMeasure {
  readonly measureId: MeasureId;
  readonly rationale: string;
  /** Its category is not among those the assessment suggests; kept current as ratings change. */
  readonly outsideSuggestion: boolean;
}

export interface PrincipleAssessment {
  readonly status: PrincipleStatus;
  readonly note: string;
}

export interface Remark {
  readonly id: string;
  /** The step the run was in when the remark was made. */
  readonly step: StepId;
  readonly text: string;
  readonly author?: string;
  readonly at: string;
}

export interface Inject {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly at: string;
}

export interface Decision {
  readonly at: string;
  readonly summary: string;
}

/** A position the delegation recorded on a measure it did not choose: its objection, or its constructive abstention. */
export interface Position {
  readonly stance: RecordedStance;
  /** The reason for the objection, or the formal declaration of the abstention. */
  readonly text: string;
  readonly at: string;
}

/** The delegation's feedback after play; submitted again, it replaces the earlier answers. */
export interface HotWash {
  readonly strengths: string;
  readonly improvements: string;
  readonly ratings: { readonly [Q in HotWashQuestionId]?: HotWashScore };
  readonly comments: string;
  readonly source: HotWashSource;
  readonly at: string;
}

export interface WorkflowContext {
  readonly findings: readonly Finding[];
  readonly sharedAssessment: SharedAssessment;
  readonly attribution: Attribution | null;
  readonly ratings: { readonly [D in DimensionId]?: Rating };
  /** The sanctions-regime facts, set in the proportionality step. */
  readonly attempt: Attempt | null;
  readonly external: boolean;
  /** Responsible persons or entities identified for a listing, with or without attribution. */
  readonly actorsIdentified: boolean;
  readonly targets: readonly TargetKind[];
  readonly measures: readonly SelectedMeasure[];
  readonly principles: { readonly [P in PrincipleId]?: PrincipleAssessment };
  readonly notes: readonly Remark[];
  readonly dissents: readonly Remark[];
  readonly injects: readonly Inject[];
  /** Set only while the run is decided. */
  readonly decision: Decision | null;
  /** Version 3: the positions recorded, by measure. */
  readonly positions: { readonly [M in MeasureId]?: Position };
  readonly hotWash: HotWash | null;
}

export const initialWorkflowContext: WorkflowContext = {
  findings: [],
  sharedAssessment: { agreed: false, text: '' },
  attribution: null,
  ratings: {},
  attempt: null,
  external: false,
  actorsIdentified: false,
  targets: [],
  measures: [],
  principles: {},
  notes: [],
  dissents: [],
  injects: [],
  decision: null,
  positions: {},
  hotWash: null,
};
