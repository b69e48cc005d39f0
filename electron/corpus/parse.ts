// The seed parser: one seed file (text extracted from a Council PDF) -> a clean,
// paragraph-addressed document. Pure and deterministic: no I/O, no clock, no randomness.
//
// Layout cleanup (page furniture, footnotes, markers) lives in ./layout, line joining and
// character classes in ./text; this module recognises the structure and renders the text.
//
// Anchors (language-independent: the same text structure gives the same anchors in every
// language version of a document):
//   intro            the cover note before the annex (kind 'intro')
//   h1, h2, ...      title lines and formulas inside the annex ("De Raad van de Europese Unie
//                    heeft de volgende conclusies aangenomen:", "RÅDET FOR DEN EUROPÆISKE UNION,",
//                    6122/15's "VERKLAART HET VOLGENDE:") (kind 'heading')
//   r1, r2, ...      recitals: the clauses opening with a participle in capitals before the
//                    operative part ("ONDERKENNEND ...", "SOM MINDER OM ...") (kind 'recital')
//   p1, p2, ...      numbered paragraphs; number as printed, or inferred where the source lost
//                    it (10119/24 §14, §15) (kind 'paragraph')
//   c1, c2, ...      unnumbered operative clauses before the first section heading (6122/15)
//   s1, s2, ...      section headings of an unnumbered operative part (kind 'heading', number null)
//   s<k>.c<j>        operative clauses inside section k (kind 'clause')
//   <parent>.i<k>    the k-th bullet or dash under a paragraph, recital or clause (kind 'indent',
//                    number String(k)): p5.i4, r1.i2, s2.c4.i2
//   <parent>.closing the words after a parent's indents that take up its lead-in again
//                    (kind 'closing'): 10119/24 p6.closing, 7290/21 r1.closing. A paragraph
//                    reads lead-in, items, closing words, as printed.
//
// Text: single spaces within a block; a numbered paragraph (recital, clause) made of several
// blocks keeps them apart with "\n" - its sub-paragraphs. The paragraph number, the bullet
// and the footnote markers are not part of the text (see `number`, `kind`, `footnoteMarks`).

import type { CorpusDocument, DocumentMeta, Footnote, FootnoteMark, Paragraph, ParagraphKind } from '../../shared/corpus';
import { bodyLines, extractFootnotes, readLines, stripMarkers, type BodyLine, type LineMark, type SourceLine } from './layout';
import {
  endsClosed,
  endsSentence,
  isAllUpper,
  isBullet,
  isCapsStart,
  isLoneConjunction,
  joinAll,
  startsLower,
  startsSentenceCase,
  stripBullet,
  vocabularyWord,
} from './text';

