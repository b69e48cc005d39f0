// The joint-response workflow of 10474/17 as an xstate v5 machine (FRAMEWORK.md §2).
// Pure: no timers, no side effects, no generated ids or clocks. Ids and timestamps arrive
// in the events, so replaying a run's event log reproduces its snapshot exactly.
// Every guard is the empty case of `eventProblems`, the function that also explains a
// refusal, so `snapshot.can(event)` and `whyNot(snapshot, event)` never disagree.

import { assertEvent, assign, setup, type SnapshotFrom } from 'xstate';
import {
  DIMENSIONS,
  DIMENSION_IDS,
  MEASURES,
  PRINCIPLES,
  PRINCIPLE_IDS,
  STEPS,
  STEP_IDS,
  assertNever,
  isActorType,
  isConfidence,
  isDimensionId,
  isMeasureId,
  isPrincipleId,
  isPrincipleStatus,
  isRatingValue,
  isStepId,
  isTargetKind,
  type ActorType,
  type Confidence,
  type DimensionId,
  type MeasureId,
  type PrincipleId,
  type PrincipleStatus,
  type RatingValue,
  type Ratings,
  type StepId,
  type TargetKind,
} from '../framework/catalogue';
import {
  assess,
  checkRequirement,
  type Assessment,
  type AssessmentAttribution,
  type AssessmentInput,
  type RequirementFacts,
} from '../framework/proportionality';

/** Bump when a change would make stored snapshots or event logs replay differently. */
export const WORKFLOW_MACHINE_VERSION = 1;

// ---------------------------------------------------------------------------------------
// Context

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
};

// ---------------------------------------------------------------------------------------
// Events

interface RemarkPayload {
  readonly id: string;
  readonly text: string;
  readonly author?: string;
  readonly at: string;
}

export type WorkflowEvent =
  | { readonly type: 'FINDING.ADD'; readonly id: string; readonly text: string; readonly source: string; readonly confidence: Confidence }
  | { readonly type: 'FINDING.EDIT'; readonly id: string; readonly text: string; readonly source: string; readonly confidence: Confidence }
  | { readonly type: 'FINDING.REMOVE'; readonly id: string }
  | { readonly type: 'AWARENESS.AGREE'; readonly text: string }
  | {
      readonly type: 'ATTRIBUTION.ATTRIBUTE';
      readonly actorType: ActorType;
      readonly actorNamed: boolean;
      readonly actorName?: string;
      readonly confidence: Confidence;
      readonly basis: string;
    }
  | { readonly type: 'ATTRIBUTION.SKIP'; readonly reason: string }
  | { readonly type: 'RATING.SET'; readonly dimension: DimensionId; readonly value: RatingValue; readonly rationale: string }
  | {
      readonly type: 'SANCTIONS.SET';
      /** null: not an attempt. */
      readonly attempt: Attempt | null;
      readonly external: boolean;
      readonly actorsIdentified: boolean;
      readonly targets: readonly TargetKind[];
    }
  | { readonly type: 'PROPORTIONALITY.CONFIRM' }
  | { readonly type: 'MEASURE.SELECT'; readonly measureId: MeasureId; readonly rationale: string }
  | { readonly type: 'MEASURE.DESELECT'; readonly measureId: MeasureId }
  | { readonly type: 'PRINCIPLE.ASSESS'; readonly principleId: PrincipleId; readonly status: PrincipleStatus; readonly note: string }
  | { readonly type: 'DECISION.SUBMIT'; readonly at: string; readonly summary: string }
  | { readonly type: 'DECISION.REOPEN' }
  | { readonly type: 'REVISE'; readonly step: StepId }
  | { readonly type: 'INJECT.RECEIVE'; readonly id: string; readonly title: string; readonly body: string; readonly at: string }
  | ({ readonly type: 'NOTE.ADD' } & RemarkPayload)
  | ({ readonly type: 'DISSENT.ADD' } & RemarkPayload);

export type WorkflowEventType = WorkflowEvent['type'];
export type WorkflowEventOf<T extends WorkflowEventType> = Extract<WorkflowEvent, { readonly type: T }>;

