import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuery, SearchQueryError } from '../../../../electron/corpus/search';
import { expandQuery } from '../../../../electron/corpus/search/expand';
import { searchIndex } from '../../../../electron/db/migrations/008-search-index';
import { databaseBefore } from '../../../support/migrations';
import { TEST_GLOSSARY } from '../../../support/glossary';

const units = (input: string) => parseQuery(input).map((group) => group.map((u) => (u.prefix ? `${u.words.join(' ')}*` : u.words.join(' '))));

describe('what a user types', () => {
  it.each([
    ['samērība', [['sameriba']]],
    ['cyber diplomatie', [['cyber', 'diplomatie']]],
    ['cyberdipl*', [['cyberdipl*']]],
    ['"kwaadwillige cyberactiviteiten"', [['kwaadwillige cyberactiviteiten']]],
    ['sancties OR maatregelen staten', [['sancties'], ['maatregelen', 'staten']]],
    ['"unclosed phrase', [['unclosed phrase']]],
    ['staten AND', [['staten']]],
    ['OR staten OR', [['staten']]],
    ['a * b', [['a', 'b']]],
    ['NEAR(a b)', [['near a', 'b']]],
    ['text:staten', [['text staten']]],
    ['12109/13', [['12109 13']]],
    ['Værktøjskasse', [['vaerktojskasse']]],
  ])('%s is read as %j', (input, expected) => {
    expect(units(input)).toEqual(expected);
  });

  it.each(['', '   ', '*', '"', '""', 'AND', 'OR', '- *'])('refuses %j with a message that says what to type', (input) => {
    expect(() => parseQuery(input)).toThrow(SearchQueryError);
    expect(() => parseQuery(input)).toThrow(/type at least one word/);
  });

  it('refuses an overlong query with its length', () => {
    expect(() => parseQuery('x'.repeat(501))).toThrow(/501 characters/);
  });
});

describe('the expressions a query expands to', () => {
  it('looks for the word as typed, then its stem in each language, then inside compounds', () => {
    const { tiers } = expandQuery(parseQuery('maatregel'), []);
    expect(tiers.map((t) => t.kind)).toEqual(['exact', 'stem', 'compound']);
    expect(tiers[0]!.fts).toBe('({words note_words} : "maatregel")');
    expect(tiers[1]!.fts).toContain('stem_nl : "maatregel"');
    expect(tiers[2]!.fts).toContain('parts : "maatregel"*');
    // What each kind adds, for the one word: only its new alternatives.
    expect(tiers[2]!.added).toBe('({words note_words} : "maatregel"* OR parts : "maatregel"*)');
  });

  it('keeps a prefix a prefix, and a phrase a phrase of stems', () => {
    expect(expandQuery(parseQuery('cyberdipl*'), []).tiers[0]!.fts).toBe('({words note_words} : "cyberdipl"*)');
    const phrase = expandQuery(parseQuery('"internationaal recht"'), []).tiers;
    expect(phrase.map((t) => t.kind)).toEqual(['exact', 'stem']);
    expect(phrase[1]!.fts).toContain('stem_nl : "international recht"');
  });

  it('joins the words of a glossary term into one unit and says which concept it expanded to', () => {
    const { tiers, expanded } = expandQuery(parseQuery('restrictive measures'), TEST_GLOSSARY);
    expect(expanded).toEqual([
      expect.objectContaining({ term: 'restrictive measures', concept: 'restrictive-measures', forms: expect.arrayContaining([{ lang: 'da', form: 'restriktive foranstaltninger' }]) }),
    ]);
    const concept = tiers[tiers.length - 1]!;
    expect(concept.kind).toBe('concept');
    // The glossary lists the forms as the seeds write them: they are looked for as whole words.
    expect(concept.fts).toContain('{words note_words} : "restriktive foranstaltninger"');
    expect(concept.fts).toContain('{words note_words} : "ierobezojosie pasakumi"');
    // Stemmed English: the singular names the same concept.
    expect(expandQuery(parseQuery('sanction'), TEST_GLOSSARY).expanded.map((e) => e.concept)).toEqual(['restrictive-measures']);
    expect(expandQuery(parseQuery('maatregel'), TEST_GLOSSARY).expanded).toEqual([]);
    // A hyphenated word can be part of a term.
    expect(expandQuery(parseQuery('capacity-building'), TEST_GLOSSARY).expanded.map((e) => e.concept)).toEqual(['capacity-building']);
  });

  it('never lets what a user types reach FTS5 as syntax: every expression of any input runs', () => {
    const db = databaseBefore(searchIndex);
    searchIndex.up(db);
    const run = (fts: string): unknown => db.prepare('SELECT count(*) FROM search_index WHERE search_index MATCH ?').get(fts);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(fc.constantFrom('"', '*', 'OR', 'AND', 'NOT', '(', ')', ':', '^', '{', '}', '-', 'a', 'ø', ' ', 'sanctions'), { maxLength: 12 }).map((a) => a.join(''))), (input) => {
        let query;
        try {
          query = parseQuery(input);
        } catch (error) {
          expect(error).toBeInstanceOf(SearchQueryError);
          return;
        }
        const { tiers } = expandQuery(query, TEST_GLOSSARY);
        tiers.forEach(({ fts, added }, i) => {
          expect(() => run(fts)).not.toThrow();
          if (i > 0) expect(() => run(`(${added}) NOT (${tiers[i - 1]!.fts})`)).not.toThrow();
        });
      }),
      { numRuns: 300 },
    );
    db.close();
  });
});
