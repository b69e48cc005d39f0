import { HIGHLIGHT_END, HIGHLIGHT_START, MATCH_KINDS, type Lang, type MatchedForm, type MatchKind } from '../../../shared/corpus';
import type { Reading } from '../../../shared/readings';
import type { FormMatcher, UnitMatcher } from './expand';
import { stem } from './stem';
import { fold, foldedWords, words, type Word } from './words';

/** What a paragraph's search row stores for its snippet. */
export interface SnippetSource {
  readonly lang: Lang;
  readonly text: string;
  readonly notes: readonly { readonly n: number; readonly text: string; readonly readings: readonly TextReading[] }[];
  readonly readings: readonly TextReading[];
}

/** A damaged word of the text and its correct reading. */
export type TextReading = Pick<Reading, 'source' | 'reading'>;

export interface Snippet {
  readonly snippet: string;
  readonly footnote?: number;
  readonly matched: readonly MatchedForm[];
}

/** As many words as FTS5's own snippets show. */
export const SNIPPET_WORDS = 20;
// Words shown before the first match, so that it is read in its sentence.
const LEAD = 4;
const MAX_MATCHED = 8;

interface Mark {
  readonly first: number;
  readonly last: number;
  readonly unit: number;
  readonly kind: MatchKind;
  readonly concept?: string;
  readonly reading?: string;
}

/**
 * The snippet of a hit: about SNIPPET_WORDS words of the paragraph around its best matches,
 * each match between the highlight marks, or of a footnote when only a footnote matched;
 * and the forms that matched, by kind. The words are tested as the index tested them
 * (folded, stemmed in the paragraph's language, with the readings of damaged words).
 */
export function buildSnippet(source: SnippetSource, units: readonly UnitMatcher[]): Snippet {
  const body: Marked = { footnote: undefined, text: source.text, ...marked(source.text, source.lang, units, source.readings) };
  const notes = source.notes.map((f): Marked => ({ footnote: f.n, text: f.text, ...marked(f.text, source.lang, units, f.readings) }));
  const reach = (s: Marked): number => new Set(s.marks.map((m) => m.unit)).size;
  const best = notes.reduce((a, b) => (reach(b) > reach(a) ? b : a), body);
  const matched = [body, ...notes].flatMap((s) => s.marks.map((m) => ({ m, s })));
  const forms = new Map<string, MatchedForm>();
  for (const { m, s } of matched.sort((a, b) => rank(a.m.kind) - rank(b.m.kind))) {
    const form = s.text.slice(s.words[m.first]!.start, s.words[m.last]!.end);
    const key = `${m.kind}\u0000${form.toLowerCase()}`;
    if (forms.size < MAX_MATCHED && !forms.has(key)) {
      forms.set(key, { form, kind: m.kind, ...(m.concept ? { concept: m.concept } : {}), ...(m.reading ? { reading: m.reading } : {}) });
    }
  }
  const snippet = render(best.text, best.words, best.marks);
  return { snippet, ...(best.footnote === undefined ? {} : { footnote: best.footnote }), matched: [...forms.values()] };
}

interface Marked {
  readonly footnote: number | undefined;
  readonly text: string;
  readonly words: readonly Word[];
  readonly marks: readonly Mark[];
}

const rank = (kind: MatchKind): number => MATCH_KINDS.indexOf(kind);

/** The words of `text` and the matches among them: for each place, the best kind of the first unit found there. */
function marked(text: string, lang: Lang, units: readonly UnitMatcher[], readings: readonly TextReading[]) {
  const { words: ws, seq } = analysed(text, lang);
  // A damaged word is also read as its correct reading: a match there marks the source's words.
  const alternatives = readings.flatMap((r) => {
    const from = foldedWords(r.source);
    const reading = sequence(foldedWords(r.reading), lang);
    return occurrences(seq.folded, from).map((at) => ({ at, length: from.length, reading, text: r.reading }));
  });
  const found: Mark[] = [];
  units.forEach((unit, u) => {
    const inLang = forLang(unit, lang);
    for (let i = 0; i < ws.length; i++) {
      const here = matchAt(inLang, seq, i);
      if (here) found.push({ first: i, last: i + here.length - 1, unit: u, kind: here.kind, ...(here.concept ? { concept: here.concept } : {}) });
    }
    for (const alt of alternatives) {
      for (let j = 0; j < alt.reading.folded.length; j++) {
        const here = matchAt(inLang, alt.reading, j);
        if (here) {
          found.push({ first: alt.at, last: alt.at + alt.length - 1, unit: u, kind: here.kind, reading: alt.text, ...(here.concept ? { concept: here.concept } : {}) });
          break;
        }
      }
    }
  });
  // Where matches overlap, the better kind keeps its place.
  const marks: Mark[] = [];
  for (const m of found.sort((a, b) => rank(a.kind) - rank(b.kind) || a.first - b.first)) {
    if (!marks.some((o) => m.first <= o.last && o.first <= m.last)) marks.push(m);
  }
  return { words: ws, marks: marks.sort((a, b) => a.first - b.first) };
}