export const WORKFLOW_EVENT_TYPES = [
  'FINDING.ADD',
  'FINDING.EDIT',
  'FINDING.REMOVE',
  'AWARENESS.AGREE',
  'ATTRIBUTION.ATTRIBUTE',
  'ATTRIBUTION.SKIP',
  'RATING.SET',
  'SANCTIONS.SET',
  'PROPORTIONALITY.CONFIRM',
  'MEASURE.SELECT',
  'MEASURE.DESELECT',
  'PRINCIPLE.ASSESS',
  'DECISION.SUBMIT',
  'DECISION.REOPEN',
  'REVISE',
  'INJECT.RECEIVE',
  'NOTE.ADD',
  'DISSENT.ADD',
] as const satisfies readonly WorkflowEventType[];

// Compile-time check that the list above names every event.
type MissingEventType = Exclude<WorkflowEventType, (typeof WORKFLOW_EVENT_TYPES)[number]>;
const _everyEventListed: [MissingEventType] extends [never] ? true : MissingEventType = true;

/** How a refusal names the action ("Selecting a measure is possible only in ..."). */
export const EVENT_ACTIONS: { readonly [T in WorkflowEventType]: string } = {
  'FINDING.ADD': 'Adding a finding',
  'FINDING.EDIT': 'Editing a finding',
  'FINDING.REMOVE': 'Removing a finding',
  'AWARENESS.AGREE': 'Agreeing the shared assessment',
  'ATTRIBUTION.ATTRIBUTE': 'Attributing the activity',
  'ATTRIBUTION.SKIP': 'Skipping attribution',
  'RATING.SET': 'Rating a dimension',
  'SANCTIONS.SET': 'Recording the sanctions-regime facts',
  'PROPORTIONALITY.CONFIRM': 'Confirming the proportionality assessment',
  'MEASURE.SELECT': 'Selecting a measure',
  'MEASURE.DESELECT': 'Deselecting a measure',
  'PRINCIPLE.ASSESS': 'Assessing a principle',
  'DECISION.SUBMIT': 'Submitting the decision',
  'DECISION.REOPEN': 'Reopening the decision',
  REVISE: 'Revising an earlier step',
  'INJECT.RECEIVE': 'Receiving an inject',
  'NOTE.ADD': 'Adding a note',
  'DISSENT.ADD': 'Recording a dissent',
};

// ---------------------------------------------------------------------------------------
// Rules. Each returns the reasons an event would be refused; [] means accepted.

const blank = (s: unknown): boolean => typeof s !== 'string' || s.trim() === '';
const stepLabel = (step: StepId): string => STEPS[step].label;
const dimensionName = (id: DimensionId): string => DIMENSIONS[id].label.toLowerCase();

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function toAssessmentAttribution(attribution: Attribution | null): AssessmentAttribution | null {
  if (attribution === null) return null;
  switch (attribution.status) {
    case 'attributed':
      return {
        status: 'attributed',
        actorType: attribution.actorType,
        actorNamed: attribution.actorNamed,
        confidence: attribution.confidence,
      };
    case 'skipped':
      return { status: 'skipped' };
    default:
      return assertNever(attribution, 'attribution');
  }
}

/** What the measures' requirements are checked against (the same logic as `cdt assess`). */
export function requirementFactsOf(context: WorkflowContext): RequirementFacts {
  return {
    attribution: toAssessmentAttribution(context.attribution),
    external: context.external,
    actorsIdentified: context.actorsIdentified,
  };
}

function allRatings(context: WorkflowContext): Ratings | null {
  const entries = DIMENSION_IDS.map((id) => [id, context.ratings[id]?.value] as const);
  if (entries.some(([, value]) => value === undefined)) return null;
  return Object.fromEntries(entries) as unknown as Ratings;
}

/** The run as `cdt assess` input; null until attribution is settled and all seven are rated. */
export function assessmentInputOf(context: WorkflowContext): AssessmentInput | null {
  const dimensions = allRatings(context);
  const attribution = toAssessmentAttribution(context.attribution);
  if (dimensions === null || attribution === null) return null;
  return {
    dimensions,
    attribution,
    ...(context.attempt === null ? {} : { attempt: { potential: context.attempt.potential } }),
    external: context.external,
    actorsIdentified: context.actorsIdentified,
    targets: context.targets,
  };
}

export function assessRun(context: WorkflowContext): Assessment | null {
  const input = assessmentInputOf(context);
  return input === null ? null : assess(input);
}

