import { z } from 'zod';
import {
  ACTOR_TYPES, CONFIDENCE_LEVELS, DIMENSION_IDS, MEASURE_IDS, PRINCIPLE_IDS, PRINCIPLE_STATUSES, RATING_VALUES,
  STEP_IDS, TARGET_KINDS,
} from '../framework/catalogue';
import type { WorkflowEvent } from './machine';
import { lineSchema, longTextSchema, nameSchema } from '../text';

/**
 * The workflow's events as they may arrive from outside the main process: the renderer
 * (untrusted) or an imported file. Ids and texts are bounded; times are never taken from
 * the sender but stamped by the main process (see STAMPED_EVENT_TYPES).
 */
// Ids and titles are names, the rest long texts (shared/text.ts): an imported log must hold
// only what the app could have recorded, and SQLite must store exactly what was hashed.
const id = nameSchema(100);
const text = (max = 20_000) => longTextSchema(max);
const line = (max: number) => lineSchema(max);
const rating = z.union(RATING_VALUES.map((v) => z.literal(v)) as [z.ZodLiteral<0>, ...z.ZodLiteral<number>[]]);
const ratings = z.strictObject(Object.fromEntries(DIMENSION_IDS.map((d) => [d, rating])) as Record<(typeof DIMENSION_IDS)[number], typeof rating>);
const at = z.iso.datetime();

const variants = (withTimes: boolean) => {
  const time = withTimes ? { at } : {};
  return [
    z.strictObject({ type: z.literal('FINDING.ADD'), id, text: text(), source: text(2_000), confidence: z.enum(CONFIDENCE_LEVELS) }),
    z.strictObject({ type: z.literal('FINDING.EDIT'), id, text: text(), source: text(2_000), confidence: z.enum(CONFIDENCE_LEVELS) }),
    z.strictObject({ type: z.literal('FINDING.REMOVE'), id }),
    z.strictObject({ type: z.literal('AWARENESS.AGREE'), text: text() }),
    z.strictObject({
      type: z.literal('ATTRIBUTION.ATTRIBUTE'),
      actorType: z.enum(ACTOR_TYPES),
      actorNamed: z.boolean(),
      actorName: line(500).optional(),
      confidence: z.enum(CONFIDENCE_LEVELS),
      basis: text(),
    }),
    z.strictObject({ type: z.literal('ATTRIBUTION.SKIP'), reason: text() }),
    z.strictObject({ type: z.literal('RATING.SET'), dimension: z.enum(DIMENSION_IDS), value: rating, rationale: text() }),
    z.strictObject({
      type: z.literal('SANCTIONS.SET'),
      attempt: z.strictObject({ potential: ratings }).nullable(),
      external: z.boolean(),
      actorsIdentified: z.boolean(),
      targets: z.array(z.enum(TARGET_KINDS)).max(TARGET_KINDS.length),
    }),
    z.strictObject({ type: z.literal('PROPORTIONALITY.CONFIRM') }),
    z.strictObject({ type: z.literal('MEASURE.SELECT'), measureId: z.enum(MEASURE_IDS), rationale: text() }),
    z.strictObject({ type: z.literal('MEASURE.DESELECT'), measureId: z.enum(MEASURE_IDS) }),
    z.strictObject({ type: z.literal('PRINCIPLE.ASSESS'), principleId: z.enum(PRINCIPLE_IDS), status: z.enum(PRINCIPLE_STATUSES), note: text() }),
    z.strictObject({ type: z.literal('DECISION.SUBMIT'), summary: text(), ...time }),
    z.strictObject({ type: z.literal('DECISION.REOPEN') }),
    z.strictObject({ type: z.literal('REVISE'), step: z.enum(STEP_IDS) }),
    z.strictObject({ type: z.literal('INJECT.RECEIVE'), id, title: nameSchema(500), body: text(), ...time }),
    z.strictObject({ type: z.literal('NOTE.ADD'), id, text: text(), author: line(200).optional(), ...time }),
    z.strictObject({ type: z.literal('DISSENT.ADD'), id, text: text(), author: line(200).optional(), ...time }),
  ] as const;
};

/** What the renderer may send: an event without its time. */
export const incomingEventSchema = z.discriminatedUnion('type', variants(false));
/** What a stored or imported log holds: the event with the time the main process gave it. */
export const storedEventSchema = z.discriminatedUnion('type', variants(true));

export type IncomingEvent = z.infer<typeof incomingEventSchema>;

export const STAMPED_EVENT_TYPES = new Set<WorkflowEvent['type']>(['DECISION.SUBMIT', 'INJECT.RECEIVE', 'NOTE.ADD', 'DISSENT.ADD']);

/** Gives an incoming event the main process's time where the machine records one. */
export function stampEvent(event: IncomingEvent, now: string): WorkflowEvent {
  return (STAMPED_EVENT_TYPES.has(event.type) ? { ...event, at: now } : event) as WorkflowEvent;
}
