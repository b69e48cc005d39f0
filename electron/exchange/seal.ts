import { createCipheriv, createDecipheriv, randomBytes, randomInt, scryptSync } from 'node:crypto';
import { canonicalJson } from '../workflow/chain';
import { EXCHANGE_VERSION, SEALED_FORMAT, type SealedFile } from '../../shared/exchange/format';
import { CODE_ALPHABET, CODE_GROUP, CODE_LENGTH } from '../../shared/exchange/identity';

/**
 * The two locks of the exchange, both scrypt + AES-256-GCM from node:crypto (no package to
 * trust or update): the exercise's passphrase seals a whole file on the stick, and a release
 * code seals one inject inside a kit. GCM authenticates as it decrypts, so a wrong key and a
 * changed byte are the same failure, and nothing of the plain text is ever seen without it.
 */

/**
 * scrypt at N = 2^15, r = 8 (32 MiB, some 0.15 s on a laptop core). For a release code that
 * is the price of every guess: an exercise lasts hours, and the search below takes millennia.
 */
export const SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;
const MAXMEM = 256 * 1024 * 1024;

export function deriveKey(secret: string, salt: Buffer, cost: { readonly N: number; readonly r: number; readonly p: number } = SCRYPT): Buffer {
  return scryptSync(secret.normalize('NFC'), salt, 32, { ...cost, maxmem: MAXMEM });
}

export interface Sealed {
  readonly iv: string;
  readonly tag: string;
  readonly data: string;
}

export function encrypt(key: Buffer, plain: Buffer, aad: Buffer): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** The plain bytes, or null when the key is wrong or any byte of the sealed text (or its AAD) was changed. */
export function decrypt(key: Buffer, sealed: Sealed, aad: Buffer): Buffer | null {
  const iv = Buffer.from(sealed.iv, 'base64');
  const tag = Buffer.from(sealed.tag, 'base64');
  if (iv.length !== 12 || tag.length !== 16) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

// ---- A whole file, under the exercise's passphrase ----

/** Everything of the header is authenticated: a file re-sealed with other parameters does not open. */
const headerOf = (file: Omit<SealedFile, 'tag' | 'data'>): Buffer =>
  Buffer.from(canonicalJson({ format: file.format, version: file.version, kdf: file.kdf, cipher: file.cipher, iv: file.iv }));

export function sealWithPassphrase(plain: string, passphrase: string): SealedFile {
  const salt = randomBytes(16);
  const kdf = { name: 'scrypt' as const, ...SCRYPT, salt: salt.toString('base64') };
  const key = deriveKey(passphrase, salt, SCRYPT);
  // The IV is in the header, so it is made first and the cipher uses it.
  const iv = randomBytes(12);
  const header = { format: SEALED_FORMAT, version: EXCHANGE_VERSION, kdf, cipher: 'aes-256-gcm' as const, iv: iv.toString('base64') };
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(headerOf(header));
  const data = Buffer.concat([cipher.update(Buffer.from(plain, 'utf8')), cipher.final()]);
  return { ...header, tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** The inner text, or null for a wrong passphrase (or a file changed after it was sealed). */
export function openWithPassphrase(file: SealedFile, passphrase: string): string | null {
  const { N, r, p, salt } = file.kdf;
  const key = deriveKey(passphrase, Buffer.from(salt, 'base64'), { N, r, p });
  const plain = decrypt(key, file, headerOf(file));
  return plain === null ? null : plain.toString('utf8');
}

// ---- Release codes ----

export function newReleaseCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return groupCode(code);
}

const groupCode = (code: string): string => code.match(new RegExp(`.{1,${CODE_GROUP}}`, 'g'))!.join('-');

/** A code as typed (lower case, spaces or dashes anywhere), in its one spelling; null when it cannot be a code. */
export function normalizeCode(typed: string): string | null {
  const bare = typed.toUpperCase().replace(/[\s-]+/g, '');
  if (bare.length !== CODE_LENGTH || [...bare].some((c) => !CODE_ALPHABET.includes(c))) return null;
  return groupCode(bare);
}
