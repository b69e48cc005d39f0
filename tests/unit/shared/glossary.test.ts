import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { parseSeed } from '../../../electron/corpus/parse';
import { readSeeds } from '../../../electron/corpus/seeds';
import { LANGS, type CorpusDocument, type Lang } from '../../../shared/corpus';
import { GLOSSARY, type Concept } from '../../../shared/glossary';

// The concept glossary checked against the real seeds, parsed as the app parses them: each
// form stands in exactly the paragraphs it lists, so the data cannot go stale.

const seedsDir = fileURLToPath(new URL('../../../seeds', import.meta.url));
// The format version only enters the seed set's hash, which is not used here.
const docs: CorpusDocument[] = readSeeds(seedsDir, 0).files.map((f) => parseSeed(f.text, f.meta));

/** Whole words, case-insensitively: no letter, digit or mark on either side; a space stands for any white space. */
function matcher(form: string): RegExp {
  const body = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])${body}(?![\\p{L}\\p{N}\\p{M}])`, 'iu');
}
const where = (lang: Lang, form: string): string[] => {
  const re = matcher(form);
  return docs.filter((d) => d.lang === lang).flatMap((d) => d.paragraphs.filter((p) => re.test(p.text)).map((p) => `${d.docRef} ${p.anchor}`));
};
const listed = (lang: Lang, c: Concept): Set<string> =>
  new Set(c.forms.filter((f) => f.lang === lang).flatMap((f) => f.anchors.map((a) => `${a.docRef} ${a.anchor}`)));
const in10474 = (anchors: Set<string>): string[] => [...anchors].filter((a) => a.startsWith('10474/17 ')).sort();
const byId = (id: string): Concept | undefined => GLOSSARY.find((c) => c.id === id);

// What FRAMEWORK.md §5 asks for, as the terms a user types.
const REQUIRED_TERMS = [
  'attribution', 'proportionality', 'scope', 'scale', 'duration', 'intensity', 'complexity', 'sophistication', 'impact',
  'situational awareness', 'malicious cyber activities', 'restrictive measures', 'sanctions', 'confidence-building measures',
  'capacity building', 'cyber dialogues', 'exercises', 'international law', 'human rights', 'state responsibility',
  'due diligence', 'critical infrastructure', 'essential services', 'elections', 'democratic processes', 'hybrid threats',
  'fimi', 'foreign information manipulation and interference', 'disinformation', 'cyber diplomacy toolbox', 'solidarity',
  'mutual assistance', 'article 42(7) teu', 'article 222 tfeu', 'cfsp',
];

// The concepts some language's documents do not speak of, and why. Every other concept has
// forms in that language; these have none (the lists are exact, both ways).
const NOT_IN: Record<Lang, Record<string, string>> = {
  nl: { 'essential-services': 'no Dutch seed speaks of essential services' },
  // lv holds only 10474/17: a concept is there when the Dutch 10474/17 speaks of it (checked below).
  lv: {},
  da: {
    attribution: '7290/21 does not speak of attribution',
    scope: 'nor of the seven characteristics of a cyber activity',
    scale: 'idem',
    duration: 'idem',
    intensity: 'idem',
    complexity: 'idem',
    sophistication: 'idem',
    'state-responsibility': 'nor of State responsibility (§28 is responsible State behaviour)',
  },
};
// Where the Latvian 10474/17 says something else than the Dutch: the paragraphs only the Dutch has.
const ONLY_DUTCH_10474: Record<string, string[]> = { exercises: ['10474/17 p6'] }; // lv §6: testing, not exercises

describe('concept glossary', () => {
  it('each form stands in every paragraph it lists and in no paragraph it omits', () => {
    for (const c of GLOSSARY) {
      for (const f of c.forms) {
        const actual = where(f.lang, f.form);
        const given = f.anchors.map((a) => `${a.docRef} ${a.anchor}`);
        expect(actual.length, `${c.id} ${f.lang} '${f.form}' stands nowhere`).toBeGreaterThan(0);
        expect(new Set(given).size, `${c.id} ${f.lang} '${f.form}' lists an anchor twice`).toBe(given.length);
        expect([...given].sort(), `${c.id} ${f.lang} '${f.form}'`).toEqual([...actual].sort());
      }
    }
  });

  it('lists anchors in the order of the corpus, and forms written as single-spaced NFC text', () => {
    const order = docs.flatMap((d) => d.paragraphs.map((p) => `${d.lang} ${d.docRef} ${p.anchor}`));
    for (const c of GLOSSARY) {
      for (const f of c.forms) {
        const places = f.anchors.map((a) => order.indexOf(`${f.lang} ${a.docRef} ${a.anchor}`));
        expect(places, `${c.id} '${f.form}'`).toEqual([...places].sort((a, b) => a - b));
        expect(f.form, f.form).toBe(f.form.normalize('NFC').trim().replace(/\s+/g, ' '));
        expect(LANGS).toContain(f.lang);
      }
    }
  });

  it('has unique concept ids, and no form twice in a concept and language', () => {
    const ids = GLOSSARY.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    for (const c of GLOSSARY) {
      const keys = c.forms.map((f) => `${f.lang} ${f.form.toLocaleLowerCase(f.lang)}`);
      expect(new Set(keys).size, c.id).toBe(keys.length);
    }
  });

  it('has English terms in lower case, each belonging to one concept only', () => {
    const terms = GLOSSARY.flatMap((c) => c.terms);
    expect(new Set(terms).size, 'a term is in two concepts, or twice in one').toBe(terms.length);
    for (const c of GLOSSARY) {
      expect(c.terms.length, c.id).toBeGreaterThan(0);
      for (const t of c.terms) expect(t, c.id).toBe(t.toLowerCase().trim().replace(/\s+/g, ' '));
    }
  });

  it('covers every concept FRAMEWORK.md §5 lists', () => {
    const terms = new Set(GLOSSARY.flatMap((c) => c.terms));
    for (const t of REQUIRED_TERMS) expect(terms.has(t), t).toBe(true);
  });

  it('has forms in each language whose documents speak of the concept, and only where the list of exceptions says not', () => {
    for (const lang of ['nl', 'da'] as const) {
      for (const id of Object.keys(NOT_IN[lang])) expect(byId(id), `NOT_IN.${lang}: ${id}`).toBeDefined();
      for (const c of GLOSSARY) {
        const has = c.forms.some((f) => f.lang === lang);
        expect(has, `${c.id} in ${lang}`).toBe(!(c.id in NOT_IN[lang]));
      }
    }
  });

  it('finds the same paragraphs in the Dutch and the Latvian 10474/17, but where the texts differ', () => {
    for (const id of Object.keys(ONLY_DUTCH_10474)) expect(byId(id), id).toBeDefined();
    for (const c of GLOSSARY) {
      const nl = in10474(listed('nl', c)).filter((a) => !(ONLY_DUTCH_10474[c.id] ?? []).includes(a));
      expect(in10474(listed('lv', c)), c.id).toEqual(nl);
      for (const a of ONLY_DUTCH_10474[c.id] ?? []) {
        expect(listed('nl', c).has(a), `${c.id} nl ${a}`).toBe(true);
        expect(listed('lv', c).has(a), `${c.id} lv ${a}`).toBe(false);
      }
    }
  });
});