function ratingProblems(context: WorkflowContext): string[] {
  const problems: string[] = [];
  const unrated = DIMENSION_IDS.filter((id) => context.ratings[id] === undefined);
  if (unrated.length > 0) {
    problems.push(`Rate all seven dimensions: ${listOf(unrated.map(dimensionName))} ${unrated.length === 1 ? 'is' : 'are'} not rated yet.`);
  }
  const withoutRationale = DIMENSION_IDS.filter((id) => {
    const rating = context.ratings[id];
    return rating !== undefined && blank(rating.rationale);
  });
  if (withoutRationale.length > 0) {
    problems.push(
      `Give a rationale for every rating: ${listOf(withoutRationale.map((id) => `${dimensionName(id)} ${context.ratings[id]?.value}`))} ${withoutRationale.length === 1 ? 'has' : 'have'} none.`,
    );
  }
  return problems;
}

function unmetRequirementProblems(context: WorkflowContext): string[] {
  const facts = requirementFactsOf(context);
  return context.measures.flatMap((m) => {
    const check = checkRequirement(m.measureId, facts);
    return check.problems.map((p) => `${p} Deselect ${MEASURES[m.measureId].label} or revise the earlier step.`);
  });
}

export interface Blocker {
  /** The step where it can be resolved. */
  readonly step: StepId;
  readonly reason: string;
}

/** Everything that stands between the run and a decision, step by step. */
export function blockers(context: WorkflowContext): readonly Blocker[] {
  const list: Blocker[] = [];
  const add = (step: StepId, reasons: readonly string[]): void => {
    for (const reason of reasons) list.push({ step, reason });
  };
  if (context.findings.length === 0) add('awareness', ['Record at least one finding.']);
  if (!context.sharedAssessment.agreed) add('awareness', ['The member states have not agreed the shared assessment yet.']);
  if (context.attribution === null) add('attribution', ['Attribution has been neither made nor skipped yet.']);
  add('proportionality', ratingProblems(context));
  if (context.measures.length === 0) add('measures', ['Select at least one measure, with a rationale.']);
  const unassessed = PRINCIPLE_IDS.filter((id) => context.principles[id] === undefined);
  if (unassessed.length > 0) {
    add('measures', [
      `Assess every principle of 10474/17 §5: ${listOf(unassessed.map((id) => PRINCIPLES[id].label))} ${unassessed.length === 1 ? 'is' : 'are'} not assessed yet.`,
    ]);
  }
  add('measures', unmetRequirementProblems(context));
  return list;
}

// The rules ask "is this id already recorded?" for nearly every event, and a run's lists grow
// by an item per event: a scan per event makes a long run's replay and appends quadratic.
// Each list (by identity: contexts are never mutated) gets the set of its ids, built once,
// and an action hands that set on to the list it derives, so a run pays a constant per event.
interface Identified {
  readonly id: string;
}

// Even without scans, copying a list of n items to add one makes a replay of n events
// quadratic (and, past V8's large-object size, every copy is an mmap). Inside a replay the
// snapshot an action reads from is dropped as soon as the next exists, so a list made during
// the replay may be extended in place; everywhere else a list is never changed once made.
let replayDepth = 0;
let owned = new WeakSet<readonly unknown[]>();

const idSets = new WeakMap<readonly Identified[], Set<string>>();

function hasId(list: readonly Identified[], id: string): boolean {
  let ids = idSets.get(list);
  if (!ids) idSets.set(list, (ids = new Set(list.map((item) => item.id))));
  return ids.has(id);
}

/** The old list loses its set (should it be asked again, it builds its own): sets are never shared. */
function handIdsOn<T extends Identified>(from: readonly T[], to: readonly T[], change: (ids: Set<string>) => void): readonly T[] {
  if (replayDepth > 0 && owned.has(from)) owned.add(to);
  const ids = idSets.get(from);
  if (ids) {
    idSets.delete(from);
    change(ids);
    idSets.set(to, ids);
  }
  return to;
}

function appended<T extends Identified>(list: readonly T[], item: T): readonly T[] {
  if (replayDepth > 0 && owned.has(list)) {
    (list as T[]).push(item);
    idSets.get(list)?.add(item.id);
    return list;
  }
  const next = handIdsOn(list, [...list, item], (ids) => ids.add(item.id));
  if (replayDepth > 0) owned.add(next);
  return next;
}

