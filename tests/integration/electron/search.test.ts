import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/db/open';
import { ensureCorpus } from '../../../electron/corpus/ingest';
import { searchCorpus, SearchQueryError, type SearchOptions } from '../../../electron/corpus/search';
import { HIGHLIGHT_END, HIGHLIGHT_START, MATCH_KINDS, type SearchHit } from '../../../shared/corpus';
import { TEST_GLOSSARY } from '../../support/glossary';
import { SEEDS_DIR, tempDir } from '../../support/temp';

const temp = tempDir();
let db: Db;

beforeAll(() => {
  db = openDatabase(join(temp.dir, 'search.sqlite'));
  ensureCorpus(db, SEEDS_DIR);
});
afterAll(() => {
  db.close();
  temp.cleanup();
});

const search = (query: string, options: SearchOptions = {}) => searchCorpus(db, query, { limit: 50, ...options }, TEST_GLOSSARY);
const where = (hit: SearchHit): string => `${hit.docRef} ${hit.lang} ${hit.anchor}`;
const places = (query: string, options: SearchOptions = {}): string[] => search(query, options).hits.map(where);
const marked = (word: string): string => `${HIGHLIGHT_START}${word}${HIGHLIGHT_END}`;

describe('search folds diacritics and the Danish letters', () => {
  it('finds a Latvian word typed without its diacritics (sameriba for samērība)', () => {
    const hit = search('sameriba', { lang: 'lv' }).hits.find((h) => h.anchor === 'p5.i5')!;
    expect(hit.kind).toBe('exact');
    expect(hit.snippet).toContain(marked('samērība'));
  });

  it('finds the same paragraphs with and without diacritics', () => {
    const plain = places('situacijas');
    expect(plain.length).toBeGreaterThan(0);
    expect(plain).toEqual(places('situācijas'));
  });

  it('reads ø as o, æ as ae and å as aa (vaerktojskasse, ovelser, aarti)', () => {
    expect(places('vaerktojskasse')).toContain('7290/21 da r1.i13');
    expect(search('vaerktojskasse').hits[0]!.snippet).toContain(marked('værktøjskasse'));
    expect(places('ovelser')).toEqual(expect.arrayContaining(['7290/21 da p20', '7290/21 da p27']));
    expect(places('aarti')).toContain('7290/21 da h1');
  });
});

describe('search finds other inflections of a word', () => {
  it('finds maatregelen for maatregel, and says the stem matched', () => {
    const result = search('maatregel');
    expect(result.total).toBeGreaterThanOrEqual(13);
    expect(result.hits[0]!.kind).toBe('stem');
    expect(result.hits[0]!.matched).toContainEqual({ form: 'maatregelen', kind: 'stem' });
  });

  it.each(['joma', 'mērogs', 'ietekme', 'ilgums', 'intensitāte'])('finds 10474/17 §5 fifth indent, which declines the Latvian characteristic %s', (word) => {
    expect(places(word, { limit: 10 })).toContain('10474/17 lv p5.i5');
  });

  it('finds øvelser for øvelse', () => {
    expect(places('øvelse')).toEqual(expect.arrayContaining(['7290/21 da p20', '7290/21 da p27']));
  });
});

describe('search finds the compounds a word is part of', () => {
  it('finds cyberkapacitetsopbygning for kapacitetsopbygning, after the word itself', () => {
    const hits = search('kapacitetsopbygning').hits;
    const compound = hits.findIndex((h) => h.anchor === 'p31');
    expect(compound).toBeGreaterThan(0);
    expect(hits[compound]!.kind).toBe('compound');
    expect(hits.slice(0, compound).every((h) => h.kind === 'exact')).toBe(true);
    expect(hits[compound]!.snippet).toContain(marked('cyberkapacitetsopbygning'));
  });

  it('finds a compound by its first part and by an inner one (lidstaten for staten)', () => {
    expect(search('staten').hits.some((h) => h.matched.some((m) => m.kind === 'compound' && /lidstaten/i.test(m.form)))).toBe(true);
  });
});

