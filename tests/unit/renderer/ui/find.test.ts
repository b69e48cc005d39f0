import { describe, expect, it } from 'vitest';
import { matchesQuery } from '../../../../renderer/src/ui/find';

describe('finding in a list', () => {
  it('matches every word typed at the start of a word of the texts, case and diacritics aside', () => {
    expect(matchesQuery('', ['anything'])).toBe(true);
    expect(matchesQuery('  ', ['anything'])).toBe(true);
    expect(matchesQuery('cold ward', ['Cold Ward, PSC table-top'])).toBe(true);
    expect(matchesQuery('ward estonia', ['Cold Ward', 'Estonia'])).toBe(true);
    expect(matchesQuery('sameriba', ['Samērība'])).toBe(true);
    expect(matchesQuery('ward latvia', ['Cold Ward', 'Estonia'])).toBe(false);
    expect(matchesQuery('member state b', ['Cold Ward — Member State B'])).toBe(true);
    expect(matchesQuery('member state b', ['Cold Ward — Member State A'])).toBe(false);
    expect(matchesQuery('ard', ['Cold Ward'])).toBe(false);
  });
});