/**
 * Runs `replay`, a loop that transitions each snapshot exactly once and keeps only the last,
 * with the lists that grow by an event extended in place instead of copied. The snapshots it
 * yields are equal to those of plain transitions; once it returns, their lists are ordinary
 * lists again (the next append copies). A snapshot passed in is never changed: a list is
 * copied once before it is first extended.
 */
export function replaying<T>(replay: () => T): T {
  replayDepth++;
  try {
    return replay();
  } finally {
    replayDepth--;
    if (replayDepth === 0) owned = new WeakSet();
  }
}

function remarkProblems(context: WorkflowContext, event: RemarkPayload): string[] {
  const problems: string[] = [];
  if (blank(event.id)) problems.push('A note or dissent needs an id.');
  else if (hasId(context.notes, event.id) || hasId(context.dissents, event.id)) {
    problems.push(`A note or dissent with id "${event.id}" is already recorded.`);
  }
  if (blank(event.text)) problems.push('A note or dissent needs a text.');
  if (blank(event.at)) problems.push('A note or dissent needs the time it was made.');
  if (event.author !== undefined && typeof event.author !== 'string') problems.push('The author must be a text.');
  return problems;
}

function findingPayloadProblems(event: { readonly text: string; readonly source: string; readonly confidence: Confidence }): string[] {
  const problems: string[] = [];
  if (blank(event.text)) problems.push('A finding needs a text: what happened.');
  if (blank(event.source)) problems.push('A finding needs a source.');
  if (!isConfidence(event.confidence)) problems.push(`Confidence must be low, moderate or high, not ${JSON.stringify(event.confidence)}.`);
  return problems;
}

