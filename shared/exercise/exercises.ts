import type { DimensionId, MeasureId, PrincipleId, RatingValue } from '../framework/catalogue';
import type { HotWashSource } from '../evaluation/hot-wash';
import type { LevelFact } from '../framework/proportionality';
import type { RunSummary } from '../workflow/runs';
import type { Scenario, ScenarioInject, Tlp } from './scenario';
import type { ImprovementItem } from '../report/model';
import type { KitStatus, ReleaseCode } from '../exchange/views';
import type { RoomPositions } from '../consensus/table';

// What the exercise service returns, as both sides (main process and renderer) see it.

/** The clock as stored: an ended exercise keeps its clock paused, with the time it ended. */
export const CLOCK_STATES = ['not-started', 'running', 'paused'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];
/** The clock as shown: stopped for good once the exercise has ended. */
export type ClockStatus = ClockState | 'ended';

export const CLOCK_ACTIONS = ['start', 'pause', 'resume', 'end'] as const;
export type ClockAction = (typeof CLOCK_ACTIONS)[number];

/** A correction of the exercise clock (it was started late, a break ran on), with its reason. */
export interface ClockAdjustment {
  readonly at: string;
  readonly elapsedBeforeMs: number;
  /** Positive: the clock moved forward; negative: back. */
  readonly deltaMs: number;
  readonly reason: string;
}

/** Where a stored scenario came from: shipped with the app (read-only), written here, or imported. */
export const SCENARIO_ORIGINS = ['bundled', 'user', 'imported'] as const;
export type ScenarioOrigin = (typeof SCENARIO_ORIGINS)[number];

export interface ScenarioSummary {
  readonly id: string;
  readonly title: string;
  readonly tlp: Tlp;
  readonly marking: string;
  readonly origin: ScenarioOrigin;
  readonly injectCount: number;
  /** SHA-256 of the scenario's canonical JSON. */
  readonly hash: string;
  readonly updatedAt: string;
}

export interface ScenarioRecord extends ScenarioSummary {
  readonly scenario: Scenario;
}

export interface ClockView {
  readonly status: ClockStatus;
  /** Exercise time accumulated before the current running stretch. */
  readonly accumulatedMs: number;
  readonly runningSince: string | null;
  /** Exercise time at the `now` the view was computed for. */
  readonly elapsedMs: number;
  /** When the exercise ended; null while it has not. */
  readonly endedAt: string | null;
}

export interface ExerciseSummary {
  readonly id: string;
  readonly name: string;
  readonly scenarioId: string;
  readonly scenarioTitle: string;
  readonly createdAt: string;
  readonly clock: ClockView;
  readonly delegationCount: number;
}

export interface SelectedMeasureView {
  readonly measureId: MeasureId;
  readonly outsideSuggestion: boolean;
}

export interface DelegationView {
  readonly id: string;
  readonly name: string;
  readonly runId: string;
  readonly run: RunSummary;
  /** The delegation's current ratings (only the dimensions rated so far). */
  readonly ratings: { readonly [D in DimensionId]?: RatingValue };
  /** The overall level once all seven dimensions are rated, else null. */
  readonly level: number | null;
  /** What the level rests on besides the ratings (attribution, persons identified, external threat, attempt, targets). */
  readonly levelFacts: readonly LevelFact[];
  readonly measures: readonly SelectedMeasureView[];
  /** Ids of the injects the delegation's run has received. */
  readonly injectsReceived: readonly string[];
  /** Its kit, once issued: the run is then played on the delegation's laptop. */
  readonly kit: KitStatus | null;
  /** Whether it can be removed: its run is empty, nothing was released to it and no kit went out. */
  readonly removable: boolean;
  /** Principles its run assessed as not met: a decision taken with them is marked so. */
  readonly principlesNotMet: readonly PrincipleId[];
  /** When its hot wash was given, and whether on paper; null before it is. */
  readonly hotWash: { readonly at: string; readonly source: HotWashSource } | null;
}

export interface InjectRelease {
  readonly injectId: string;
  readonly delegationId: string;
  readonly releasedAt: string;
  /** The exercise clock when it was released. */
  readonly elapsedMs: number;
  /** Withdrawn by the facilitator (the release and the receipt stay in the record); null while it stands. */
  readonly withdrawnAt: string | null;
  readonly withdrawnElapsedMs: number | null;
}

