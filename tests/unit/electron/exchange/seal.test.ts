import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decrypt, deriveKey, encrypt, newReleaseCode, normalizeCode, openWithPassphrase, SCRYPT, sealWithPassphrase } from '../../../../electron/exchange/seal';
import { CODE_ALPHABET, CODE_LENGTH, releaseCodeSchema } from '../../../../shared/exchange/identity';

describe('release codes', () => {
  it('are drawn from symbols no one mistakes for another, grouped to read aloud', () => {
    for (const [a, b] of [['0', 'O'], ['1', 'I'], ['1', 'L'], ['2', 'Z'], ['5', 'S'], ['8', 'B'], ['U', 'V']]) {
      expect(CODE_ALPHABET.includes(a!) && CODE_ALPHABET.includes(b!), `${a}/${b}`).toBe(false);
    }
    const codes = Array.from({ length: 200 }, newReleaseCode);
    for (const code of codes) expect(releaseCodeSchema.safeParse(code).success, code).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('are read as people type them, and anything else is no code', () => {
    const code = newReleaseCode();
    expect(normalizeCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    expect(normalizeCode(`  ${code.replace(/-/g, '')} `)).toBe(code);
    expect(normalizeCode('ABCD-EFGH-IJKL')).toBeNull();
    expect(normalizeCode(code.slice(0, -1))).toBeNull();
  });

  it('cost a guesser far more than an exercise lasts', () => {
    // Half the code space, at scrypt's work per guess: even a million guesses a second (far
    // beyond a laptop at these parameters) would take longer than any exercise by a factor of millions.
    const guesses = CODE_ALPHABET.length ** CODE_LENGTH / 2;
    const years = guesses / 1e6 / (365 * 24 * 3600);
    expect(years).toBeGreaterThan(100);
    expect(SCRYPT.N).toBeGreaterThanOrEqual(2 ** 15);
  });
});

describe('sealing', () => {
  it('opens a sealed text only with its key and its additional data, and never half of it', () => {
    const key = deriveKey(newReleaseCode(), randomBytes(16));
    const sealed = encrypt(key, Buffer.from('the inject'), Buffer.from('kit\n1'));
    expect(decrypt(key, sealed, Buffer.from('kit\n1'))?.toString()).toBe('the inject');
    expect(decrypt(key, sealed, Buffer.from('kit\n2'))).toBeNull();
    expect(decrypt(randomBytes(32), sealed, Buffer.from('kit\n1'))).toBeNull();
    const flipped = Buffer.from(sealed.data, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    expect(decrypt(key, { ...sealed, data: flipped.toString('base64') }, Buffer.from('kit\n1'))).toBeNull();
  });

  it('seals a whole file with a passphrase whose header cannot be changed either', () => {
    const file = sealWithPassphrase('{"the":"kit"}', 'correct horse battery staple');
    expect(JSON.stringify(file)).not.toContain('kit');
    expect(openWithPassphrase(file, 'correct horse battery staple')).toBe('{"the":"kit"}');
    expect(openWithPassphrase(file, 'correct horse battery stapler')).toBeNull();
    // Re-sealed with cheaper parameters, or another IV: refused as changed.
    expect(openWithPassphrase({ ...file, kdf: { ...file.kdf, N: 2 ** 14 } }, 'correct horse battery staple')).toBeNull();
    expect(openWithPassphrase({ ...file, iv: randomBytes(12).toString('base64') }, 'correct horse battery staple')).toBeNull();
  });
});
