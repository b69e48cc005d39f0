// Shared fixtures for the workflow tests: sample events and a pure runner.

import { initialTransition, transition } from 'xstate';
import { DIMENSION_IDS, PRINCIPLE_IDS, type RatingValue, type Ratings } from '../../../../shared/framework/catalogue';
import type { WorkflowEvent } from '../../../../shared/workflow/event-schema';
import { workflowMachine, type WorkflowSnapshot } from '../../../../shared/workflow/machine';

export const initial = (): WorkflowSnapshot => initialTransition(workflowMachine)[0];

export const step = (snapshot: WorkflowSnapshot, event: WorkflowEvent): WorkflowSnapshot =>
  transition(workflowMachine, snapshot, event)[0];

export const run = (events: readonly WorkflowEvent[], from: WorkflowSnapshot = initial()): WorkflowSnapshot =>
  events.reduce(step, from);

export const allSeven = (value: RatingValue): Ratings =>
  Object.fromEntries(DIMENSION_IDS.map((d) => [d, value])) as unknown as Ratings;

export const E = {
  finding: (id = 'f1'): WorkflowEvent => ({ type: 'FINDING.ADD', id, text: 'Wiper on ministry servers', source: 'CERT-EU', confidence: 'high' }),
  agree: (): WorkflowEvent => ({ type: 'AWARENESS.AGREE', text: 'Destructive intrusion into government networks.' }),
  attributeState: (): WorkflowEvent => ({
    type: 'ATTRIBUTION.ATTRIBUTE',
    actorType: 'state',
    actorNamed: true,
    actorName: 'State X',
    confidence: 'high',
    basis: 'All-source intelligence assessment.',
  }),
  attributeNonState: (): WorkflowEvent => ({
    type: 'ATTRIBUTION.ATTRIBUTE',
    actorType: 'non-state',
    actorNamed: false,
    confidence: 'moderate',
    basis: 'Forensic overlap with a criminal group.',
  }),
  skip: (): WorkflowEvent => ({ type: 'ATTRIBUTION.SKIP', reason: 'Not ripe for a political decision.' }),
  rate: (dimension: (typeof DIMENSION_IDS)[number], value: RatingValue = 3, rationale = 'See findings.'): WorkflowEvent => ({
    type: 'RATING.SET',
    dimension,
    value,
    rationale,
  }),
  rateAll: (value: RatingValue = 3): WorkflowEvent[] => DIMENSION_IDS.map((d) => E.rate(d, value)),
  confirm: (): WorkflowEvent => ({ type: 'PROPORTIONALITY.CONFIRM' }),
  sanctions: (over: Partial<Extract<WorkflowEvent, { type: 'SANCTIONS.SET' }>> = {}): WorkflowEvent => ({
    type: 'SANCTIONS.SET',
    attempt: null,
    external: true,
    actorsIdentified: false,
    targets: [],
    ...over,
  }),
  select: (measureId: Extract<WorkflowEvent, { type: 'MEASURE.SELECT' }>['measureId'], rationale = 'Fits the situation.'): WorkflowEvent => ({
    type: 'MEASURE.SELECT',
    measureId,
    rationale,
  }),
  deselect: (measureId: Extract<WorkflowEvent, { type: 'MEASURE.DESELECT' }>['measureId']): WorkflowEvent => ({
    type: 'MEASURE.DESELECT',
    measureId,
  }),
  principle: (principleId: (typeof PRINCIPLE_IDS)[number], status: 'met' | 'not-met' | 'unclear' = 'met'): WorkflowEvent => ({
    type: 'PRINCIPLE.ASSESS',
    principleId,
    status,
    note: '',
  }),
  allPrinciples: (): WorkflowEvent[] => PRINCIPLE_IDS.map((p) => E.principle(p)),
  submit: (): WorkflowEvent => ({ type: 'DECISION.SUBMIT', at: '2025-01-01T10:00:00Z', summary: 'Statement by the HR.' }),
  reopen: (): WorkflowEvent => ({ type: 'DECISION.REOPEN' }),
  revise: (to: WorkflowSnapshot['value']): WorkflowEvent => ({ type: 'REVISE', step: to }),
  inject: (id = 'i1'): WorkflowEvent => ({ type: 'INJECT.RECEIVE', id, title: 'New forensic report', body: 'Second wave found.', at: '2025-01-01T11:00:00Z' }),
  note: (id = 'n1'): WorkflowEvent => ({ type: 'NOTE.ADD', id, text: 'Check with PSC.', author: 'Chair', at: '2025-01-01T09:00:00Z' }),
  dissent: (id = 'd1'): WorkflowEvent => ({ type: 'DISSENT.ADD', id, text: 'Premature.', at: '2025-01-01T09:30:00Z' }),
  object: (measureId: Extract<WorkflowEvent, { type: 'POSITION.SET' }>['measureId'], text = 'No one is identified to list.'): WorkflowEvent => ({
    type: 'POSITION.SET', measureId, stance: 'opposes', text, at: '2025-01-01T10:30:00Z',
  }),
  abstain: (measureId: Extract<WorkflowEvent, { type: 'POSITION.SET' }>['measureId'], text = 'We will not apply it, and accept that it commits the Union.'): WorkflowEvent => ({
    type: 'POSITION.SET', measureId, stance: 'abstains', text, at: '2025-01-01T10:35:00Z',
  }),
  withdraw: (measureId: Extract<WorkflowEvent, { type: 'POSITION.WITHDRAW' }>['measureId']): WorkflowEvent => ({ type: 'POSITION.WITHDRAW', measureId }),
  hotWash: (strengths = 'Clear roles.'): WorkflowEvent => ({
    type: 'HOTWASH.SUBMIT', strengths, improvements: 'Share intelligence earlier.', ratings: { scenario: 4 }, comments: '', source: 'delegation', at: '2025-01-01T12:00:00Z',
  }),
} as const;

/** Awareness agreed, attribution made, seven rated, in the measures step. */
export const toMeasures = (attribution: WorkflowEvent = E.attributeState(), value: RatingValue = 3): WorkflowEvent[] => [
  E.finding(),
  E.agree(),
  attribution,
  ...E.rateAll(value),
  E.confirm(),
];