export interface FacilitatorNote {
  readonly id: string;
  readonly at: string;
  readonly elapsedMs: number;
  readonly text: string;
  /** Every earlier text, oldest first, with when it was replaced. */
  readonly revisions: readonly { readonly replacedAt: string; readonly text: string }[];
  /** Deleted notes stay in the record, marked. */
  readonly deletedAt: string | null;
}

export interface InjectStatus {
  readonly inject: ScenarioInject;
  /** offsetMinutes in exercise milliseconds. */
  readonly plannedAtMs: number;
  /** Its time has come and some delegation has not received it yet. */
  readonly due: boolean;
  readonly releasedTo: readonly string[];
  /** The codes of this inject's releases to delegations whose kit is out, to read out again. */
  readonly codes: readonly ReleaseCode[];
}

export interface ExerciseView extends ExerciseSummary {
  readonly scenario: Scenario;
  readonly scenarioHash: string;
  readonly delegations: readonly DelegationView[];
  readonly releases: readonly InjectRelease[];
  readonly notes: readonly FacilitatorNote[];
  /** The facilitator's name and improvement plan, for the after-action report. */
  readonly facilitator: string;
  readonly improvementPlan: readonly ImprovementItem[];
  readonly injects: readonly InjectStatus[];
  readonly dueInjectIds: readonly string[];
  /** Every correction of the clock, with its reason, in time order. */
  readonly clockAdjustments: readonly ClockAdjustment[];
}

export interface ReleaseResult {
  readonly exercise: ExerciseView;
  /** Delegations that received the inject now. */
  readonly released: readonly string[];
  /** Delegations that already had it: left alone, with the reason. */
  readonly skipped: readonly { readonly delegationId: string; readonly reason: string }[];
  /** For delegations whose kit is out: the code that opens the inject on their laptop. */
  readonly codes: readonly ReleaseCode[];
}

export type ImportStatus = 'imported' | 'already-imported';

export interface ExerciseImportResult {
  readonly status: ImportStatus;
  readonly exercise: ExerciseSummary;
}

export interface ScenarioImportResult {
  readonly status: ImportStatus;
  readonly scenario: ScenarioSummary;
}

/** The outcome of an action that asks the user for a file: they may cancel the dialog. */
export type SaveOutcome = { readonly saved: false } | { readonly saved: true; readonly path: string };
export type OpenOutcome<T> = { readonly opened: false } | ({ readonly opened: true; readonly path: string } & T);

/** The exercise a run belongs to, as the run's screen marks it. */
export interface RunExercise {
  readonly exerciseId: string;
  readonly exerciseName: string;
  readonly delegation: string;
  readonly marking: string;
  readonly tlp: Tlp;
  /** On a delegation's laptop: the run a kit opened, whose exercise is its workspace. */
  readonly workspace: boolean;
  /** On the facilitator's laptop, once the delegation's kit is out: its run is played there, and is read-only here. */
  readonly playedElsewhereSince: string | null;
  /** Injects the facilitator withdrew after releasing them to this delegation. */
  readonly withdrawn: readonly { readonly injectId: string; readonly at: string }[];
  /** The exercise clock when each inject was released to this delegation, by inject id. */
  readonly injectTimes: { readonly [injectId: string]: number };
  /** What the delegation may see of its scenario: the incident, the background, the questions per step; suggested findings of the injects it received. */
  readonly context: ScenarioContext | null;
}

export interface ScenarioContext {
  readonly title: string;
  readonly incident: string;
  readonly background: string;
  readonly questions: Scenario['questions'];
  /** By inject id, for the injects the run received. */
  readonly suggestedFindings: { readonly [injectId: string]: NonNullable<ScenarioInject['suggestedFindings']> };
}

/**
 * What the room's screen (the projector) shows: what the whole room may see. Built in the main
 * process, so the window that shows it never holds the facilitator's notes or an inject not yet released.
 */
export interface RoomView {
  readonly exerciseId: string;
  readonly name: string;
  readonly marking: string;
  readonly tlp: Tlp;
  readonly clock: ClockView;
  readonly released: readonly {
    readonly injectId: string;
    readonly title: string;
    readonly releasedAt: string;
    readonly elapsedMs: number;
    readonly delegations: readonly string[];
    readonly withdrawn: boolean;
  }[];
  /** The next planned inject's exercise time, when the facilitator shows the countdown; never its title. */
  readonly nextInjectAtMs: number | null;
  readonly showCountdown: boolean;
  /** The table of positions, when the facilitator chooses to show it (exercises.room_shows_positions); else null. */
  readonly positions: RoomPositions | null;
}
