import { z } from 'zod';
import { storedEventSchema } from '../workflow/event-schema';
import { CLOCK_STATES } from './exercises';
import { SCENARIO_LIMITS, scenarioSchema } from './scenario';
import { PLAN_LIMITS, packagedImprovementItemSchema } from '../report/plan';
import { HSEEP_RATINGS } from '../evaluation/objectives';
import { RATING_LIMITS, storedObservationsSchema, timelineRefTextSchema } from '../evaluation/ratings';
import { EXERCISE_LIMITS } from './limits';
import { nameSchema, requiredTextSchema } from '../text';
import { publicKeySchema, releaseCodeSchema } from '../exchange/identity';
import { JOINT_LIMITS, storedJointEntrySchema } from '../consensus/joint';

/**
 * The files that travel on a USB stick between facilitators' laptops. A package is data
 * only: nothing in it is ever executed, evaluated or rendered as HTML. Everything is
 * validated here (shape and bounds) and then in the main process (hashes, chains, replay,
 * cross-references) before anything is written.
 */
export const EXERCISE_PACKAGE_FORMAT = 'cdt-exercise-package';
export const SCENARIO_PACKAGE_FORMAT = 'cdt-scenario-package';
export const PACKAGE_VERSION = 1;
/** Checked on the raw bytes before parsing: JSON.parse of a huge file would stall the app. */
export const MAX_PACKAGE_BYTES = 20 * 1024 * 1024;

export const PACKAGE_LIMITS = {
  delegations: EXERCISE_LIMITS.delegations,
  notes: 10_000,
  releases: 5_000,
  eventsPerRun: 100_000,
  note: EXERCISE_LIMITS.note,
} as const;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, { message: 'expected a SHA-256 in lower-case hex (64 characters)' });

/**
 * A time as the app writes every time (Date#toISOString): UTC, milliseconds, nothing else. One
 * spelling per instant keeps the hashes stable and lets times be compared as strings, the way
 * SQLite orders them on export.
 */
export function isAppTime(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(s)) return false;
  // A 13th month or a 30th of February parses to nothing or rolls over: either way, not this spelling.
  const t = Date.parse(s);
  return !Number.isNaN(t) && new Date(t).toISOString() === s;
}
const at = z.string().refine(isAppTime, { message: 'expected a time as the app writes it, e.g. "2025-03-10T09:00:00.000Z"' });
const id = nameSchema(EXERCISE_LIMITS.id);
const ms = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);


export const packagedEventSchema = z.strictObject({
  seq: z.number().int().min(1),
  at,
  event: storedEventSchema,
  prevHash: sha256,
  hash: sha256,
});

export const packagedRunSchema = z.strictObject({
  id,
  name: nameSchema(EXERCISE_LIMITS.runName),
  createdAt: at,
  machineVersion: z.number().int().min(1),
  events: z.array(packagedEventSchema).max(PACKAGE_LIMITS.eventsPerRun),
});

const clock = z
  .strictObject({
    status: z.enum(CLOCK_STATES),
    accumulatedMs: ms,
    runningSince: at.nullable(),
    // Left out while the exercise has not ended or been adjusted, so older packages keep their hashes.
    endedAt: at.optional(),
    adjustments: z
      .array(z.strictObject({ at, elapsedBeforeMs: ms, deltaMs: z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER), reason: requiredTextSchema(EXERCISE_LIMITS.note) }))
      .min(1)
      .max(PACKAGE_LIMITS.notes)
      .optional(),
  })
  .refine((c) => c.endedAt === undefined || c.status === 'paused', { message: 'an ended exercise keeps its clock paused', path: ['status'] })
  .refine((c) => (c.status === 'running') === (c.runningSince !== null), {
    message: 'runningSince must be set exactly when the clock is running',
    path: ['runningSince'],
  });

export const packagedKitSchema = z.strictObject({
  delegationId: id,
  kitId: id,
  issuedAt: at,
  salt: z.string().regex(/^[A-Za-z0-9+/]{22}==$/, { message: 'expected 16 bytes in base64' }),
  sealed: z.boolean(),
  laptopKey: publicKeySchema.nullable(),
  acceptedAt: at.nullable(),
  lastReturnAt: at.nullable(),
  codes: z.array(z.strictObject({ injectId: id, code: releaseCodeSchema })).max(1_000),
});

