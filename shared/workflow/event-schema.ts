import { z } from 'zod';
import {
  ACTOR_TYPES, CONFIDENCE_LEVELS, DIMENSION_IDS, MEASURE_IDS, PRINCIPLE_IDS, PRINCIPLE_STATUSES, RATING_VALUES,
  STEP_IDS, TARGET_KINDS, type RatingValue,
} from '../framework/catalogue';
import { RECORDED_STANCES } from '../framework/council';
import { HOT_WASH_QUESTION_IDS, HOT_WASH_SCALE, HOT_WASH_SOURCES, type HotWashQuestionId, type HotWashScore } from '../evaluation/hot-wash';
import { lineSchema, longTextSchema, nameSchema } from '../text';

/**
 * The workflow's events, defined once, by their schemas: the machine's event type is what a
 * stored log may hold, so what the main process accepts from outside (the renderer, which is
 * untrusted, or an imported file) and what the machine handles cannot drift apart. Ids and
 * texts are bounded; times are never taken from the sender but stamped by the main process
 * (see STAMPED_EVENT_TYPES).
 */
// Ids and titles are names, the rest long texts (shared/text.ts): an imported log must hold
// only what the app could have recorded, and SQLite must store exactly what was hashed.
const id = nameSchema(100);
const text = (max = 20_000) => longTextSchema(max);
const line = (max: number) => lineSchema(max);
const rating = z.union(RATING_VALUES.map((v) => z.literal(v)) as [z.ZodLiteral<RatingValue>, ...z.ZodLiteral<RatingValue>[]]);
const ratings = z.strictObject(Object.fromEntries(DIMENSION_IDS.map((d) => [d, rating])) as Record<(typeof DIMENSION_IDS)[number], typeof rating>);
const at = z.iso.datetime();

const findingAdd = z.strictObject({ type: z.literal('FINDING.ADD'), id, text: text(), source: text(2_000), confidence: z.enum(CONFIDENCE_LEVELS) });
const findingEdit = z.strictObject({ type: z.literal('FINDING.EDIT'), id, text: text(), source: text(2_000), confidence: z.enum(CONFIDENCE_LEVELS) });
const findingRemove = z.strictObject({ type: z.literal('FINDING.REMOVE'), id });
const awarenessAgree = z.strictObject({ type: z.literal('AWARENESS.AGREE'), text: text() });
const attributionAttribute = z.strictObject({
  type: z.literal('ATTRIBUTION.ATTRIBUTE'),
  actorType: z.enum(ACTOR_TYPES),
  actorNamed: z.boolean(),
  actorName: line(500).optional(),
  confidence: z.enum(CONFIDENCE_LEVELS),
  basis: text(),
});
const attributionSkip = z.strictObject({ type: z.literal('ATTRIBUTION.SKIP'), reason: text() });
const ratingSet = z.strictObject({ type: z.literal('RATING.SET'), dimension: z.enum(DIMENSION_IDS), value: rating, rationale: text() });
const sanctionsSet = z.strictObject({
  type: z.literal('SANCTIONS.SET'),
  /** null: not an attempt. */
  attempt: z.strictObject({ potential: ratings }).nullable(),
  external: z.boolean(),
  actorsIdentified: z.boolean(),
  targets: z.array(z.enum(TARGET_KINDS)).max(TARGET_KINDS.length),
});
const proportionalityConfirm = z.strictObject({ type: z.literal('PROPORTIONALITY.CONFIRM') });
const measureSelect = z.strictObject({ type: z.literal('MEASURE.SELECT'), measureId: z.enum(MEASURE_IDS), rationale: text() });
const measureDeselect = z.strictObject({ type: z.literal('MEASURE.DESELECT'), measureId: z.enum(MEASURE_IDS) });
const principleAssess = z.strictObject({
  type: z.literal('PRINCIPLE.ASSESS'), principleId: z.enum(PRINCIPLE_IDS), status: z.enum(PRINCIPLE_STATUSES), note: text(),
});
const decisionReopen = z.strictObject({ type: z.literal('DECISION.REOPEN') });
const revise = z.strictObject({ type: z.literal('REVISE'), step: z.enum(STEP_IDS) });
// Those that record a time: sent without it, stored with the one the main process gave.
const decisionSubmit = z.strictObject({ type: z.literal('DECISION.SUBMIT'), summary: text() });
const injectReceive = z.strictObject({ type: z.literal('INJECT.RECEIVE'), id, title: nameSchema(500), body: text() });
const noteAdd = z.strictObject({ type: z.literal('NOTE.ADD'), id, text: text(), author: line(200).optional() });
const dissentAdd = z.strictObject({ type: z.literal('DISSENT.ADD'), id, text: text(), author: line(200).optional() });
// Version 3: the delegation's position on a measure it did not choose (FRAMEWORK.md §6), and its hot wash (§7).
const positionSet = z.strictObject({ type: z.literal('POSITION.SET'), measureId: z.enum(MEASURE_IDS), stance: z.enum(RECORDED_STANCES), text: text() });
const positionWithdraw = z.strictObject({ type: z.literal('POSITION.WITHDRAW'), measureId: z.enum(MEASURE_IDS) });
const score = z.union(HOT_WASH_SCALE.map((v) => z.literal(v)) as [z.ZodLiteral<HotWashScore>, ...z.ZodLiteral<HotWashScore>[]]);
const hotWashSubmit = z.strictObject({
  type: z.literal('HOTWASH.SUBMIT'),
  strengths: text(),
  improvements: text(),
  /** A question left out was not answered. */
  ratings: z.strictObject(Object.fromEntries(HOT_WASH_QUESTION_IDS.map((q) => [q, score.optional()])) as Record<HotWashQuestionId, z.ZodOptional<typeof score>>),
  comments: text(),
  source: z.enum(HOT_WASH_SOURCES),
});

