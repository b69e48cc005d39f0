import { z } from 'zod';

/**
 * The two secrets-and-names of the exchange that files carry: an installation's public key
 * and a release code. Here once, for the kit and return formats and the exercise package.
 */

/** An Ed25519 public key: its 32 raw bytes in base64 (44 characters). */
export const publicKeySchema = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, { message: 'expected an Ed25519 public key (32 bytes in base64)' });

/**
 * 23 symbols that cannot be taken for one another, read aloud or in handwriting: none of
 * 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V. Twelve of them (54 bits), in three groups of four.
 */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTWXY34679';
export const CODE_LENGTH = 12;
export const CODE_GROUP = 4;

const symbol = `[${CODE_ALPHABET}]`;
export const releaseCodeSchema = z
  .string()
  .regex(new RegExp(`^${symbol}{${CODE_GROUP}}(-${symbol}{${CODE_GROUP}}){${CODE_LENGTH / CODE_GROUP - 1}}$`), { message: 'expected a release code like ACDE-FGHJ-KMNP' });
