import { describe, expect, it } from 'vitest';
import { lineProblem, longTextProblem, nameKey, nameProblem } from '../../../shared/text';
import { isAppTime } from '../../../shared/exercise/package';

describe('text rules', () => {
  it('a name is one trimmed, non-empty line without controls, bidi controls or lone surrogates', () => {
    expect(nameProblem('Delegation North')).toBeNull();
    expect(nameProblem('Délégation 中 😀')).toBeNull();
    expect(nameProblem('')).toBe('must not be empty');
    expect(nameProblem(' \t ')).toBe('must not be empty');
    expect(nameProblem(' North')).toBe('must not start or end with whitespace');
    expect(nameProblem('North\u00a0')).toBe('must not start or end with whitespace');
    expect(nameProblem('North\nSouth')).toBe('contains a control character (U+000A) at position 5');
    expect(nameProblem('a\tb')).toMatch(/U\+0009/);
    expect(nameProblem('a\u0085b')).toMatch(/control character \(U\+0085\)/);
    expect(nameProblem('a\u2028b')).toMatch(/U\+2028/);
    expect(nameProblem('abc\u202eevil')).toBe('contains a bidirectional control (U+202E) at position 3');
    for (const c of ['\u061c', '\u200e', '\u200f', '\u202a', '\u202d', '\u2066', '\u2069']) expect(nameProblem(`a${c}b`)).toMatch(/bidirectional control/);
    expect(nameProblem('a\ud800b')).toMatch(/lone surrogate \(U\+D800\)/);
    expect(nameProblem('a\udfffb')).toMatch(/lone surrogate/);
  });

  it('a line may be empty or padded, but holds no control characters', () => {
    expect(lineProblem('')).toBeNull();
    expect(lineProblem('  padded ')).toBeNull();
    expect(lineProblem('a\fb')).toMatch(/U\+000C/);
  });

  it('a long text may break lines and indent, nothing else', () => {
    expect(longTextProblem('First line.\n\tIndented; עברית \u200f and 😀.')).toBeNull();
    expect(longTextProblem('')).toBeNull();
    for (const c of ['\u0000', '\r', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u2029']) expect(longTextProblem(`a${c}b`)).toMatch(/only line breaks and tabs/);
    expect(longTextProblem('x\udc00')).toMatch(/lone surrogate/);
  });

  it('names equal after normalisation and case folding have one key', () => {
    expect(nameKey('Estonia')).toBe(nameKey('ESTONIA'));
    expect(nameKey('Cura\u00e7ao')).toBe(nameKey('Curac\u0327ao'));
    expect(nameKey('Stra\u00dfe')).toBe(nameKey('STRASSE'));
    expect(nameKey('\uff25stonia')).toBe(nameKey('Estonia')); // full-width E
    expect(nameKey('Estonia')).not.toBe(nameKey('Latvia'));
  });
});

describe('times in a package', () => {
  it('are in the one spelling the app writes, and real', () => {
    expect(isAppTime('2025-03-10T09:00:00.000Z')).toBe(true);
    for (const s of ['2025-03-10T09:00:00Z', '2025-03-10T09:00:00.000+00:00', '2025-03-10t09:00:00.000Z', '2025-13-10T09:00:00.000Z', '2025-02-30T09:00:00.000Z', '2025-03-10T24:00:00.000Z']) {
      expect(isAppTime(s)).toBe(false);
    }
  });
});
