import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { parseSeed } from '../../../electron/corpus/parse';
import { readSeeds } from '../../../electron/corpus/seeds';
import type { CorpusDocument } from '../../../shared/corpus';
import { READINGS, type Reading } from '../../../shared/readings';

// Every OCR reading checked against the real seeds, parsed as the app parses them.

const seedsDir = fileURLToPath(new URL('../../../seeds', import.meta.url));
// The format version only enters the seed set's hash, which is not used here.
const docs: CorpusDocument[] = readSeeds(seedsDir, 0).files.map((f) => parseSeed(f.text, f.meta));

/** The words of a text: letters, digits and ¢, joined by inner hyphens or apostrophes. */
const words = (text: string): string[] => text.match(/[\p{L}\p{N}¢]+(?:[-'’][\p{L}\p{N}¢]+)*/gu) ?? [];
const count = (text: string, word: string): number => words(text).filter((w) => w === word).length;

/** Every addressable text of a document: its paragraphs by anchor, its footnotes as fnN. */
function texts(doc: CorpusDocument): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of doc.paragraphs) out.set(p.anchor, p.text);
  for (const f of doc.footnotes) out.set(`fn${f.n}`, f.text);
  return out;
}

const docOf = (r: Reading): CorpusDocument | undefined => docs.find((d) => d.docRef === r.docRef && d.lang === r.lang);
const textOf = (r: Reading): string | undefined => {
  const doc = docOf(r);
  return doc ? texts(doc).get(r.anchor) : undefined;
};
const key = (docRef: string, lang: string, anchor: string, source: string): string => `${docRef} ${lang} ${anchor} ${source}`;
const listed = new Set(READINGS.map((r) => key(r.docRef, r.lang, r.anchor, r.source)));

// What the PDF extraction of 10119/24 does to a letter: the source's character, and what
// the correct form has in its place. A reading may differ from its source only so.
const CONFUSIONS = new Set([
  'é ë', // democratieén, efficiént, creéren
  'd ö', // codperatieve, gecodrdineerde
  'i ï', // Oekraine, geinformeerde, beinvloedingsoperaties
  'l I', // Al-technologieén
  '¢ e', // 4025¢ (the Dutch ordinal 4025e)
  'c e', // politicke
  't f', // onathankelijke
]);

describe('OCR readings', () => {
  it('each names a seed document in its own language, and a paragraph or footnote of it', () => {
    for (const r of READINGS) {
      expect(docOf(r), `${r.docRef} ${r.lang}`).toBeDefined();
      expect(textOf(r), `${r.docRef} ${r.anchor}`).toBeDefined();
    }
  });

  it('each source is a word of its anchor’s text, and the reading is not', () => {
    for (const r of READINGS) {
      const text = textOf(r) ?? '';
      expect(count(text, r.source), `${r.anchor} ${r.source}`).toBeGreaterThan(0);
      expect(r.reading).not.toBe(r.source);
      expect(count(text, r.reading), `${r.anchor} ${r.reading}`).toBe(0);
    }
  });

  it('each reading differs from its source only by the OCR confusions, letter for letter', () => {
    for (const r of READINGS) {
      expect(r.reading, r.reading).toBe(r.reading.normalize('NFC'));
      const s = [...r.source];
      const c = [...r.reading];
      expect(c.length, `${r.source} -> ${r.reading}`).toBe(s.length);
      const changes = s.flatMap((ch, i) => (ch === c[i] ? [] : [`${ch} ${c[i]}`]));
      expect(changes.length, r.source).toBeGreaterThan(0);
      for (const change of changes) expect(CONFUSIONS.has(change), `${r.source} -> ${r.reading}: ${change}`).toBe(true);
    }
  });

  it('each reading is spelled as Dutch spells it: no mark of the damage left, a diaeresis only after a vowel', () => {
    for (const r of READINGS) {
      expect(r.reading, r.reading).not.toMatch(/[é¢]|(?:^|-)Al-/u);
      // The diaeresis opens a new syllable after a vowel: coö, creë, ieën, aïne, geï.
      for (const m of r.reading.matchAll(/[ëïö]/gu)) expect(r.reading[(m.index ?? 0) - 1] ?? '', r.reading).toMatch(/[aeiou]/u);
    }
  });

  it('lists no entry twice, and reads a damaged form the same wherever it stands', () => {
    expect(listed.size).toBe(READINGS.length);
    const readingOf = new Map<string, string>();
    for (const r of READINGS) {
      expect(readingOf.get(r.source) ?? r.reading, r.source).toBe(r.reading);
      readingOf.set(r.source, r.reading);
    }
  });

  it('misses no place: wherever a listed source stands in any seed, that place is listed', () => {
    const sources = new Set(READINGS.map((r) => r.source));
    for (const doc of docs) {
      for (const [anchor, text] of texts(doc)) {
        for (const w of words(text)) {
          if (sources.has(w)) expect(listed.has(key(doc.docRef, doc.lang, anchor, w)), `${doc.docRef} ${doc.lang} ${anchor} ${w}`).toBe(true);
        }
      }
    }
  });

  it('misses no damaged word of 10119/24: every word with é or ¢ in it is listed, but for the correct ones', () => {
    // Dutch writes é in few words; the damage writes it for ë. These are the correct ones the seed has.
    const correct = new Set(['Comité']);
    const doc = docs.find((d) => d.docRef === '10119/24' && d.lang === 'nl');
    expect(doc).toBeDefined();
    for (const [anchor, text] of texts(doc as CorpusDocument)) {
      for (const w of words(text).filter((x) => /[é¢]/u.test(x) && !correct.has(x))) {
        expect(listed.has(key('10119/24', 'nl', anchor, w)), `${anchor} ${w}`).toBe(true);
      }
    }
  });

  it('covers the 25 damaged tokens of 10119/24, in the seed’s order of paragraphs', () => {
    const total = READINGS.reduce((n, r) => n + count(textOf(r) ?? '', r.source), 0);
    expect(total).toBe(25);
    const doc = docs.find((d) => d.docRef === '10119/24') as CorpusDocument;
    const order = [...texts(doc).keys()];
    const places = READINGS.map((r) => order.indexOf(r.anchor));
    expect(places).toEqual([...places].sort((a, b) => a - b));
  });
});
