import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprintOf, installationKey, keyFileIn, verifySignature } from '../../../../electron/exchange/keys';
import { tempDir } from '../../../support/temp';

const temp = tempDir();
afterAll(temp.cleanup);

describe("an installation's key", () => {
  it('is made once, kept readable by the user alone, and the same at every start', () => {
    const first = installationKey(temp.dir);
    expect(first.fingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){4}$/);
    expect(installationKey(temp.dir).publicKey).toBe(first.publicKey);
    if (process.platform !== 'win32') expect(statSync(keyFileIn(temp.dir)).mode & 0o077).toBe(0);
  });

  it('signs what it signed and nothing else', () => {
    const key = installationKey(temp.dir);
    const signature = key.sign(Buffer.from('a return'));
    expect(verifySignature(key.publicKey, Buffer.from('a return'), signature)).toBe(true);
    expect(verifySignature(key.publicKey, Buffer.from('a return!'), signature)).toBe(false);
    expect(verifySignature('not a key', Buffer.from('a return'), signature)).toBe(false);
    expect(verifySignature(key.publicKey, Buffer.from('a return'), 'AAAA')).toBe(false);
  });

  it('is refused, never replaced, when its file is damaged', () => {
    const other = tempDir();
    try {
      installationKey(other.dir);
      writeFileSync(keyFileIn(other.dir), 'damaged');
      expect(() => installationKey(other.dir)).toThrow(/is damaged and cannot be read/);
      expect(readFileSync(keyFileIn(other.dir), 'utf8')).toBe('damaged');
    } finally {
      other.cleanup();
    }
  });

  it('has a fingerprint that changes with the key', () => {
    const a = installationKey(temp.dir).publicKey;
    const b = Buffer.from(a, 'base64');
    b[0] = b[0]! ^ 1;
    expect(fingerprintOf(b.toString('base64'))).not.toBe(fingerprintOf(a));
  });
});
