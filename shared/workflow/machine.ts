// The joint-response workflow of 10474/17 as an xstate v5 machine (FRAMEWORK.md §2): its
// steps and what each event does there. Pure: no timers, no side effects, no generated ids or
// clocks. Ids and timestamps arrive in the events, so replaying a run's event log reproduces
// its snapshot exactly. The events are in event-schema.ts, the context in context.ts, the
// rules the guards apply in rules.ts, the explanations of a refusal in explain.ts.

import { assertEvent, assign, setup, type SnapshotFrom } from 'xstate';
import { MEASURES, type MeasureId, type StepId } from '../framework/catalogue';
import { initialWorkflowContext, type Attribution, type Finding, type Inject, type Remark, type SelectedMeasure, type WorkflowContext } from './context';
import { VERSION_3_EVENT_TYPES, type WorkflowEvent, type WorkflowEventOf, type WorkflowEventType } from './event-schema';
import { appended, assessRun, eventProblems, handIdsOn, withSuggestionFlags } from './rules';

/**
 * The version of the rules a run is recorded and replayed by. Each run stores it
 * (runs.machine_version) and so does an exported package; the run service and the import
 * refuse a run of another version (versionRefusal) rather than replay it by rules it was not
 * recorded under.
 *
 * Bump it with any change that could make a recorded log replay differently:
 * - what an event does (an action, a target, a new or removed event or field);
 * - a guard or a rule in rules.ts that accepts or refuses (eventProblems, blockers), or the
 *   framework data they read (shared/framework: the catalogue, LEVEL_RULES, requirements);
 * - the context's shape or initial value (context.ts);
 * - the stored snapshot's shape (what the run service stores as a checkpoint).
 * Wording alone (a refusal's reasons, EVENT_ACTIONS) does not count.
 *
 * A bump must keep the old version's rules available to replay the runs recorded under it
 * (and make the service and import pick them by the stored version), or leave those runs
 * refused, as they are today. tests/unit/shared/workflow/version.test.ts pins the current
 * version: a recorded log and the hash of what replaying it gives; when it fails, the
 * machine's behaviour changed: bump this version, do not update the hash alone.
 *
 * Versions:
 * 1. The first rules.
 * 2. Identified means named: an attribution that names no one no longer opens listings; the
 *    cyber sanctions regime's floor raises the level (and so the suggestion flags of the
 *    measures chosen). Runs of version 1 are refused, not replayed by these rules.
 * 3. The consensus step and the hot wash: a delegation records its position on a measure it
 *    did not choose (POSITION.SET, POSITION.WITHDRAW) and its feedback (HOTWASH.SUBMIT); the
 *    context gains `positions` and `hotWash`. Nothing else changed, so a version-2 log
 *    replays here exactly as it did, the two new fields at their initial values: version-2
 *    runs are read by these rules (REPLAYED_VERSIONS) and keep their version until their
 *    first version-3 event (VERSION_3_EVENT_TYPES), which only this version can read.
 */
export const WORKFLOW_MACHINE_VERSION = 3;

/** The versions whose runs this machine replays as they were recorded. */
export const REPLAYED_VERSIONS: readonly number[] = [2, 3];

/**
 * Why a run recorded by workflow version `recorded` is refused here, to follow "This run was"
 * (the service) or "the run was" (an import's problem); null when this version replays it.
 */
export function versionRefusal(recorded: number, doing: 'Open' | 'Import' = 'Open'): string | null {
  if (REPLAYED_VERSIONS.includes(recorded)) return null;
  return `recorded by workflow version ${recorded}; this version of CDT Workbench replays versions ${REPLAYED_VERSIONS.join(' and ')}. ${doing} it with the version that recorded it.`;
}

/** The version a run holding `events` is recorded by, given the version it had: a version-3 event makes it 3. */
export function versionAfter(recorded: number, events: readonly { readonly type: WorkflowEventType }[]): number {
  return recorded < 3 && events.some((e) => VERSION_3_EVENT_TYPES.has(e.type)) ? 3 : recorded;
}