describe('search ranks exact forms, then stems, then compound parts, then concepts', () => {
  it.each(['maatregel', 'staten', 'sanctions', 'kapacitetsopbygning', 'cyber'])('%s: kinds in order, scores descending', (query) => {
    const hits = search(query, { limit: 200 }).hits;
    const kinds = hits.map((h) => MATCH_KINDS.indexOf(h.kind));
    expect(kinds).toEqual([...kinds].sort((a, b) => a - b));
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('pages through the kinds as one list', () => {
    const all = search('staten', { limit: 60 }).hits.map(where);
    const paged = [0, 20, 40].flatMap((offset) => search('staten', { limit: 20, offset }).hits.map(where));
    expect(paged).toEqual(all);
  });
});

describe('search expands English through the glossary', () => {
  it('finds the forms of a concept in every language, says so, and says which form matched', () => {
    const result = search('sanctions');
    expect(result.expanded).toEqual([expect.objectContaining({ term: 'sanctions', concept: 'restrictive-measures' })]);
    expect(places('sanctions')).toEqual(expect.arrayContaining(['10474/17 nl p5', '10474/17 lv p5', '7290/21 da p26']));
    const danish = result.hits.find((h) => h.docRef === '7290/21' && h.anchor === 'p26')!;
    expect(danish.kind).toBe('concept');
    expect(danish.matched).toContainEqual({ form: 'restriktive foranstaltninger', kind: 'concept', concept: 'restrictive-measures' });
    expect(danish.snippet).toContain(marked('restriktive foranstaltninger'));
  });

  it('reads a term of several words as one (restrictive measures), and a word that names nothing as itself', () => {
    expect(search('restrictive measures').expanded.map((e) => e.concept)).toEqual(['restrictive-measures']);
    expect(search('maatregel').expanded).toEqual([]);
  });
});

describe('search finds the correct reading of a word the OCR damaged', () => {
  it.each(['coöperatieve', 'cooperatieve'])('%s finds 10119/24 §6 first item, which reads codperatieve', (word) => {
    const hit = search(word).hits.find((h) => h.anchor === 'p6.i1')!;
    expect(hit.kind).toBe('exact');
    expect(hit.matched).toContainEqual({ form: 'codperatieve', kind: 'exact', reading: 'coöperatieve' });
    expect(hit.snippet).toContain(marked('codperatieve'));
  });
});

describe('search finds footnotes and document numbers', () => {
  it('finds 12109/13 as typed, in the paragraphs whose footnotes cite it', () => {
    expect(places('12109/13')).toEqual(expect.arrayContaining(['10474/17 nl p1', '10474/17 lv p1', '7290/21 da r1.i1', '6122/15 nl r3']));
    const hit = search('12109/13').hits.find((h) => where(h) === '10474/17 nl p1')!;
    expect(hit.footnote).toBe(1);
    expect(hit.snippet).toBe(`Doc. ${marked('12109/13')}.`);
  });

  it('finds A/70/174 and PC.DEC/1106 in 10474/17 §3', () => {
    expect(places('A/70/174')).toEqual(['10474/17 lv p3', '10474/17 nl p3'].sort());
    expect(places('PC.DEC/1106')).toEqual(expect.arrayContaining(['10474/17 nl p3', '10474/17 lv p3']));
  });

  it("finds a footnote's words and opens the paragraph that carries it", () => {
    const hit = search('"respectieve mandaten"').hits[0]!;
    expect(where(hit)).toBe('6122/15 nl s5.c5.i2');
    expect(hit.footnote).toBe(9);
  });
});

describe('search filters, pages and refuses', () => {
  it('filters by language and by document', () => {
    const all = search('cyberdiplomatie');
    expect(new Set(all.hits.map((h) => h.docRef))).toEqual(new Set(['10474/17', '6122/15', '10119/24', '7290/21']));
    // The Danish word has the same stem: found, after the Dutch word itself.
    expect(all.hits.filter((h) => h.lang === 'da').every((h) => h.kind !== 'exact')).toBe(true);
    const one = search('cyberdiplomatie', { docRef: '6122/15' });
    expect(one.total).toBeLessThan(all.total);
    expect(one.hits.every((h) => h.docRef === '6122/15')).toBe(true);
    expect(search('cyberdiplomatie', { lang: 'da' }).hits.every((h) => h.lang === 'da')).toBe(true);
  });

  it('keeps a prefix and a phrase what they are', () => {
    const prefix = search('cyberdiplom*').hits;
    expect(prefix.every((h) => h.kind === 'exact')).toBe(true);
    expect(prefix.flatMap((h) => h.matched.map((m) => m.form.toLowerCase()))).toEqual(expect.arrayContaining(['cyberdiplomatie', 'cyberdiplomatisk']));
    const phrase = search('"internationaal recht"').hits;
    expect(phrase[0]!.snippet).toContain(marked('internationaal recht'));
    expect(phrase.every((h) => h.matched.every((m) => /^internationa\w* recht\w*$/i.test(m.form)))).toBe(true);
  });

  it('reads malformed queries as plain words, and refuses an empty one with a clear message', () => {
    expect(search('"kwaadwillige cyberactiviteiten').total).toBeGreaterThan(0);
    expect(search('staten AND').total).toBeGreaterThan(0);
    expect(() => search('*')).toThrow(SearchQueryError);
    expect(() => search('*')).toThrow(/type at least one word/);
  });

  it('pages through results', () => {
    const first = search('de', { limit: 5 });
    const second = search('de', { limit: 5, offset: 5 });
    expect(first.hits).toHaveLength(5);
    expect(second.hits[0]).not.toEqual(first.hits[0]);
    expect(second.total).toBe(first.total);
  });
});