/** One entry of the joint decision as chained (like a packaged event): the hash covers the entry's canonical JSON. */
export const packagedJointEntrySchema = z.strictObject({
  seq: z.number().int().min(1),
  at,
  entry: storedJointEntrySchema,
  prevHash: sha256,
  hash: sha256,
});

export const exerciseSectionSchema = z.strictObject({
  id,
  name: nameSchema(EXERCISE_LIMITS.exerciseName),
  scenarioId: id,
  createdAt: at,
  clock,
  // joinedAt: a delegation that joined the exercise under way; left out for those it was created with.
  delegations: z.array(z.strictObject({ id, name: nameSchema(EXERCISE_LIMITS.delegationName), runId: id, joinedAt: at.optional() })).min(1).max(PACKAGE_LIMITS.delegations),
  // Withdrawals, revisions and deletions are left out while there are none, so older packages keep their hashes.
  releases: z
    .array(z.strictObject({ injectId: id, delegationId: id, releasedAt: at, elapsedMs: ms, withdrawnAt: at.optional(), withdrawnElapsedMs: ms.optional() }))
    .max(PACKAGE_LIMITS.releases),
  notes: z
    .array(
      z.strictObject({
        id, at, elapsedMs: ms, text: requiredTextSchema(PACKAGE_LIMITS.note),
        revisions: z.array(z.strictObject({ replacedAt: at, text: requiredTextSchema(PACKAGE_LIMITS.note) })).min(1).max(PACKAGE_LIMITS.notes).optional(),
        deletedAt: at.optional(),
      }),
    )
    .max(PACKAGE_LIMITS.notes),
  // Optional, so packages made before the after-action report still import with the same
  // hashes; left out while empty, so an empty one present would not survive a round trip.
  facilitator: nameSchema(PLAN_LIMITS.facilitator).optional(),
  improvementPlan: z.array(packagedImprovementItemSchema).min(1).max(PLAN_LIMITS.items).optional(),
  // The facilitator's HSEEP ratings of the scenario's objectives, in the scenario's order; left out while there are none.
  objectiveRatings: z
    .array(z.strictObject({
      objectiveId: id,
      rating: z.enum(HSEEP_RATINGS),
      observations: storedObservationsSchema,
      entries: z.array(timelineRefTextSchema).max(RATING_LIMITS.entries),
      ratedAt: at,
    }))
    .min(1)
    .max(SCENARIO_LIMITS.objectives)
    .optional(),
  // The kits issued to delegations (across laptops): left out while there are none. Their
  // passphrases stay on the laptop that set them; the facilitator gives one to open returns.
  kits: z.array(packagedKitSchema).min(1).max(PACKAGE_LIMITS.delegations).optional(),
  // The joint decision, the plenary's hash-chained record; left out while it has no entry, so
  // packages made before it existed import with the same hashes.
  jointDecision: z.array(packagedJointEntrySchema).min(1).max(JOINT_LIMITS.entries).optional(),
});

export const exercisePackageSchema = z.strictObject({
  format: z.literal(EXERCISE_PACKAGE_FORMAT),
  version: z.literal(PACKAGE_VERSION),
  manifest: z.strictObject({
    createdAt: at,
    exerciseId: id,
    /** SHA-256 of the canonical JSON (keys sorted) of each section of the package. */
    sections: z.strictObject({ scenario: sha256, exercise: sha256, runs: sha256 }),
  }),
  scenario: scenarioSchema,
  exercise: exerciseSectionSchema,
  runs: z.array(packagedRunSchema).min(1).max(PACKAGE_LIMITS.delegations),
});

export const scenarioPackageSchema = z.strictObject({
  format: z.literal(SCENARIO_PACKAGE_FORMAT),
  version: z.literal(PACKAGE_VERSION),
  manifest: z.strictObject({ createdAt: at, sha256 }),
  scenario: scenarioSchema,
});

export type ExercisePackage = z.output<typeof exercisePackageSchema>;
export type ExerciseSection = ExercisePackage['exercise'];
export type PackagedRun = z.output<typeof packagedRunSchema>;
export type PackagedEvent = z.output<typeof packagedEventSchema>;
export type PackagedKit = z.output<typeof packagedKitSchema>;
export type PackagedJointEntry = z.output<typeof packagedJointEntrySchema>;
export type ScenarioPackage = z.output<typeof scenarioPackageSchema>;
