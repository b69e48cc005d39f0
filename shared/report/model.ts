import { LANG_CHOICES, type Footnote, type Lang } from '../corpus';
import type { Tlp } from '../exercise/scenario';
import type { ActorType, CategoryId, Confidence, DimensionId, MeasureId, PrincipleId, Ratings, StepId, TargetKind } from '../framework/catalogue';
import type { LevelFact } from '../framework/proportionality';
import type { Priority } from '../evaluation/objectives';

/**
 * The after-action report as data: what the JSON export holds and what the Markdown and
 * HTML (printed to PDF) are rendered from. English prose; quotations of the conclusions in
 * the languages the facilitator chose. Built from the runs' event logs, never from the
 * stored snapshots, so it shows what the record says.
 */
export const REPORT_FORMAT = 'cdt-after-action-report';
export const REPORT_VERSION = 1;

export const REPORT_FILE_FORMATS = ['pdf', 'md', 'json'] as const;
export type ReportFileFormat = (typeof REPORT_FILE_FORMATS)[number];

/** One language for every quotation, or every language each document has. */
export const QUOTE_LANGUAGE_CHOICES = LANG_CHOICES;
export type QuoteLanguageChoice = (typeof QUOTE_LANGUAGE_CHOICES)[number];

/** The improvement plan's columns (HSEEP): what to fix, how, who, by when. */
export interface ImprovementItem {
  readonly id: string;
  readonly issue: string;
  readonly correctiveAction: string;
  readonly owner: string;
  /** YYYY-MM-DD, or '' while not agreed. */
  readonly dueDate: string;
  /** The scenario's objective the item serves, or '' while it is tied to none. */
  readonly objectiveId: string;
  /** 'high', 'medium' or 'low', or '' while not set. */
  readonly priority: Priority | '';
}

export interface ReportMarking {
  /** Always "EXERCISE": the record must never be mistaken for a real-world decision. */
  readonly exercise: 'EXERCISE';
  readonly classification: string;
  readonly tlp: Tlp | null;
}

const NO_MARKING = 'NO CLASSIFICATION MARKING SET';

/** The marking every printed page carries, from the scenario's classification (none: said so, never blank). */
export function scenarioMarking(scenario: { readonly classification: { readonly marking: string; readonly tlp: Tlp } } | null): ReportMarking {
  return { exercise: 'EXERCISE', classification: scenario?.classification.marking.trim() || NO_MARKING, tlp: scenario?.classification.tlp ?? null };
}

export interface ReportOverview {
  readonly kind: 'exercise' | 'run';
  readonly title: string;
  readonly scenario: { readonly id: string; readonly title: string; readonly incident: string; readonly sha256: string } | null;
  readonly startedAt: string;
  readonly facilitator: string;
  readonly delegations: readonly string[];
  /** Exercise time on the clock when the report was made; null for a single run. */
  readonly exerciseTimeMs: number | null;
  /** When the exercise was ended; null while it runs on (or for a run of its own). */
  readonly endedAt: string | null;
  /** Corrections of the exercise clock, with their reasons. */
  readonly clockAdjustments: readonly { readonly at: string; readonly deltaMs: number; readonly reason: string }[];
}

export type TimelineKind = 'inject' | 'withdrawal' | 'decision' | 'observation';

export interface TimelineEntry {
  readonly at: string;
  /** Exercise time, where the exercise recorded it (releases and observations). */
  readonly elapsedMs: number | null;
  readonly kind: TimelineKind;
  /** The delegation it concerns; null for the facilitator's own entries. */
  readonly delegation: string | null;
  /** The event type of the log entry it comes from; null for an observation. */
  readonly eventType: string | null;
  readonly text: string;
}

/** Whether a run's record is intact: the hash chain verifies and its replay gives the stored state. */
export interface ChainStatus {
  readonly intact: boolean;
  readonly events: number;
  readonly headHash: string | null;
  /** Why it does not verify, in words a reader understands; null when intact. */
  readonly problem: string | null;
}