/**
 * A stored snapshot as this version holds it: one a version-2 run stored has no `positions`
 * or `hotWash`, which a version-2 log always leaves at their initial values.
 */
export function upgradedContext(context: Omit<WorkflowContext, 'positions' | 'hotWash'> & Partial<Pick<WorkflowContext, 'positions' | 'hotWash'>>): WorkflowContext {
  return { ...context, positions: context.positions ?? {}, hotWash: context.hotWash ?? null };
}

const accepts =
  (type: WorkflowEventType) =>
  ({ context, event }: { readonly context: WorkflowContext; readonly event: WorkflowEvent }): boolean =>
    event.type === type && eventProblems(context, event).length === 0;

const remarksIn = (step: StepId) =>
  ({
    'NOTE.ADD': { guard: 'canAddNote', actions: { type: 'addNote', params: { step } } },
    'DISSENT.ADD': { guard: 'canAddDissent', actions: { type: 'addDissent', params: { step } } },
  }) as const;

// A position is taken once the delegation weighs the measures, and stands after its decision
// (the plenary comes after the delegations decide); it does not reopen the decision.
const positionsTaken = {
  'POSITION.SET': { guard: 'canSetPosition', actions: 'setPosition' },
  'POSITION.WITHDRAW': { guard: 'canWithdrawPosition', actions: 'withdrawPosition' },
} as const;

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
    canSetPosition: accepts('POSITION.SET'),
    canWithdrawPosition: accepts('POSITION.WITHDRAW'),
    canSubmitHotWash: accepts('HOTWASH.SUBMIT'),
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
      // Choosing a measure is supporting it: an objection or abstention on it is set aside.
      const positions = withoutPosition(context.positions, event.measureId);
      // Selecting again updates the rationale in place.
      return context.measures.some((m) => m.measureId === event.measureId)
        ? { measures: context.measures.map((m) => (m.measureId === event.measureId ? selected : m)), positions }
        : { measures: [...context.measures, selected], positions };
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
    setPosition: assign(({ context, event }) => {
      assertEvent(event, 'POSITION.SET');
      return { positions: { ...context.positions, [event.measureId]: { stance: event.stance, text: event.text, at: event.at } } };
    }),
    withdrawPosition: assign(({ context, event }) => {
      assertEvent(event, 'POSITION.WITHDRAW');
      return { positions: withoutPosition(context.positions, event.measureId) };
    }),
    submitHotWash: assign(({ event }) => {
      assertEvent(event, 'HOTWASH.SUBMIT');
      const { strengths, improvements, ratings, comments, source, at } = event;
      return { hotWash: { strengths, improvements, ratings: { ...ratings }, comments, source, at } };
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
    // Feedback may be given at any point, usually right after play; it changes nothing of the run's work.
    'HOTWASH.SUBMIT': { guard: 'canSubmitHotWash', actions: 'submitHotWash' },
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
        ...positionsTaken,
      },
    },
    decided: {
      on: {
        'DECISION.REOPEN': { target: 'measures', actions: 'clearDecision' },
        REVISE: revisionsTo(['awareness', 'attribution', 'proportionality', 'measures'], ['clearDecision']),
        ...remarksIn('decided'),
        ...positionsTaken,
      },
    },
  },
});

function withoutPosition(positions: WorkflowContext['positions'], measureId: MeasureId): WorkflowContext['positions'] {
  if (positions[measureId] === undefined) return positions;
  const { [measureId]: _removed, ...rest } = positions;
  return rest;
}

function toRemark(event: WorkflowEventOf<'NOTE.ADD' | 'DISSENT.ADD'>, step: StepId): Remark {
  return { id: event.id, step, text: event.text, ...(event.author === undefined ? {} : { author: event.author }), at: event.at };
}

export type WorkflowMachine = typeof workflowMachine;
export type WorkflowSnapshot = SnapshotFrom<WorkflowMachine>;
