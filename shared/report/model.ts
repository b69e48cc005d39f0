import { LANG_CHOICES, type Footnote, type Lang } from '../corpus';
import type { Tlp } from '../exercise/scenario';
import type { ActorType, CategoryId, Confidence, DimensionId, MeasureId, PrincipleId, Ratings, StepId, TargetKind } from '../framework/catalogue';
import type { DecisionRule, Stance } from '../framework/council';
import type { LevelFact } from '../framework/proportionality';
import type { HseepRating, Priority } from '../evaluation/objectives';
import type { ExerciseTime } from './clock';

/**
 * The after-action report as data: what the JSON export holds and what the Markdown and
 * HTML (printed to PDF) are rendered from. English prose; quotations of the conclusions in
 * the languages the facilitator chose. Built from the runs' event logs, never from the
 * stored snapshots, so it shows what the record says.
 */
export const REPORT_FORMAT = 'cdt-after-action-report';
export const REPORT_VERSION = 2;

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

/** The report's sections, headed exactly so in the PDF and the Markdown, in this order. */
export const REPORT_SECTIONS = {
  summary: 'Executive summary',
  positions: 'Positions and unanimity',
  joint: 'Joint decision',
  objectives: 'Objectives',
  hotWash: 'Hot wash',
  plan: 'Improvement plan',
  timeline: 'Timeline',
  integrity: 'Integrity of the record',
  delegations: "The delegations' records",
  observations: "Facilitator's observations",
  citations: 'Appendix: Citations',
} as const;
export type ReportSection = keyof typeof REPORT_SECTIONS;

/** A single run has no exercise to evaluate: no positions, joint decision, objectives, hot wash, plan or facilitator. */
export const RUN_REPORT_SECTIONS: readonly ReportSection[] = ['summary', 'timeline', 'integrity', 'delegations', 'citations'];

export const sectionsOf = (kind: ReportOverview['kind']): readonly ReportSection[] =>
  kind === 'exercise' ? (Object.keys(REPORT_SECTIONS) as ReportSection[]) : RUN_REPORT_SECTIONS;

/** A strength or an area for improvement, with where it was said. */
export interface SummaryPoint {
  readonly text: string;
  /** "Hot wash: Delegation Aurelia", "Objective O2 (rated S)". */
  readonly from: string;
}

export interface ExecutiveSummary {
  readonly scenario: string | null;
  /** The first and the last entry of the timeline; null with an empty timeline. */
  readonly firstEntryAt: string | null;
  readonly lastEntryAt: string | null;
  /** The joint decision in a few lines; empty when none was recorded. */
  readonly jointDecision: readonly string[];
  readonly objectives: readonly { readonly id: string; readonly title: string; readonly rating: HseepRating | null }[];
  readonly strengths: readonly SummaryPoint[];
  readonly improvements: readonly SummaryPoint[];
}

/** One delegation's position on one measure. */
export interface PositionCell {
  readonly stance: Stance;
  /** The reason for the objection or the declaration of the abstention; null for the rest. */
  readonly text: string | null;
  readonly at: string | null;
}

export interface PositionRow {
  readonly measureId: MeasureId;
  readonly measure: string;
  readonly category: string;
  readonly rule: DecisionRule;
  /** One cell per delegation, in the order of `PositionsReport.delegations`. */
  readonly cells: readonly PositionCell[];
  /** Unanimity (or consensus) holds when no delegation opposes. */
  readonly holds: boolean;
  readonly blockedBy: readonly string[];
}

export interface PositionsReport {
  readonly delegations: readonly {
    readonly name: string;
    readonly level: number | null;
    /** "5 of 6 met", with those not met named. */
    readonly principles: string;
  }[];
  /** The measures some delegation took a position on (supports included), in the catalogue's order. */
  readonly rows: readonly PositionRow[];
  /** The measures of the catalogue no delegation took a position on: left out of the table. */
  readonly otherMeasures: number;
}

export type JointEntryKind = 'adopted' | 'blocked' | 'statement' | 'withdrawal';

