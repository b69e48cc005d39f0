import { describe, expect, it } from 'vitest';
import { SearchQueryError, toFtsQuery } from '../../../../electron/corpus/search';

describe('what a user types becomes a safe FTS5 query', () => {
  it.each([
    ['samerība', '"samerība"'],
    ['cyber diplomatie', '"cyber" "diplomatie"'],
    ['cyberdipl*', '"cyberdipl"*'],
    ['"kwaadwillige cyberactiviteiten"', '"kwaadwillige cyberactiviteiten"'],
    ['sancties OR maatregelen', '"sancties" OR "maatregelen"'],
    ['"unclosed phrase', '"unclosed phrase"'],
    ['staten AND', '"staten"'],
    ['OR staten OR', '"staten"'],
    ['a * b', '"a" "b"'],
    ['NEAR(a b)', '"NEAR(a" "b)"'],
    ['text:staten', '"text:staten"'],
    ['say "hi', '"say" "hi"'],
  ])('%s -> %s', (input, expected) => {
    expect(toFtsQuery(input)).toBe(expected);
  });

  it.each(['', '   ', '*', '"', '""', 'AND', 'OR', '- *'])('refuses %j with a message that says what to type', (input) => {
    expect(() => toFtsQuery(input)).toThrow(SearchQueryError);
    expect(() => toFtsQuery(input)).toThrow(/type at least one word/);
  });

  it('refuses an overlong query with its length', () => {
    expect(() => toFtsQuery('x'.repeat(501))).toThrow(/501 characters/);
  });
});
