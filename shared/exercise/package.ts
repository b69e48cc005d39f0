import { z } from 'zod';
import { storedEventSchema } from '../workflow/event-schema';
import { CLOCK_STATUSES } from './exercises';
import { scenarioSchema } from './scenario';
import { improvementItemSchema, PLAN_LIMITS } from '../report/plan';

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

export const PACKAGE_LIMITS = { delegations: 50, notes: 10_000, releases: 5_000, eventsPerRun: 100_000, name: 200, note: 20_000 } as const;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, { message: 'expected a SHA-256 in lower-case hex (64 characters)' });
const at = z.iso.datetime();
const id = z.string().min(1).max(100);
const name = z
  .string()
  .max(PACKAGE_LIMITS.name)
  .refine((s) => s.trim().length > 0, { message: 'must not be empty' });
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
  name,
  createdAt: at,
  machineVersion: z.number().int().min(1),
  events: z.array(packagedEventSchema).max(PACKAGE_LIMITS.eventsPerRun),
});

const clock = z
  .strictObject({ status: z.enum(CLOCK_STATUSES), accumulatedMs: ms, runningSince: at.nullable() })
  .refine((c) => (c.status === 'running') === (c.runningSince !== null), {
    message: 'runningSince must be set exactly when the clock is running',
    path: ['runningSince'],
  });

export const exerciseSectionSchema = z.strictObject({
  id,
  name,
  scenarioId: id,
  createdAt: at,
  clock,
  delegations: z.array(z.strictObject({ id, name, runId: id })).min(1).max(PACKAGE_LIMITS.delegations),
  releases: z
    .array(z.strictObject({ injectId: id, delegationId: id, releasedAt: at, elapsedMs: ms }))
    .max(PACKAGE_LIMITS.releases),
  notes: z
    .array(z.strictObject({ id, at, elapsedMs: ms, text: z.string().min(1).max(PACKAGE_LIMITS.note) }))
    .max(PACKAGE_LIMITS.notes),
  // Optional, so packages made before the after-action report still import with the same hashes.
  facilitator: z.string().max(PLAN_LIMITS.facilitator).optional(),
  improvementPlan: z.array(improvementItemSchema).max(PLAN_LIMITS.items).optional(),
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
export type ScenarioPackage = z.output<typeof scenarioPackageSchema>;