export interface JointEntryReport {
  readonly seq: number;
  readonly at: string;
  /** The exercise clock when the facilitator recorded it. */
  readonly elapsedMs: number;
  readonly kind: JointEntryKind;
  /** The measures it concerns: the one adopted or blocked, those a statement announces; none for a withdrawal. */
  readonly measures: readonly string[];
  /** An adoption's constructive abstentions, each with its formal declaration. */
  readonly abstentions: readonly { readonly delegation: string; readonly declaration: string }[];
  /** A blocking's objections, each with its reason. */
  readonly blockedBy: readonly { readonly delegation: string; readonly reason: string }[];
  /** The statement's agreed text, the note on an adoption or blocking, the reason of a withdrawal; '' for none. */
  readonly text: string;
  /** The entry a withdrawal sets aside. */
  readonly withdraws: number | null;
  /** The withdrawal that set this entry aside; null while it stands. */
  readonly withdrawnBy: number | null;
  /** The positions it rests on: each delegation's stance on each measure, as its run held it then. */
  readonly restsOn: readonly { readonly delegation: string; readonly measure: string; readonly stance: Stance }[];
}

export interface JointDecisionReport {
  readonly entries: readonly JointEntryReport[];
  /** Its own hash chain, and whether every position it rests on is still what the runs' logs give there. */
  readonly chain: ChainStatus;
  readonly referenceProblems: readonly string[];
}

export interface ObjectiveReport {
  /** O1, O2 ...: in the scenario's order. */
  readonly n: string;
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly tiedTo: string;
  readonly rating: HseepRating | null;
  readonly observations: string;
  readonly ratedAt: string | null;
  /** The timeline entries the rating points to, by number (T4); a reference the timeline lacks is kept as it is. */
  readonly entries: readonly string[];
}

export interface HotWashAnswer {
  readonly delegation: string;
  readonly at: string;
  readonly strengths: string;
  readonly improvements: string;
  /** By question id; a question left out was not answered. */
  readonly ratings: { readonly [question: string]: number };
  readonly comments: string;
  /** Entered by the facilitator from a paper form. */
  readonly fromPaper: boolean;
}

export interface HotWashReport {
  readonly questions: readonly { readonly id: string; readonly text: string; readonly average: number | null; readonly answers: number }[];
  readonly answers: readonly HotWashAnswer[];
  /** Delegations with no hot wash submitted. */
  readonly missing: readonly string[];
}

/** An improvement item as the report lays it out: with its objective and priority, sorted by priority. */
export interface PlanItemReport extends ImprovementItem {
  /** The objective it serves (O2 and its title), or null when not tied (or tied to an objective the scenario no longer has). */
  readonly objective: { readonly n: string; readonly title: string } | null;
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

export type TimelineKind =
  | 'release'
  | 'inject'
  | 'withdrawal'
  | 'decision'
  | 'position'
  | 'dissent'
  | 'hot-wash'
  | 'observation'
  | 'joint-decision';

export interface TimelineEntry {
  /** T1, T2 ...: how the report's sections refer to it, in the order of the timeline. */
  readonly n: string;
  /**
   * Stable across reports (shared/evaluation/timeline-ref.ts): what an objective's rating links
   * to. Null for the entries a rating cannot point at: a withdrawal (its release is the entry),
   * an entry of the joint decision (its own record, numbered by seq).
   */
  readonly ref: string | null;
  readonly at: string;
  /** Exercise time: stamped by the clock, or computed from its readings (clock.ts); null without an exercise clock. */
  readonly exerciseTime: ExerciseTime | null;
  readonly kind: TimelineKind;
  /** The delegation it concerns; null for the facilitator's own entries. */
  readonly delegation: string | null;
  /** The event type of the log entry it comes from; null for the facilitator's entries. */
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
  /** The headings of the report's sections, in its order, as the PDF and the Markdown head them. */
  readonly sections: readonly (typeof REPORT_SECTIONS)[ReportSection][];
  readonly summary: ExecutiveSummary;
  /** Null for a single run: positions are taken among the delegations of an exercise. */
  readonly positions: PositionsReport | null;
  readonly jointDecision: JointDecisionReport | null;
  readonly objectives: readonly ObjectiveReport[];
  readonly hotWash: HotWashReport | null;
  readonly timeline: readonly TimelineEntry[];
  /** What the timeline's exercise times rest on, in a sentence; null when every one was stamped by the clock. */
  readonly timelineClock: string | null;
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
  readonly improvementPlan: readonly PlanItemReport[];
  /** Which citations support each framework item: "step:attribution" -> ["C4", "C5"]. */
  readonly basis: { readonly [item: string]: readonly string[] };
  readonly citations: readonly Citation[];
}

/** Every record in the report verified. */
export const allIntact = (report: AfterActionReport): boolean => report.delegations.every((d) => d.chain.intact) && jointVerified(report.jointDecision);

/** The joint decision's chain is intact and every position it rests on still holds (none recorded: nothing to doubt). */
export const jointVerified = (joint: JointDecisionReport | null): boolean => joint === null || (joint.chain.intact && joint.referenceProblems.length === 0);

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