/** "1. De EU ...", "12. HILSER": a number, a dot, and a capital. */
const NUMBERED = /^(\d{1,3})\.\s+(?=["“„(]?\p{Lu})/u;
/** The largest jump in numbering accepted as lost numbers rather than a stray "20. ..." line. */
const MAX_NUMBER_GAP = 5;
/** An indent item whose last line is shorter than this share of the page width has ended. */
const SHORT_LINE = 0.7;

interface Part {
  readonly text: string;
  /** Starts a new block (sub-paragraph) of its unit. */
  readonly newBlock: boolean;
  /** The footnote markers that stood in this text, columns in `text`. */
  readonly marks: readonly LineMark[];
}

/** A part from a line, or from what is left of it once its number or bullet is cut off the front. */
function partOf(line: BodyLine, text: string, newBlock: boolean): Part {
  const cut = line.text.length - text.length;
  return { text, newBlock, marks: line.marks.map((m) => ({ n: m.n, col: m.col - cut })).filter((m) => m.col >= 0) };
}

interface Unit {
  readonly anchor: string;
  readonly kind: ParagraphKind;
  readonly number: string | null;
  readonly inferred: boolean;
  readonly parts: Part[];
}

interface Numbered {
  readonly n: number;
  readonly inferred: boolean;
}

export function parseSeed(text: string, meta: DocumentMeta): CorpusDocument {
  const lines = readLines(text, meta.docRef);
  const numberedDoc = lines.some((l) => l.kind === 'content' && !l.intro && /^1\.\s+["“„(]?\p{Lu}/u.test(l.text));
  const defs = extractFootnotes(lines, numberedDoc);
  stripMarkers(lines, defs);
  const body = bodyLines(lines);
  const vocabulary = buildVocabulary(lines);
  const annex = body.filter((b) => !b.intro);
  const units = structure(body, numberParagraphs(annex), typicalWidth(annex));

  const notes = defs.map((d) => ({ n: d.n, text: joinAll(d.lines, vocabulary), inferred: d.inferred })).filter((f) => f.text !== '');
  const noted = new Set(notes.map((f) => f.n));

  const paragraphs: Paragraph[] = [];
  /** Footnote number -> the paragraph that carries its marker. */
  const carriers = new Map<number, string>();
  for (const u of units) {
    const rendered = render(u, vocabulary);
    if (rendered.text === '') continue;
    const marks = rendered.marks.filter((m) => noted.has(m.n));
    for (const m of marks) carriers.set(m.n, u.anchor);
    paragraphs.push({
      anchor: u.anchor, kind: u.kind, number: u.number, inferred: u.inferred, text: rendered.text,
      footnotes: marks.map((m) => m.n), footnoteMarks: marks,
    });
  }
  const footnotes: Footnote[] = notes.map((f) => ({ n: f.n, text: f.text, anchor: carriers.get(f.n) ?? null, inferred: f.inferred }));
  return {
    docRef: meta.docRef,
    lang: meta.lang,
    title: meta.title,
    adopted: meta.adopted,
    meeting: meta.meeting,
    paragraphs,
    footnotes,
  };
}

/** Every word of the file, lower-cased: decides doubtful line-end hyphens (see joinLines). */
function buildVocabulary(lines: readonly SourceLine[]): Set<string> {
  const words = new Set<string>();
  for (const l of lines) {
    if (l.kind !== 'content') continue;
    for (const tok of l.text.split(/\s+/)) {
      const w = vocabularyWord(tok);
      if (w) words.add(w);
    }
  }
  return words;
}

/** The 90th percentile of the body lines' lengths: a full line. */
function typicalWidth(annex: readonly BodyLine[]): number {
  const lengths = annex.map((b) => b.text.length).sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.9)] ?? 80;
}

/**
 * The numbered paragraphs: lines "n. Text" with n increasing from 1. Where the numbering
 * jumps (13 -> 16 in 10119/24), the paragraphs whose numbers were lost are the blocks in
 * between that open with a verb in capitals after a finished sentence ("NEEMT NOTA van ...",
 * "BENADRUKT het belang ..."); they are numbered, marked inferred, only when their count
 * fills the gap exactly.
 */
function numberParagraphs(annex: readonly BodyLine[]): Map<number, Numbered> {
  const result = new Map<number, Numbered>();
  const starts: { pos: number; n: number }[] = [];
  let last = 0;
  annex.forEach((b, pos) => {
    const m = NUMBERED.exec(b.text);
    if (!m) return;
    const n = Number(m[1]);
    if (last === 0 ? n === 1 : n > last && n <= last + MAX_NUMBER_GAP) {
      starts.push({ pos, n });
      last = n;
    }
  });
  starts.forEach((s, i) => {
    result.set(annex[s.pos]?.index ?? -1, { n: s.n, inferred: false });
    const next = starts[i + 1];
    if (!next || next.n - s.n <= 1) return;
    const found: number[] = [];
    for (let p = s.pos + 1; p < next.pos; p++) {
      const b = annex[p];
      const before = annex[p - 1];
      if (!b || !before) continue;
      const separated = b.blanks > 0 || b.spaces > 0 || b.pageBreak || b.afterFootnotes;
      if (separated && isCapsStart(b.text) && !isBullet(b.text) && /[.!?]["”’)]*$/u.test(before.text)) found.push(p);
    }
    if (found.length !== next.n - s.n - 1) return;
    found.forEach((p, k) => result.set(annex[p]?.index ?? -1, { n: s.n + k + 1, inferred: true }));
  });
  return result;
}

/**
 * A new block (sub-paragraph) inside a paragraph: the previous line ends a sentence, this
 * one opens with a capital or a digit, and the layout separates them - a line of white
 * space or two empty lines on a double-spaced page, an empty line on a single-spaced one.
 * (10119/24 sets the last line of many paragraphs apart by an empty line: those lines do
 * not open with a capital after a full stop, so they stay in their block.)
 */
function blockBreak(prev: BodyLine, line: BodyLine): boolean {
  const separated = line.prevPageDoubleSpaced ? line.spaces >= 1 || line.blanks >= 2 : line.blanks >= 1 || line.spaces >= 1;
  return separated && /[.!?:;]["”’)\]]*$/u.test(prev.text) && /^["“„(]?[\p{Lu}\d]/u.test(line.text);
}

type Phase = 'preamble' | 'recitals' | 'operative' | 'paragraphs';

function structure(body: readonly BodyLine[], numbering: ReadonlyMap<number, Numbered>, width: number): Unit[] {
  const units: Unit[] = [];
  const open = (anchor: string, kind: ParagraphKind, number: string | null, inferred: boolean): Unit => {
    const u: Unit = { anchor, kind, number, inferred, parts: [] };
    units.push(u);
    return u;
  };

  // The cover note.
  const intro = body.filter((b) => b.intro);
  if (intro.length) {
    const u = open('intro', 'intro', null, false);
    intro.forEach((b, i) => {
      const before = intro[i - 1];
      u.parts.push(partOf(b, b.text, before !== undefined && blockBreak(before, b)));
    });
  }

  let phase: Phase = 'preamble';
  let cur: Unit | null = null;
  /** The paragraph, recital or clause that owns the current indents. */
  let parent: Unit | null = null;
  let indents = 0;
  let headings = 0;
  let recitals = 0;
  let sections = 0;
  let clauses = 0;
  /**
   * "EN" alone on a line between two clauses (6122/15, twice): it joins the clause it
   * introduces, as that clause's first line ("EN\nVERZOEKT de EU ..."), so the operative
   * flow reads as printed and no anchor is spent on a conjunction.
   */
  let pendingConjunction: BodyLine | null = null;
  let prev: BodyLine | null = null;

  /** `text` is what `line` says once its number or bullet is cut off. */
  const start = (u: Unit, line: BodyLine, text: string): void => {
    if (pendingConjunction !== null) {
      u.parts.push(partOf(pendingConjunction, pendingConjunction.text, false));
      u.parts.push(partOf(line, text, true));
      pendingConjunction = null;
    } else u.parts.push(partOf(line, text, false));
    cur = u;
  };
  const openParent = (u: Unit, line: BodyLine, text: string): void => {
    start(u, line, text);
    parent = u;
    indents = 0;
  };

  const annex = body.filter((b) => !b.intro);
  for (let pos = 0; pos < annex.length; pos++) {
    const line = annex[pos];
    if (!line) continue;
    const t = line.text;
    const before: BodyLine | null = prev;
    prev = line;
    const current = cur as Unit | null;
    const prevClosed =
      before === null || endsClosed(before.text) || current?.kind === 'heading' || pendingConjunction !== null;

    const num = numbering.get(line.index);
    if (num) {
      phase = 'paragraphs';
      const u = open(`p${num.n}`, 'paragraph', String(num.n), num.inferred);
      openParent(u, line, num.inferred ? t : t.replace(/^\d{1,3}\.\s+/, ''));
      continue;
    }

    if (phase === 'preamble') {
      if (isCapsStart(t)) phase = 'recitals';
      else {
        // Title lines: an all-capitals title runs over several lines; a lower-case line
        // continues the line before; anything else opens the next heading.
        const heading = current?.kind === 'heading' ? current : null;
        const headingText = heading ? heading.parts.map((p) => p.text).join(' ') : '';
        const continues =
          heading !== null &&
          before !== null &&
          (startsLower(t) || before.text.endsWith('-') || (isAllUpper(headingText) && isAllUpper(t) && !endsClosed(before.text)));
        if (continues && heading) heading.parts.push(partOf(line, t, false));
        else start(open(`h${++headings}`, 'heading', null, false), line, t);
        continue;
      }
    }

    if ((phase === 'recitals' || phase === 'operative') && isLoneConjunction(t)) {
      pendingConjunction = line;
      continue;
    }

    if (isBullet(t) && parent !== null) {
      const owner: Unit = parent;
      start(open(`${owner.anchor}.i${++indents}`, 'indent', String(indents), false), line, stripBullet(t));
      continue;
    }

    if (phase === 'recitals') {
      if (isAllUpper(t) && t.endsWith(':') && prevClosed) {
        // "VERKLAART HET VOLGENDE:" - the formula that opens the operative part, the
        // counterpart of "heeft de volgende conclusies aangenomen:": a heading.
        start(open(`h${++headings}`, 'heading', null, false), line, t);
        parent = null;
        phase = 'operative';
        continue;
      }
      if (isCapsStart(t) && prevClosed) {
        openParent(open(`r${++recitals}`, 'recital', null, false), line, t);
        continue;
      }
    }

    if (phase === 'operative') {
      if (isCapsStart(t) && prevClosed) {
        const anchor = sections > 0 ? `s${sections}.c${++clauses}` : `c${++clauses}`;
        openParent(open(anchor, 'clause', null, false), line, t);
        continue;
      }
      // A section heading: a line in sentence case after a finished clause, without final
      // punctuation, followed (after at most one more heading line) by a clause.
      const clauseFollows = annex.slice(pos + 1, pos + 3).some((b) => isCapsStart(b.text));
      if (startsSentenceCase(t) && prevClosed && current?.kind !== 'heading' && !endsClosed(t) && clauseFollows) {
        start(open(`s${++sections}`, 'heading', null, false), line, t);
        clauses = 0;
        parent = null;
        continue;
      }
    }

    // A continuation line.
    if (pendingConjunction !== null && current) {
      current.parts.push(partOf(pendingConjunction, pendingConjunction.text, false));
      pendingConjunction = null;
    }
    if (current === null) {
      start(open(`h${++headings}`, 'heading', null, false), line, t);
      continue;
    }
    if (current.kind === 'indent' && parent !== null && before !== null) {
      // Back to the parent after its indents, in closing words of their own that follow the
      // items: a verb in capitals after a finished item (10119/24 §6 "MERKT OP ..."), or a
      // lower-case line after an item whose last line stopped short (7290/21's first recital:
      // "og Rådets resolution om kryptering ...").
      const owner: Unit = parent;
      const back =
        (isCapsStart(t) && endsSentence(before.text)) ||
        (startsLower(t) && before.text.length < SHORT_LINE * width && !before.text.endsWith('-'));
      if (back) {
        start(open(`${owner.anchor}.closing`, 'closing', null, false), line, t);
        // The closing words end the parent: a later bullet cannot be one of its items.
        parent = null;
      } else current.parts.push(partOf(line, t, false));
      continue;
    }
    const newBlock = current.kind !== 'heading' && before !== null && blockBreak(before, line);
    current.parts.push(partOf(line, t, newBlock));
  }
  return units;
}

/**
 * Stands for a footnote marker while lines are joined, so that the marker keeps its place
 * whatever the joining does to spaces and hyphens. A Unicode noncharacter: never in a text.
 */
const MARK = '\uFDD0';

/**
 * The text of a unit: its blocks joined by "\n", each block's lines joined by single spaces;
 * and where its footnote markers stood in that text.
 */
function render(u: Unit, vocabulary: ReadonlySet<string>): { text: string; marks: FootnoteMark[] } {
  const numbers: number[] = [];
  const blocks: string[][] = [];
  for (const p of u.parts) {
    let text = p.text;
    // From the right, so that the columns to the left stay true.
    for (const m of [...p.marks].sort((a, b) => b.col - a.col)) text = text.slice(0, m.col) + MARK + text.slice(m.col);
    numbers.push(...[...p.marks].sort((a, b) => a.col - b.col).map((m) => m.n));
    const last = blocks.at(-1);
    if (!last || (p.newBlock && last.length > 0)) blocks.push([text]);
    else last.push(text);
  }
  const marked = blocks
    .map((b) => joinAll(b, vocabulary))
    .filter((b) => b !== '')
    .join('\n');
  const marks: FootnoteMark[] = [];
  let text = '';
  for (const ch of marked) {
    if (ch === MARK) marks.push({ n: numbers[marks.length] ?? 0, offset: text.length });
    else text += ch;
  }
  return { text, marks };
}