export interface RemarkReport {
  readonly at: string;
  readonly step: StepId;
  readonly author: string | null;
  readonly text: string;
}

/**
 * current: the one the run holds as agreed. superseded: a later one was agreed. reopened: the
 * last one agreed, set aside by new information (an inject, a changed finding) and not agreed again.
 */
export type AgreedAssessmentStatus = 'current' | 'superseded' | 'reopened';

export interface AgreedAssessment {
  readonly at: string;
  readonly text: string;
  readonly status: AgreedAssessmentStatus;
}

export type AttributionDecision =
  | {
      readonly status: 'attributed';
      /** "State-sponsored actor" */
      readonly actorType: string;
      /** Its id in the catalogue: "state-sponsored" counts as a State (STATE_SPONSORED_COUNTS). */
      readonly actorTypeId: ActorType;
      readonly actorName: string | null;
      readonly confidence: Confidence;
      readonly basis: string;
    }
  | { readonly status: 'skipped'; readonly reason: string };

/**
 * An entry the run held and a later event replaced or removed: the state keeps only what is
 * current, the record keeps this too.
 */
export interface RevisedEntry {
  readonly kind: 'finding' | 'rating' | 'measure' | 'principle';
  /** What it was about, in the catalogue's words: "Finding", "Scope", a measure's or a principle's label. */
  readonly subject: string;
  /** The confidence of a finding, the value of a rating, the status of a principle; null for a measure. */
  readonly value: string | null;
  /** What was written: the finding, the rationale, the note. */
  readonly text: string;
  /** Where a finding came from; null for the rest. */
  readonly source: string | null;
  readonly recordedAt: string;
  readonly replacedAt: string;
  readonly change: 'edited' | 'removed' | 'changed' | 'withdrawn';
}

export interface LevelBasis {
  /** The sanctions-regime facts as the proportionality step recorded them. */
  readonly attempt: { readonly potential: Ratings } | null;
  readonly external: boolean;
  readonly actorsIdentified: boolean;
  readonly targets: readonly TargetKind[];
  /** Those facts with the attribution, in words: who identifies the persons or entities, what counts as a State. */
  readonly facts: readonly LevelFact[];
  /** The level's formula with the numbers; null until the level can be computed. */
  readonly formula: string | null;
  /** The smallest change of one rating or fact that would open the next category or close the highest. */
  readonly whatWouldChange: readonly string[];
}

/** Where a delegation played: its own laptop once its kit was issued, known by its key from the first return. */
export interface PlayedOn {
  readonly kitIssuedAt: string;
  /** The fingerprint of the key that accepted the kit and signed the returns; null before the first return. */
  readonly laptopFingerprint: string | null;
  readonly laptopKey: string | null;
  readonly lastReturnAt: string | null;
}