interface Sequence {
  readonly folded: readonly string[];
  readonly stems: readonly string[];
}

// Typing a query asks for the same paragraphs keystroke after keystroke: each paragraph's
// words are split and folded once, and kept for the next searches (keyed by the text itself,
// so a rebuilt corpus can never be answered from an older one).
const ANALYSED_LIMIT = 5000;
const analyses = new Map<string, { readonly words: readonly Word[]; readonly seq: Sequence }>();

function analysed(text: string, lang: Lang): { readonly words: readonly Word[]; readonly seq: Sequence } {
  const key = `${lang}:${text}`;
  let analysis = analyses.get(key);
  if (analysis) {
    analyses.delete(key); // most recently used last
  } else {
    const ws = words(text);
    analysis = { words: ws, seq: sequence(ws.map((w) => fold(w.text)), lang) };
    if (analyses.size >= ANALYSED_LIMIT) analyses.delete(analyses.keys().next().value!);
  }
  analyses.set(key, analysis);
  return analysis;
}

function sequence(folded: readonly string[], lang: Lang): Sequence {
  let stems: readonly string[] | undefined;
  // Stems only when a unit asks for them: a prefix query never does.
  return {
    folded,
    get stems() {
      return (stems ??= folded.map((w) => stem(lang, w)));
    },
  };
}

function occurrences(haystack: readonly string[], needle: readonly string[]): number[] {
  const at: number[] = [];
  if (needle.length === 0) return at;
  for (let i = 0; i + needle.length <= haystack.length; i++) if (startsAt(haystack, needle, i)) at.push(i);
  return at;
}

function startsAt(haystack: readonly string[], needle: readonly string[], i: number, prefix = false): boolean {
  if (i + needle.length > haystack.length) return false;
  const last = needle.length - 1;
  for (let k = 0; k < last; k++) if (haystack[i + k] !== needle[k]) return false;
  return prefix ? haystack[i + last]!.startsWith(needle[last]!) : haystack[i + last] === needle[last];
}

/** A unit as one language's paragraphs are tested for it. */
interface LangMatcher {
  readonly words: readonly string[];
  readonly prefix: boolean;
  readonly stems: readonly string[] | null;
  /** What a word must contain to be a compound with the unit in it (a prefix reaches inside words too). */
  readonly parts: readonly string[];
  readonly forms: readonly FormMatcher[];
}

function forLang(unit: UnitMatcher, lang: Lang): LangMatcher {
  return {
    words: unit.words,
    prefix: unit.prefix,
    stems: unit.stems?.get(lang) ?? null,
    parts: unit.prefix && unit.words.length === 1 ? [unit.words[0]!] : unit.parts,
    forms: unit.forms.filter((f) => f.lang === lang),
  };
}

/** The best kind by which the unit matches the words from `i` on, and how many words it takes. */
function matchAt(m: LangMatcher, seq: Sequence, i: number): { kind: MatchKind; length: number; concept?: string } | null {
  if (startsAt(seq.folded, m.words, i, m.prefix)) return { kind: 'exact', length: m.words.length };
  if (m.stems && startsAt(seq.stems, m.stems, i)) return { kind: 'stem', length: m.stems.length };
  const word = seq.folded[i]!;
  for (const part of m.parts) if (word.includes(part)) return { kind: 'compound', length: 1 };
  for (const form of m.forms) if (startsAt(seq.folded, form.words, i)) return { kind: 'concept', length: form.words.length, concept: form.concept };
  return null;
}

/** The window of words that shows the most different matches, earliest first, with its marks. */
function render(text: string, ws: readonly Word[], marks: readonly Mark[]): string {
  if (ws.length === 0) return text;
  let start = 0;
  let bestReach = -1;
  for (const m of marks) {
    const from = Math.max(0, Math.min(m.first - LEAD, ws.length - SNIPPET_WORDS));
    const reach = new Set(marks.filter((o) => o.first >= from && o.last < from + SNIPPET_WORDS).map((o) => o.unit)).size;
    if (reach > bestReach) [start, bestReach] = [from, reach];
  }
  const end = Math.min(ws.length, start + SNIPPET_WORDS);
  let out = start > 0 ? '…' : '';
  let at = start > 0 ? ws[start]!.start : 0;
  for (const m of marks) {
    if (m.first < start || m.last >= end) continue;
    out += text.slice(at, ws[m.first]!.start) + HIGHLIGHT_START + text.slice(ws[m.first]!.start, ws[m.last]!.end) + HIGHLIGHT_END;
    at = ws[m.last]!.end;
  }
  out += end < ws.length ? text.slice(at, ws[end - 1]!.end) + '…' : text.slice(at);
  // A snippet is one line: the paragraph's own breaks are the reader's to show.
  return out.replace(/\s+/g, ' ').trim();
}
