import { STEPS, STEP_IDS, type StepId } from '../framework/catalogue';

/**
 * The vocabulary of evaluating an exercise (FRAMEWORK.md §7, HSEEP): what an objective can be
 * tied to, the scale it is rated on, and the priorities of the improvement plan. English
 * only, like the catalogue: the screens translate by id.
 */

/** What the framework asks of a delegation besides its steps: an objective may test one of these. */
export const CAPABILITY_IDS = ['principles', 'consensus', 'sanctions-regime', 'communication'] as const;
export type CapabilityId = (typeof CAPABILITY_IDS)[number];

export const CAPABILITIES: { readonly [K in CapabilityId]: { readonly id: K; readonly label: string } } = {
  principles: { id: 'principles', label: 'Checking the measures against the six principles' },
  consensus: { id: 'consensus', label: "Reaching the Council's decision by consensus" },
  'sanctions-regime': { id: 'sanctions-regime', label: 'Applying the cyber sanctions regime' },
  communication: { id: 'communication', label: 'Communicating the response' },
};

/** An objective is tied to a step of the workflow or to a capability: one id from either list. */
export const OBJECTIVE_TIES = [...STEP_IDS, ...CAPABILITY_IDS] as const;
export type ObjectiveTie = StepId | CapabilityId;

const isStep = (tie: ObjectiveTie): tie is StepId => (STEP_IDS as readonly string[]).includes(tie);

/** "Step: Attribution", "Capability: Communicating the response". */
export function tieLabel(tie: ObjectiveTie): string {
  return isStep(tie) ? `Step: ${STEPS[tie].label}` : `Capability: ${CAPABILITIES[tie].label}`;
}

/** HSEEP's rating of an objective, in its own letters. */
export const HSEEP_RATINGS = ['P', 'S', 'M', 'U'] as const;
export type HseepRating = (typeof HSEEP_RATINGS)[number];

export const HSEEP_RATING_LABELS: { readonly [R in HseepRating]: string } = {
  P: 'Performed without challenges',
  S: 'Performed with some challenges',
  M: 'Performed with major challenges',
  U: 'Unable to be performed',
};

/** An improvement item's priority, highest first. */
export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];