/** Why the context refuses the event, whatever the step. Exhaustive over the events. */
export function eventProblems(context: WorkflowContext, event: WorkflowEvent): readonly string[] {
  switch (event.type) {
    case 'FINDING.ADD': {
      const problems: string[] = [];
      if (blank(event.id)) problems.push('A finding needs an id.');
      else if (hasId(context.findings, event.id)) problems.push(`A finding with id "${event.id}" is already recorded.`);
      return [...problems, ...findingPayloadProblems(event)];
    }
    case 'FINDING.EDIT':
      return hasId(context.findings, event.id)
        ? findingPayloadProblems(event)
        : [`There is no finding with id "${event.id}".`];
    case 'FINDING.REMOVE':
      return hasId(context.findings, event.id) ? [] : [`There is no finding with id "${event.id}".`];
    case 'AWARENESS.AGREE': {
      const problems: string[] = [];
      if (context.findings.length === 0) problems.push('A shared assessment rests on findings: record at least one finding first.');
      if (blank(event.text)) problems.push('State the shared assessment the member states agree.');
      return problems;
    }
    case 'ATTRIBUTION.ATTRIBUTE': {
      const problems: string[] = [];
      if (!isActorType(event.actorType)) {
        problems.push(`The actor type must be state, state-sponsored or non-state, not ${JSON.stringify(event.actorType)}.`);
      }
      if (!isConfidence(event.confidence)) problems.push(`Confidence must be low, moderate or high, not ${JSON.stringify(event.confidence)}.`);
      if (blank(event.basis)) problems.push('An attribution needs its basis: the all-source intelligence it rests on (10474/17 §4).');
      if (typeof event.actorNamed !== 'boolean') problems.push('Say whether the attribution names the actor.');
      else if (event.actorNamed && blank(event.actorName)) problems.push('The attribution names the actor: give the name.');
      else if (!event.actorNamed && !blank(event.actorName)) {
        problems.push('An actor name is given, but the attribution is recorded as not naming the actor.');
      }
      return problems;
    }
    case 'ATTRIBUTION.SKIP':
      return blank(event.reason) ? ['Give the reason for not attributing the activity.'] : [];
    case 'RATING.SET': {
      const problems: string[] = [];
      if (!isDimensionId(event.dimension)) problems.push(`There is no dimension ${JSON.stringify(event.dimension)}.`);
      if (!isRatingValue(event.value)) problems.push(`A rating is an integer from 0 to 4, not ${JSON.stringify(event.value)}.`);
      if (typeof event.rationale !== 'string') problems.push('The rationale must be a text (it may be empty until confirmation).');
      return problems;
    }
    case 'SANCTIONS.SET': {
      const problems: string[] = [];
      if (event.attempt !== null) {
        const bad = DIMENSION_IDS.filter((id) => !isRatingValue(event.attempt?.potential?.[id]));
        if (bad.length > 0) {
          problems.push(`An attempt needs the potential effect rated 0 to 4 on every dimension: ${listOf(bad.map(dimensionName))} ${bad.length === 1 ? 'is' : 'are'} missing or invalid.`);
        }
      }
      if (typeof event.external !== 'boolean') problems.push('Say whether the activity is an external threat to the Union or its member states.');
      if (typeof event.actorsIdentified !== 'boolean') problems.push('Say whether responsible persons or entities are identified.');
      if (!Array.isArray(event.targets)) problems.push('The targets must be a list.');
      else {
        const unknown = event.targets.filter((t) => !isTargetKind(t));
        if (unknown.length > 0) problems.push(`Unknown target kinds: ${unknown.map((t) => JSON.stringify(t)).join(', ')}.`);
        if (new Set(event.targets).size !== event.targets.length) problems.push('A target kind is listed twice.');
      }
      return problems;
    }
    case 'PROPORTIONALITY.CONFIRM':
      return ratingProblems(context);
    case 'MEASURE.SELECT': {
      if (!isMeasureId(event.measureId)) return [`There is no measure ${JSON.stringify(event.measureId)}.`];
      const problems: string[] = [];
      if (!context.sharedAssessment.agreed) problems.push('Measures come after the shared assessment is agreed.');
      if (DIMENSION_IDS.some((id) => context.ratings[id] === undefined)) problems.push('Measures come after all seven dimensions are rated.');
      problems.push(...checkRequirement(event.measureId, requirementFactsOf(context)).problems);
      if (blank(event.rationale)) problems.push(`Give the rationale for choosing ${MEASURES[event.measureId].label}.`);
      return problems;
    }
    case 'MEASURE.DESELECT':
      if (context.measures.some((m) => m.measureId === event.measureId)) return [];
      return [`${isMeasureId(event.measureId) ? MEASURES[event.measureId].label : JSON.stringify(event.measureId)} is not selected.`];
    case 'PRINCIPLE.ASSESS': {
      const problems: string[] = [];
      if (!isPrincipleId(event.principleId)) problems.push(`There is no principle ${JSON.stringify(event.principleId)}.`);
      if (!isPrincipleStatus(event.status)) problems.push(`A principle is met, not-met or unclear, not ${JSON.stringify(event.status)}.`);
      if (typeof event.note !== 'string') problems.push('The note must be a text.');
      return problems;
    }
    case 'DECISION.SUBMIT': {
      const problems = blockers(context).map((b) => b.reason);
      if (blank(event.summary)) problems.push('Summarise the decision.');
      if (blank(event.at)) problems.push('The decision needs the time it was taken.');
      return problems;
    }
    case 'DECISION.REOPEN':
      return [];
    case 'REVISE':
      return isStepId(event.step) ? [] : [`There is no step ${JSON.stringify(event.step)}.`];
    case 'INJECT.RECEIVE': {
      const problems: string[] = [];
      if (blank(event.id)) problems.push('An inject needs an id.');
      else if (hasId(context.injects, event.id)) problems.push(`The inject "${event.id}" was already received.`);
      if (blank(event.title)) problems.push('An inject needs a title.');
      if (typeof event.body !== 'string') problems.push('The body of an inject must be a text.');
      if (blank(event.at)) problems.push('An inject needs the time it was received.');
      return problems;
    }
    case 'NOTE.ADD':
    case 'DISSENT.ADD':
      return remarkProblems(context, event);
    default:
      return assertNever(event, 'workflow event');
  }
}

const accepts =
  (type: WorkflowEventType) =>
  ({ context, event }: { readonly context: WorkflowContext; readonly event: WorkflowEvent }): boolean =>
    event.type === type && eventProblems(context, event).length === 0;

