import { z } from 'zod';
import { isAppTime, packagedRunSchema } from '../exercise/package';
import { scenarioSchema, type Tlp } from '../exercise/scenario';
import { EXERCISE_LIMITS } from '../exercise/limits';
import { nameSchema } from '../text';
import { publicKeySchema } from './identity';

/**
 * The files that cross the room on a stick between the facilitator's laptop and the
 * delegations': a kit (the facilitator's, out) and a return (a delegation's, back). Each is a
 * signed envelope, optionally sealed with the exercise's passphrase. All of it is data,
 * validated here for shape and bounds and then in the main process for every relation the
 * app itself makes true (signatures, chains, replay, releases, times).
 */
export const SEALED_FORMAT = 'cdt-sealed' as const;
export const KIT_FORMAT = 'cdt-kit' as const;
export const RETURN_FORMAT = 'cdt-return' as const;
export const EXCHANGE_VERSION = 1 as const;
export const SIGNED_FORMATS = [KIT_FORMAT, RETURN_FORMAT] as const;
export type SignedFormat = (typeof SIGNED_FORMATS)[number];

/** Kits and returns are a run and some texts: the exercise package's cap is ample. */
export const MAX_EXCHANGE_BYTES = 20 * 1024 * 1024;

/** The file-name endings, which say what a file is and nothing about what it holds. */
export const KIT_SUFFIX = '.cdt-kit';
export const RETURN_SUFFIX = '.cdt-return';

/** A passphrase: long enough to resist guessing offline, short enough to type in a room. */
export const PASSPHRASE_LIMITS = { min: 8, max: 1_000 } as const;

const b64 = (max: number) =>
  z.string().max(max).regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'expected base64' });
const at = z.string().refine(isAppTime, { message: 'expected a time as the app writes it, e.g. "2025-03-10T09:00:00.000Z"' });
const id = nameSchema(EXERCISE_LIMITS.id);

/** scrypt's cost parameters as the file states them; bounded, so a file cannot make us spend an hour or a gigabyte. */
export const kdfSchema = z.strictObject({
  name: z.literal('scrypt'),
  N: z.number().int().refine((n) => n >= 2 ** 14 && n <= 2 ** 17 && (n & (n - 1)) === 0, { message: 'expected a power of two from 16384 to 131072' }),
  r: z.literal(8),
  p: z.literal(1),
  salt: b64(64),
});

/** AES-256-GCM over the whole inner file; the header (everything but data and tag) is its additional data. */
export const sealedFileSchema = z.strictObject({
  format: z.literal(SEALED_FORMAT),
  version: z.literal(EXCHANGE_VERSION),
  kdf: kdfSchema,
  cipher: z.literal('aes-256-gcm'),
  iv: b64(32),
  tag: b64(32),
  data: b64(Math.ceil((MAX_EXCHANGE_BYTES * 4) / 3) + 4),
});
export type SealedFile = z.output<typeof sealedFileSchema>;

/** The outer shape of a kit or a return: what signed it, and the body it signed. */
export const signedFileSchema = z.strictObject({
  format: z.enum(SIGNED_FORMATS),
  version: z.literal(EXCHANGE_VERSION),
  signer: publicKeySchema,
  signature: b64(100),
  body: z.unknown(),
});
export type SignedFile = z.output<typeof signedFileSchema>;

/** One inject as a kit seals it: AES-256-GCM under the key its release code gives. */
export const sealedInjectSchema = z.strictObject({
  n: z.number().int().min(1).max(1_000),
  iv: b64(32),
  tag: b64(32),
  data: b64(200_000),
});

/** What a delegation sees of its scenario (KitScenario): everything but the injects and the facilitator's notes. */
export const kitScenarioSchema = scenarioSchema.omit({ injects: true, facilitatorNotes: true });

export const kitBodySchema = z.strictObject({
  kitId: id,
  issuedAt: at,
  exercise: z.strictObject({ id, name: nameSchema(EXERCISE_LIMITS.exerciseName) }),
  delegation: z.strictObject({ id, name: nameSchema(EXERCISE_LIMITS.delegationName), runId: id }),
  scenario: kitScenarioSchema,
  run: packagedRunSchema,
  /** The salt scrypt takes with every release code of this kit. */
  salt: b64(64),
  sealed: z.array(sealedInjectSchema).max(1_000),
  /** Releases the facilitator withdrew from this delegation, so that a kit update tells its laptop. */
  withdrawn: z.array(z.strictObject({ injectId: id, at })).max(1_000),
});
export type KitBody = z.output<typeof kitBodySchema>;

export const returnBodySchema = z.strictObject({
  writtenAt: at,
  kitId: id,
  exerciseId: id,
  delegationId: id,
  /** When this laptop opened the kit: the moment its key became the run's writer. */
  acceptedAt: at,
  run: packagedRunSchema,
});
export type ReturnBody = z.output<typeof returnBodySchema>;

/** Markings that forbid a kit in the clear on a stick: their kits must be sealed with a passphrase. */
export const SEALED_TLPS: readonly Tlp[] = ['TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'];
