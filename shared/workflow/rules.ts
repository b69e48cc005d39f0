// The workflow's rules on a run's data (FRAMEWORK.md §2). Each returns the reasons an event
// would be refused; [] means accepted. The machine's guards are the empty case of
// `eventProblems`, so `snapshot.can(event)` and `whyNot(snapshot, event)` never disagree.

import {
  DIMENSION_IDS,
  MEASURES,
  PRINCIPLES,
  PRINCIPLE_IDS,
  STEPS,
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
  type Confidence,
  inWords,
  type Ratings,
  type StepId,
} from '../framework/catalogue';
import {
  assess,
  checkRequirement,
  type Assessment,
  type AssessmentAttribution,
  type AssessmentInput,
  type CaseFacts,
} from '../framework/proportionality';
import { RECORDED_STANCES, RECORDED_STANCE_TEXT, type RecordedStance } from '../framework/council';
import { dimensionName, listOf } from '../framework/wording';
import type { Attribution, SelectedMeasure, WorkflowContext } from './context';
import type { WorkflowEvent, WorkflowEventOf } from './event-schema';

const blank = (s: unknown): boolean => typeof s !== 'string' || s.trim() === '';
const isRecordedStance = (s: unknown): s is RecordedStance => (RECORDED_STANCES as readonly unknown[]).includes(s);
export const stepLabel = (step: StepId): string => STEPS[step].label;

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

/**
 * The run's facts besides the ratings: what the measures' requirements are checked against
 * (the same logic as `cdt assess`) and what the level rests on.
 */
export function caseFactsOf(context: WorkflowContext): CaseFacts {
  return {
    attribution: toAssessmentAttribution(context.attribution),
    external: context.external,
    actorsIdentified: context.actorsIdentified,
    attempt: context.attempt,
    targets: context.targets,
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
    problems.push(`Rate all ${inWords(DIMENSION_IDS.length)} dimensions: ${listOf(unrated.map(dimensionName))} ${unrated.length === 1 ? 'is' : 'are'} not rated yet.`);
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
  const facts = caseFactsOf(context);
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
export function handIdsOn<T extends Identified>(from: readonly T[], to: readonly T[], change: (ids: Set<string>) => void): readonly T[] {
  if (replayDepth > 0 && owned.has(from)) owned.add(to);
  const ids = idSets.get(from);
  if (ids) {
    idSets.delete(from);
    change(ids);
    idSets.set(to, ids);
  }
  return to;
}

export function appended<T extends Identified>(list: readonly T[], item: T): readonly T[] {
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

function remarkProblems(context: WorkflowContext, event: WorkflowEventOf<'NOTE.ADD' | 'DISSENT.ADD'>): string[] {
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
      if (DIMENSION_IDS.some((id) => context.ratings[id] === undefined)) problems.push(`Measures come after all ${inWords(DIMENSION_IDS.length)} dimensions are rated.`);
      problems.push(...checkRequirement(event.measureId, caseFactsOf(context)).problems);
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
    case 'POSITION.SET': {
      if (!isMeasureId(event.measureId)) return [`There is no measure ${JSON.stringify(event.measureId)}.`];
      const label = MEASURES[event.measureId].label;
      const problems: string[] = [];
      // A delegation that chose the measure supports it: objecting to it or abstaining on it would contradict its own decision.
      if (context.measures.some((m) => m.measureId === event.measureId)) {
        problems.push(`${label} is among the measures this delegation chose, so it supports it: deselect it first.`);
      }
      if (!isRecordedStance(event.stance)) problems.push(`A recorded position is opposes or abstains, not ${JSON.stringify(event.stance)}.`);
      else if (blank(event.text)) problems.push(`Give ${RECORDED_STANCE_TEXT[event.stance]} on ${label}.`);
      if (blank(event.at)) problems.push('A position needs the time it was recorded.');
      return problems;
    }
    case 'POSITION.WITHDRAW':
      if (isMeasureId(event.measureId) && context.positions[event.measureId] !== undefined) return [];
      return [`No position is recorded on ${isMeasureId(event.measureId) ? MEASURES[event.measureId].label : JSON.stringify(event.measureId)}.`];
    case 'HOTWASH.SUBMIT': {
      const problems: string[] = [];
      const answered = Object.values(event.ratings).some((v) => v !== undefined);
      if (blank(event.strengths) && blank(event.improvements) && blank(event.comments) && !answered) {
        problems.push('The hot wash is empty: give a strength, an area for improvement, a rating or a comment.');
      }
      if (blank(event.at)) problems.push('The hot wash needs the time it was given.');
      return problems;
    }
    default:
      return assertNever(event, 'workflow event');
  }
}

// Recomputed whenever the assessment can change, so the flag never goes stale.
export function withSuggestionFlags(context: WorkflowContext): readonly SelectedMeasure[] {
  const assessment = assessRun(context);
  if (assessment === null) return context.measures;
  return context.measures.map((m) => {
    const category = assessment.categories.find((c) => c.id === MEASURES[m.measureId].category);
    return { ...m, outsideSuggestion: category?.proportionate !== true };
  });
}