// Recomputed whenever the assessment can change, so the flag never goes stale.
function withSuggestionFlags(context: WorkflowContext): readonly SelectedMeasure[] {
  const assessment = assessRun(context);
  if (assessment === null) return context.measures;
  return context.measures.map((m) => {
    const category = assessment.categories.find((c) => c.id === MEASURES[m.measureId].category);
    return { ...m, outsideSuggestion: category?.proportionate !== true };
  });
}

// ---------------------------------------------------------------------------------------
// The machine

const remarksIn = (step: StepId) =>
  ({
    'NOTE.ADD': { guard: 'canAddNote', actions: { type: 'addNote', params: { step } } },
    'DISSENT.ADD': { guard: 'canAddDissent', actions: { type: 'addDissent', params: { step } } },
  }) as const;

const revisionsTo = (steps: readonly StepId[], actions: readonly 'clearDecision'[] = []) =>
  steps.map((step) => ({ guard: { type: 'isRevisionTo', params: { step } }, target: step, actions: [...actions] }) as const);

export const workflowMachine = setup({
  types: {} as {
    context: WorkflowContext;
    events: WorkflowEvent;
  },
  guards: {
    canAddFinding: accepts('FINDING.ADD'),
    canEditFinding: accepts('FINDING.EDIT'),
    canRemoveFinding: accepts('FINDING.REMOVE'),
    canAgreeAssessment: accepts('AWARENESS.AGREE'),
    canAttribute: accepts('ATTRIBUTION.ATTRIBUTE'),
    canSkipAttribution: accepts('ATTRIBUTION.SKIP'),
    canSetRating: accepts('RATING.SET'),
    canSetSanctionsFacts: accepts('SANCTIONS.SET'),
    canConfirmProportionality: accepts('PROPORTIONALITY.CONFIRM'),
    canSelectMeasure: accepts('MEASURE.SELECT'),
    canDeselectMeasure: accepts('MEASURE.DESELECT'),
    canAssessPrinciple: accepts('PRINCIPLE.ASSESS'),
    canSubmitDecision: accepts('DECISION.SUBMIT'),
    canReceiveInject: accepts('INJECT.RECEIVE'),
    canAddNote: accepts('NOTE.ADD'),
    canAddDissent: accepts('DISSENT.ADD'),
    isRevisionTo: ({ event }, params: { readonly step: StepId }) => event.type === 'REVISE' && event.step === params.step,
  },
  actions: {
    addFinding: assign(({ context, event }) => {
      assertEvent(event, 'FINDING.ADD');
      const finding: Finding = { id: event.id, text: event.text, source: event.source, confidence: event.confidence };
      // New facts reopen the question: the member states must agree again.
      return { findings: appended(context.findings, finding), sharedAssessment: { ...context.sharedAssessment, agreed: false } };
    }),
    editFinding: assign(({ context, event }) => {
      assertEvent(event, 'FINDING.EDIT');
      return {
        findings: handIdsOn(
          context.findings,
          context.findings.map((f) => (f.id === event.id ? { id: f.id, text: event.text, source: event.source, confidence: event.confidence } : f)),
          () => undefined,
        ),
        sharedAssessment: { ...context.sharedAssessment, agreed: false },
      };
    }),
    removeFinding: assign(({ context, event }) => {
      assertEvent(event, 'FINDING.REMOVE');
      return {
        findings: handIdsOn(context.findings, context.findings.filter((f) => f.id !== event.id), (ids) => ids.delete(event.id)),
        sharedAssessment: { ...context.sharedAssessment, agreed: false },
      };
    }),
    agreeAssessment: assign(({ event }) => {
      assertEvent(event, 'AWARENESS.AGREE');
      return { sharedAssessment: { agreed: true, text: event.text } };
    }),
    recordAttribution: assign(({ event }) => {
      assertEvent(event, 'ATTRIBUTION.ATTRIBUTE');
      const attribution: Attribution = {
        status: 'attributed',
        actorType: event.actorType,
        actorNamed: event.actorNamed,
        ...(event.actorNamed && event.actorName !== undefined ? { actorName: event.actorName } : {}),
        confidence: event.confidence,
        basis: event.basis,
      };
      return { attribution };
    }),
    recordSkip: assign(({ event }) => {
      assertEvent(event, 'ATTRIBUTION.SKIP');
      return { attribution: { status: 'skipped', reason: event.reason } as const };
    }),
    setRating: assign(({ context, event }) => {
      assertEvent(event, 'RATING.SET');
      return { ratings: { ...context.ratings, [event.dimension]: { value: event.value, rationale: event.rationale } } };
    }),
    setSanctionsFacts: assign(({ event }) => {
      assertEvent(event, 'SANCTIONS.SET');
      return {
        attempt: event.attempt === null ? null : { potential: { ...event.attempt.potential } },
        external: event.external,
        actorsIdentified: event.actorsIdentified,
        targets: [...event.targets],
      };
    }),
    refreshSuggestions: assign(({ context }) => ({ measures: withSuggestionFlags(context) })),
    selectMeasure: assign(({ context, event }) => {
      assertEvent(event, 'MEASURE.SELECT');
      const category = MEASURES[event.measureId].category;
      const proportionate = assessRun(context)?.categories.find((c) => c.id === category)?.proportionate === true;
      const selected: SelectedMeasure = { measureId: event.measureId, rationale: event.rationale, outsideSuggestion: !proportionate };
      // Selecting again updates the rationale in place.
      return context.measures.some((m) => m.measureId === event.measureId)
        ? { measures: context.measures.map((m) => (m.measureId === event.measureId ? selected : m)) }
        : { measures: [...context.measures, selected] };
    }),
    deselectMeasure: assign(({ context, event }) => {
      assertEvent(event, 'MEASURE.DESELECT');
      return { measures: context.measures.filter((m) => m.measureId !== event.measureId) };
    }),
    assessPrinciple: assign(({ context, event }) => {
      assertEvent(event, 'PRINCIPLE.ASSESS');
      return { principles: { ...context.principles, [event.principleId]: { status: event.status, note: event.note } } };
    }),
    recordDecision: assign(({ event }) => {
      assertEvent(event, 'DECISION.SUBMIT');
      return { decision: { at: event.at, summary: event.summary } };
    }),
    clearDecision: assign({ decision: null }),
    receiveInject: assign(({ context, event }) => {
      assertEvent(event, 'INJECT.RECEIVE');
      const inject: Inject = { id: event.id, title: event.title, body: event.body, at: event.at };
      return {
        injects: appended(context.injects, inject),
        sharedAssessment: { ...context.sharedAssessment, agreed: false },
        decision: null,
      };
    }),
    addNote: assign(({ context, event }, params: { readonly step: StepId }) => {
      assertEvent(event, 'NOTE.ADD');
      return { notes: appended(context.notes, toRemark(event, params.step)) };
    }),
    addDissent: assign(({ context, event }, params: { readonly step: StepId }) => {
      assertEvent(event, 'DISSENT.ADD');
      return { dissents: appended(context.dissents, toRemark(event, params.step)) };
    }),
  },
}).createMachine({
  id: 'workflow',
  version: String(WORKFLOW_MACHINE_VERSION),
  context: initialWorkflowContext,
  initial: 'awareness',
  on: {
    // A facilitator's new information sends the run back with everything kept.
    'INJECT.RECEIVE': { guard: 'canReceiveInject', target: '.awareness', actions: 'receiveInject' },
  },
  states: {
    awareness: {
      on: {
        'FINDING.ADD': { guard: 'canAddFinding', actions: 'addFinding' },
        'FINDING.EDIT': { guard: 'canEditFinding', actions: 'editFinding' },
        'FINDING.REMOVE': { guard: 'canRemoveFinding', actions: 'removeFinding' },
        'AWARENESS.AGREE': { guard: 'canAgreeAssessment', target: 'attribution', actions: 'agreeAssessment' },
        ...remarksIn('awareness'),
      },
    },
    attribution: {
      on: {
        'ATTRIBUTION.ATTRIBUTE': { guard: 'canAttribute', target: 'proportionality', actions: 'recordAttribution' },
        'ATTRIBUTION.SKIP': { guard: 'canSkipAttribution', target: 'proportionality', actions: 'recordSkip' },
        REVISE: revisionsTo(['awareness']),
        ...remarksIn('attribution'),
      },
    },
    proportionality: {
      on: {
        'RATING.SET': { guard: 'canSetRating', actions: ['setRating', 'refreshSuggestions'] },
        'SANCTIONS.SET': { guard: 'canSetSanctionsFacts', actions: ['setSanctionsFacts', 'refreshSuggestions'] },
        'PROPORTIONALITY.CONFIRM': { guard: 'canConfirmProportionality', target: 'measures' },
        REVISE: revisionsTo(['awareness', 'attribution']),
        ...remarksIn('proportionality'),
      },
    },
    measures: {
      on: {
        'MEASURE.SELECT': { guard: 'canSelectMeasure', actions: 'selectMeasure' },
        'MEASURE.DESELECT': { guard: 'canDeselectMeasure', actions: 'deselectMeasure' },
        'PRINCIPLE.ASSESS': { guard: 'canAssessPrinciple', actions: 'assessPrinciple' },
        'DECISION.SUBMIT': { guard: 'canSubmitDecision', target: 'decided', actions: 'recordDecision' },
        REVISE: revisionsTo(['awareness', 'attribution', 'proportionality']),
        ...remarksIn('measures'),
      },
    },
    decided: {
      on: {
        'DECISION.REOPEN': { target: 'measures', actions: 'clearDecision' },
        REVISE: revisionsTo(['awareness', 'attribution', 'proportionality', 'measures'], ['clearDecision']),
        ...remarksIn('decided'),
      },
    },
  },
});

