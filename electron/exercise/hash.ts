import { createHash } from 'node:crypto';
import { canonicalJson } from '../workflow/chain';

/** SHA-256 of a value's canonical JSON (keys sorted), so key order in a file never matters. */
export const contentHash = (value: unknown): string => createHash('sha256').update(canonicalJson(value)).digest('hex');