export interface DelegationReport {
  readonly name: string;
  readonly runId: string;
  readonly step: StepId;
  readonly chain: ChainStatus;
  /** Null when the run was played on the facilitator's laptop. */
  readonly playedOn: PlayedOn | null;
  readonly injects: readonly { readonly id: string; readonly title: string; readonly at: string }[];
  readonly findings: readonly { readonly text: string; readonly source: string; readonly confidence: Confidence }[];
  /** The assessment as the run now holds it: agreed, or set aside by new information and not agreed again. */
  readonly sharedAssessment: { readonly agreed: boolean; readonly text: string };
  /**
   * Every assessment the log records as agreed, in order. An inject or a changed finding takes
   * the run back to awareness and the state keeps only the latest text, unagreed; the record
   * of what was agreed before must not vanish with it.
   */
  readonly sharedAssessments: readonly AgreedAssessment[];
  readonly attribution: AttributionDecision | { readonly status: 'open' };
  /**
   * Every attribution decision the log records, in order; the last is in force. Revising the
   * attribution replaces it in the state, but what was decided before, and on what basis,
   * stays part of the record.
   */
  readonly attributions: readonly (AttributionDecision & { readonly at: string; readonly inForce: boolean })[];
  readonly ratings: readonly { readonly dimension: DimensionId; readonly label: string; readonly value: number | null; readonly rationale: string }[];
  /** The overall level (0-4) once all seven dimensions are rated. */
  readonly level: number | null;
  /** What the level rests on besides the ratings, and how it follows from them: a reader can reproduce it. */
  readonly levelBasis: LevelBasis;
  readonly measures: readonly {
    readonly id: MeasureId;
    readonly label: string;
    readonly categoryId: CategoryId;
    readonly category: string;
    readonly rationale: string;
    readonly outsideSuggestion: boolean;
  }[];
  readonly principles: readonly { readonly id: PrincipleId; readonly label: string; readonly status: string | null; readonly note: string }[];
  /** Findings, ratings, measures and principle assessments as they were before a later event changed them. */
  readonly revisions: readonly RevisedEntry[];
  readonly notes: readonly RemarkReport[];
  readonly dissents: readonly RemarkReport[];
  /** The decision in force, and every decision the log records (a reopened one included). */
  readonly decision: { readonly at: string; readonly summary: string } | null;
  readonly decisions: readonly { readonly at: string; readonly summary: string }[];
  /** The principles assessed as not met: a decision taken with them is marked so. */
  readonly principlesNotMet: readonly string[];
}

export interface Quote {
  readonly lang: Lang;
  /** How a diplomat cites it: "Council conclusions 10474/17, para. 5, fourth indent (NL)". */
  readonly citation: string;
  /** The paragraph, verbatim as the corpus holds it. */
  readonly text: string;
  /** The footnotes whose markers stand in the paragraph, in their order: a quotation carries them. */
  readonly footnotes: readonly Pick<Footnote, 'n' | 'text' | 'inferred'>[];
}

export interface Citation {
  /** C1, C2 ...: how the report's sections refer to it. */
  readonly id: string;
  readonly docRef: string;
  readonly anchor: string;
  /** What it supports, e.g. "Step: Attribution". */
  readonly supports: readonly string[];
  readonly quotes: readonly Quote[];
  /** Chosen languages the document does not have (then it is quoted in those it has). */
  readonly unavailable: readonly Lang[];
}

export interface ComparisonRow {
  readonly label: string;
  /** One cell per delegation, in the order of `delegations`. */
  readonly values: readonly string[];
}

export interface AfterActionReport {
  readonly format: typeof REPORT_FORMAT;
  readonly version: typeof REPORT_VERSION;
  readonly generatedAt: string;
  readonly quoteLanguages: QuoteLanguageChoice;
  readonly marking: ReportMarking;
  readonly overview: ReportOverview;
  readonly timeline: readonly TimelineEntry[];
  readonly delegations: readonly DelegationReport[];
  readonly comparison: readonly ComparisonRow[];
  readonly observations: readonly {
    readonly at: string;
    readonly elapsedMs: number;
    readonly text: string;
    /** Earlier texts, oldest first, each with when it was replaced. */
    readonly revisions: readonly { readonly replacedAt: string; readonly text: string }[];
    /** A deleted observation stays in the record, marked. */
    readonly deletedAt: string | null;
  }[];
  readonly improvementPlan: readonly ImprovementItem[];
  /** Which citations support each framework item: "step:attribution" -> ["C4", "C5"]. */
  readonly basis: { readonly [item: string]: readonly string[] };
  readonly citations: readonly Citation[];
}

/** Every record in the report verified. */
export const allIntact = (report: AfterActionReport): boolean => report.delegations.every((d) => d.chain.intact);

/** "2 h 05 min" of exercise time. */
export function formatElapsed(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours} h ${String(minutes % 60).padStart(2, '0')} min` : `${minutes} min`;
}

/** "2026-11-30 09:41 UTC": times in a report are UTC, so two laptops' reports agree. */
export function formatTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}