function toRemark(event: RemarkPayload, step: StepId): Remark {
  return { id: event.id, step, text: event.text, ...(event.author === undefined ? {} : { author: event.author }), at: event.at };
}

export type WorkflowMachine = typeof workflowMachine;
export type WorkflowSnapshot = SnapshotFrom<WorkflowMachine>;

// ---------------------------------------------------------------------------------------
// Helpers for the UI and the main process

/** A live snapshot or a stored one (its JSON): the step and the context are all we read. */
export interface WorkflowSnapshotLike {
  readonly value: unknown;
  readonly context: WorkflowContext;
}

function isSnapshotLike(subject: WorkflowContext | WorkflowSnapshotLike): subject is WorkflowSnapshotLike {
  return 'value' in subject && 'context' in subject;
}

export function stepOf(snapshot: WorkflowSnapshotLike): StepId {
  if (isStepId(snapshot.value)) return snapshot.value;
  throw new Error(`Not a workflow step: ${JSON.stringify(snapshot.value)}`);
}

// Read from the machine itself, so the step rules cannot drift from its configuration.
function handledIn(step: StepId, type: WorkflowEventType): boolean {
  const node = workflowMachine.root.states[step];
  return (node?.ownEvents.includes(type) ?? false) || workflowMachine.root.ownEvents.includes(type);
}