/** What the renderer may send: an event without its time. */
export const incomingEventSchema = z.discriminatedUnion('type', [
  findingAdd, findingEdit, findingRemove, awarenessAgree, attributionAttribute, attributionSkip, ratingSet, sanctionsSet,
  proportionalityConfirm, measureSelect, measureDeselect, principleAssess, decisionSubmit, decisionReopen, revise,
  injectReceive, noteAdd, dissentAdd, positionSet, positionWithdraw, hotWashSubmit,
]);
/** What a stored or imported log holds, and what the machine handles: the event with the time the main process gave it. */
export const storedEventSchema = z.discriminatedUnion('type', [
  findingAdd, findingEdit, findingRemove, awarenessAgree, attributionAttribute, attributionSkip, ratingSet, sanctionsSet,
  proportionalityConfirm, measureSelect, measureDeselect, principleAssess, decisionSubmit.extend({ at }), decisionReopen, revise,
  injectReceive.extend({ at }), noteAdd.extend({ at }), dissentAdd.extend({ at }), positionSet.extend({ at }), positionWithdraw,
  hotWashSubmit.extend({ at }),
]);

export type IncomingEvent = z.infer<typeof incomingEventSchema>;
export type WorkflowEvent = z.infer<typeof storedEventSchema>;
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
  'POSITION.SET',
  'POSITION.WITHDRAW',
  'HOTWASH.SUBMIT',
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
  'POSITION.SET': "Recording the delegation's position on a measure",
  'POSITION.WITHDRAW': 'Withdrawing a position',
  'HOTWASH.SUBMIT': 'Submitting the hot wash',
};

/** The events version 3 added: a run recorded by version 2 holds none, and holding one makes it a version-3 run. */
export const VERSION_3_EVENT_TYPES: ReadonlySet<WorkflowEventType> = new Set(['POSITION.SET', 'POSITION.WITHDRAW', 'HOTWASH.SUBMIT']);

const STAMPED = ['DECISION.SUBMIT', 'INJECT.RECEIVE', 'NOTE.ADD', 'DISSENT.ADD', 'POSITION.SET', 'HOTWASH.SUBMIT'] as const;
type StampedType = (typeof STAMPED)[number];

// Compile-time check that the stamped types are exactly the events the stored schema gives a time.
type Timed = Extract<WorkflowEvent, { readonly at: string }>['type'];
const _stampedAreTimed: [Exclude<Timed, StampedType> | Exclude<StampedType, Timed>] extends [never] ? true : never = true;

export const STAMPED_EVENT_TYPES: ReadonlySet<WorkflowEventType> = new Set(STAMPED);

const isStamped = (event: IncomingEvent): event is Extract<IncomingEvent, { readonly type: StampedType }> => STAMPED_EVENT_TYPES.has(event.type);

/** Gives an incoming event the main process's time where the machine records one. */
export function stampEvent(event: IncomingEvent, now: string): WorkflowEvent {
  return isStamped(event) ? { ...event, at: now } : event;
}
