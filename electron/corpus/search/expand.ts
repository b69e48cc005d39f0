import { LANGS, type Expansion, type Lang, type MatchKind } from '../../../shared/corpus';
import { termIndex, type SearchConcept, type TermMatch } from './concepts';
import { stem } from './stem';
import { foldedWords, isLetters } from './words';

/** One thing the user typed that must occur: a word, a word* or a "phrase", as folded words. */
export interface TypedUnit {
  readonly typed: string;
  readonly words: readonly string[];
  readonly prefix: boolean;
}

/** Alternatives joined by OR, each a list of units that must all occur. */
export type ParsedQuery = readonly (readonly TypedUnit[])[];

/**
 * A concept's form, looked for as the glossary lists it: as whole words (folded), since the
 * glossary lists each inflection and compound the seeds use. Stemming its forms would add
 * other words (the stem of beperkende, restrictive, is also that of beperking, limitation).
 */
export interface FormMatcher {
  readonly concept: string;
  readonly lang: Lang;
  readonly form: string;
  readonly words: readonly string[];
}

/** How one unit can meet a paragraph, by kind; highlighting asks the same questions the index answered. */
export interface UnitMatcher {
  readonly words: readonly string[];
  readonly prefix: boolean;
  /** The unit's stems in each language (none for a prefix, which already reaches every ending). */
  readonly stems: ReadonlyMap<Lang, readonly string[]> | null;
  /** What a word containing the unit must contain: the word or its shortest stem. */
  readonly parts: readonly string[];
  readonly forms: readonly FormMatcher[];
}

export interface ExpandedQuery {
  /**
   * Each kind's FTS5 expression: it matches what the kinds before it match, and more.
   * `added` matches at least the paragraphs this kind adds (for a one-word query, only its new
   * alternatives), which is cheaper to evaluate against the kinds before it.
   */
  readonly tiers: readonly { readonly kind: MatchKind; readonly fts: string; readonly added: string }[];
  readonly units: readonly UnitMatcher[];
  readonly expanded: readonly Expansion[];
}

/** A part shorter than this is inside too many words to mean anything (raad, staat are the shortest useful). */
export const MIN_PART = 4;

const EXACT_COLUMNS = '{words note_words}';
const stemColumn = (lang: Lang): string => `stem_${lang}`;

// Only folded words reach an expression, and each inside quotes: no user input is ever FTS5 syntax.
const phrase = (words: readonly string[]): string => `"${words.join(' ').replaceAll('"', '""')}"`;

/**
 * Turns a parsed query into one FTS5 expression per kind of match (exact form, stem, compound
 * part, concept), each including the kinds before it, so that ranking can take the paragraphs
 * each adds in turn. English words that name a glossary concept also look for its forms.
 */
export function expandQuery(query: ParsedQuery, glossary: readonly SearchConcept[]): ExpandedQuery {
  const index = termIndex(glossary);
  const groups = query.map((units) => joinTerms(units, index));
  const units = groups.flat();
  const expanded = new Map<string, Expansion>();
  for (const unit of units) {
    for (const { term, concept } of unit.concepts) {
      expanded.set(concept.id, { term, concept: concept.id, forms: concept.forms.map(({ lang, form }) => ({ lang, form })) });
    }
  }
  const matchers = new Map(units.map((unit) => [unit, matcher(unit)]));
  const tiers: { kind: MatchKind; fts: string; added: string }[] = [];
  const single = units.length === 1 ? matchers.get(units[0]!)! : null;
  let before: string[] = [];
  for (const [depth, kind] of KINDS.entries()) {
    const fts = groups
      .map((group) => group.map((unit) => `(${alternatives(matchers.get(unit)!, depth).join(' OR ')})`).join(' AND '))
      .map((group) => (groups.length > 1 ? `(${group})` : group))
      .join(' OR ');
    if (fts === tiers[tiers.length - 1]?.fts) continue;
    const now = single ? alternatives(single, depth) : [];
    const added = single ? `(${now.filter((alt) => !before.includes(alt)).join(' OR ')})` : fts;
    tiers.push({ kind, fts, added });
    before = now;
  }
  return { tiers, units: [...matchers.values()], expanded: [...expanded.values()] };
}

const KINDS: readonly MatchKind[] = ['exact', 'stem', 'compound', 'concept'];

interface Unit extends TypedUnit {
  readonly concepts: readonly TermMatch[];
}

/** Consecutive words that make up a glossary term become one unit (restrictive measures), longest first. */
function joinTerms(typed: readonly TypedUnit[], index: ReturnType<typeof termIndex>): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < typed.length; ) {
    let taken = 1;
    let unit: Unit = { ...typed[i]!, concepts: [] };
    for (let n = Math.min(index.longest, typed.length - i); n >= 1; n--) {
      const span = typed.slice(i, i + n);
      // A prefix is never a term; hyphenated words may be part of one (confidence-building measures).
      if (span.some((u) => u.prefix)) continue;
      const words = span.flatMap((u) => u.words);
      const concepts = index.find(words);
      if (concepts.length === 0) continue;
      unit = { typed: span.map((u) => u.typed).join(' '), words, prefix: false, concepts };
      taken = n;
      break;
    }
    units.push(unit);
    i += taken;
  }
  return units;
}

function matcher(unit: Unit): UnitMatcher {
  const stems = unit.prefix ? null : new Map(LANGS.map((lang) => [lang, unit.words.map((w) => stem(lang, w))]));
  const single = unit.words.length === 1 && isLetters(unit.words[0]!) ? unit.words[0]! : null;
  const parts = single ? shortest([single, ...(stems ? [...stems.values()].map((s) => s[0]!) : [])]) : [];
  const forms = unit.concepts.flatMap(({ concept }) =>
    concept.forms.map(({ lang, form }): FormMatcher => ({ concept: concept.id, lang, form, words: foldedWords(form) })),
  );
  return { words: unit.words, prefix: unit.prefix, stems, parts, forms };
}

/** The candidates long enough to be a part, without those that contain another (it finds them anyway). */
function shortest(candidates: readonly string[]): string[] {
  const long = [...new Set(candidates)].filter((c) => c.length >= MIN_PART).sort((a, b) => a.length - b.length);
  return long.filter((c, i) => !long.slice(0, i).some((shorter) => c.startsWith(shorter)));
}

/** The unit's FTS5 alternatives for the kinds up to `depth`. */
function alternatives(m: UnitMatcher, depth: number): string[] {
  const alts = [`${EXACT_COLUMNS} : ${phrase(m.words)}${m.prefix ? '*' : ''}`];
  if (depth >= 1 && m.stems) for (const [lang, stems] of m.stems) alts.push(`${stemColumn(lang)} : ${phrase(stems)}`);
  if (depth >= 2) for (const part of m.parts) alts.push(...partAlternatives(part));
  if (depth >= 3) for (const form of m.forms) alts.push(`${EXACT_COLUMNS} : ${phrase(form.words)}`);
  return [...new Set(alts)];
}

// A word that starts with the part (cyber → cyberactiviteiten) or has it inside (the parts
// column holds every word's inner suffixes: kapacitetsopbygning → cyberkapacitetsopbygning).
const partAlternatives = (part: string): string[] => [`${EXACT_COLUMNS} : ${phrase([part])}*`, `parts : ${phrase([part])}*`];