function stepProblems(step: StepId, event: WorkflowEvent): string[] {
  if (!handledIn(step, event.type)) {
    const where = STEP_IDS.filter((s) => handledIn(s, event.type));
    const only =
      event.type === 'REVISE'
        ? 'There is no earlier step to revise'
        : `${EVENT_ACTIONS[event.type]} is possible only in the ${listOf(where.map((s) => stepLabel(s)))} step${where.length > 1 ? 's' : ''}`;
    return [`${only}; the run is in the ${stepLabel(step)} step.`];
  }
  if (event.type === 'REVISE' && isStepId(event.step) && STEP_IDS.indexOf(event.step) >= STEP_IDS.indexOf(step)) {
    return [`Only an earlier step can be revised: the run is in the ${stepLabel(step)} step, and ${stepLabel(event.step)} is not earlier.`];
  }
  return [];
}

/**
 * Why the event would be refused, in English; [] when it would be accepted. Given a
 * snapshot it also checks the step; given a bare context, only the rules on the data.
 */
export function whyNot(subject: WorkflowContext | WorkflowSnapshotLike, event: WorkflowEvent): readonly string[] {
  if (!isSnapshotLike(subject)) return eventProblems(subject, event);
  const problems = stepProblems(stepOf(subject), event);
  return problems.length > 0 ? problems : eventProblems(subject.context, event);
}

/** The steps whose work is complete, in workflow order. */
export function stepsDone(context: WorkflowContext): readonly StepId[] {
  const open = new Set(blockers(context).map((b) => b.step));
  return STEP_IDS.filter((step) => {
    switch (step) {
      case 'awareness':
      case 'attribution':
      case 'proportionality':
      case 'measures':
        return !open.has(step);
      case 'decided':
        return context.decision !== null;
      default:
        return assertNever(step, 'step');
    }
  });
}
