import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Db } from '../db/open';
import { UserError } from '../../shared/errors';
import { readTextFile } from '../files/read';
import { writeFileSafely } from '../files/write';

/**
 * The installation's identity: an Ed25519 key pair made at first start. The private key stays
 * in the user-data folder, readable only by the user; the public key travels in every kit and
 * return it signs, and people compare its fingerprint aloud across the room.
 */
export const KEY_FOLDER = 'keys';
export const PRIVATE_KEY_FILE = 'installation-ed25519.pem';

export interface InstallationKey {
  /** The 32 raw bytes of the public key, in base64. */
  readonly publicKey: string;
  readonly fingerprint: string;
  /** Where the private key is kept. */
  readonly file: string;
  sign(data: Buffer): string;
}

/** The user-data folder of a database file: its own folder. */
export const keyFileIn = (folder: string): string => join(folder, KEY_FOLDER, PRIVATE_KEY_FILE);

/** The key of the installation whose database this is: the user-data folder holds both. */
export function keyOfDatabase(db: Db): InstallationKey {
  if (db.memory) throw new Error('An in-memory database has no user-data folder to keep a key in.');
  return installationKey(dirname(db.name));
}

/** The installation's key, made (and kept) on first use. A damaged key file is refused, never replaced. */
export function installationKey(folder: string): InstallationKey {
  const file = keyFileIn(folder);
  if (!existsSync(file)) {
    mkdirSync(join(folder, KEY_FOLDER), { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSafely(file, privateKey.export({ format: 'pem', type: 'pkcs8' }) as string, [], 0o600);
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(readTextFile(file, 16 * 1024));
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`This laptop's key in ${file} is damaged and cannot be read; restore it from a backup, or move it away to make a new one (kits accepted with the old key can then no longer be returned).`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new UserError(`The key in ${file} is not an Ed25519 key.`);
  const publicKey = rawPublicKey(createPublicKey(privateKey));
  return { publicKey, fingerprint: fingerprintOf(publicKey), file, sign: (data) => sign(null, data, privateKey).toString('base64') };
}

function rawPublicKey(key: KeyObject): string {
  const { x } = key.export({ format: 'jwk' });
  return Buffer.from(x!, 'base64url').toString('base64');
}

function publicKeyObject(publicKey: string): KeyObject | null {
  const raw = Buffer.from(publicKey, 'base64');
  if (raw.length !== 32) return null;
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
  } catch {
    return null;
  }
}

/** False for a bad signature and for anything that is not a key or a signature at all. */
export function verifySignature(publicKey: string, data: Buffer, signature: string): boolean {
  const key = publicKeyObject(publicKey);
  const sig = Buffer.from(signature, 'base64');
  if (key === null || sig.length !== 64) return false;
  return verify(null, data, key, sig);
}

/**
 * 80 bits of the key's SHA-256 as five groups of four hexadecimal characters ("3F2A-9C01-…"):
 * short enough to read aloud, long enough that no one can make a key to match.
 */
export function fingerprintOf(publicKey: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 20).toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}
