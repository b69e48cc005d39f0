// Layout cleanup for a seed file: the text extracted from a Council PDF, with page headers
// and footers, page breaks, footnote blocks at the bottom of pages and footnote markers glued
// to words. This module turns it into classified lines: page furniture dropped, footnotes
// collected apart, markers detached (their places kept), and for every body line the gap
// that precedes it.
// Pure: no I/O.

import { isBullet, isCapsStart, startsSentenceCase } from './text';

export type LineKind =
  /** "" */
  | 'blank'
  /** white space only, short (" "): in double-spaced pages it separates paragraphs */
  | 'space'
  /** white space only, long: the rule above a footnote block */
  | 'separator'
  /** page furniture: headers, footers, signature block, timestamps */
  | 'noise'
  /** the lone "BIJLAGE" / "PIELIKUMS" / "BILAG" that opens the annex */
  | 'annex'
  | 'content';

export interface SourceLine {
  readonly index: number;
  readonly kind: LineKind;
  /** Trimmed text; footnote markers are removed from body lines in place. */
  text: string;
  /** The footnote markers removed from `text`, in order. */
  readonly marks: LineMark[];
  /** 0-based page number. */
  readonly page: number;
  /** The first content line of a page. */
  readonly pageStart: boolean;
  /** Before the annex (the cover note). */
  readonly intro: boolean;
  /** Inside a footnote block (from its first line to the end of the page). */
  footnote: boolean;
}

export interface FootnoteDef {
  readonly n: number;
  /** Index of the footnote's first line. */
  readonly start: number;
  readonly page: number;
  /** Its text lines, the number removed. */
  readonly lines: string[];
  /** True when the number was lost in the source (10119/24 notes 6-8) and inferred from the order. */
  readonly inferred: boolean;
}

/** Where a footnote marker stood in a line: before `text[col]`. */
export interface LineMark {
  readonly n: number;
  readonly col: number;
}

/** A body line (not furniture, not a footnote) with the gap that precedes it. */
export interface BodyLine {
  readonly index: number;
  readonly text: string;
  readonly marks: readonly LineMark[];
  readonly page: number;
  readonly pageStart: boolean;
  readonly intro: boolean;
  /** Empty lines since the previous body line (footnote blocks and furniture not counted). */
  readonly blanks: number;
  /** Lines of white space only (" ") since the previous body line. */
  readonly spaces: number;
  /** A page break lies between this line and the previous body line. */
  readonly pageBreak: boolean;
  /** A footnote block lies between this line and the previous body line. */
  readonly afterFootnotes: boolean;
  /** The page of the previous body line is double-spaced (an empty line after every line). */
  readonly prevPageDoubleSpaced: boolean;
}

const ANNEX_WORDS =
  'BIJLAGE|PIELIKUMS|BILAG|BILAGA|ANNEX|ANNEXE|ANHANG|ANEXO|ALLEGATO|LIITE|LISA|PRIEDAS|PRÍLOHA|PŘÍLOHA|PRILOGA|PRILOG|MELLÉKLET|ANEKS|ANEXA|IARSCRÍBHINN|ПРИЛОЖЕНИЕ|ΠΑΡΑΡΤΗΜΑ';
/** The lone word that opens the annex. */
const ANNEX_MARK = new RegExp(`^(?:${ANNEX_WORDS})$`, 'u');
/** "BIJLAGE DG D 2B  NL", "BILAG JAI.2  DA", "BIJLAGE RELEX.5 NL", "PIELIKUMS DG C 1 LV". */
const ANNEX_FOOTER = new RegExp(`^(?:${ANNEX_WORDS})\\s+\\S.*\\s\\p{Lu}{2}$`, 'u');
/** "10474/17   gys/GRA/ev 4", "7290/21   kmm 8", "10119/24 HEIl/pc". */
const DOCREF_FOOTER =
  /^(\d{1,6}\/\d{2}(?:\s+(?:REV|ADD|COR)\s*\d+)*)\s+(\p{L}{2,6}(?:\/[\p{L}.]+)*)(?:\s+\d{1,3})?$/u;
/** "2024-05-21T11:35:04+0000" (the signature's timestamp). */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const SIGNATURE = /^(?:Guarantee of Integrity and Authenticity|Digitally signed by.*)$/i;
/** A lone capital ("O"), a remnant of the signature stamp. */
const LONE_LETTER = /^\p{Lu}$/u;

const FOOTNOTE_LINE = /^(\d{1,3})\s+(\S.*)$/;
/** A page's footnote block is never longer than this (guards against a body line like "3 december ..."). */
const MAX_FOOTNOTE_BLOCK = 60;

function isFooter(text: string, docRef: string): boolean {
  if (text.length > 45) return false;
  if (ANNEX_FOOTER.test(text)) return true;
  const m = DOCREF_FOOTER.exec(text);
  return m !== null && (m[1] === docRef || (m[2] ?? '').includes('/'));
}

function isNoise(text: string, docRef: string): boolean {
  return isFooter(text, docRef) || TIMESTAMP.test(text) || SIGNATURE.test(text) || LONE_LETTER.test(text);
}

/**
 * Splits the file into classified lines, assigns pages and separates the cover note.
 * A page starts at a line indented by exactly one space (how the extraction marks a new
 * PDF page) or after a page footer.
 */
export function readLines(text: string, docRef: string): SourceLine[] {
  const raws = text.replace(/\r\n?/g, '\n').split('\n');
  interface Pre {
    kind: LineKind;
    text: string;
    raw: string;
  }
  const pre: Pre[] = raws.map((raw) => {
    const t = raw.replace(/[\t\u00A0\u2000-\u200A\u202F\u205F\u3000\f\v]/g, ' ').trim();
    let kind: LineKind;
    if (t === '') kind = raw === '' ? 'blank' : raw.replace(/\t/g, '    ').length >= 5 ? 'separator' : 'space';
    else if (isNoise(t, docRef)) kind = 'noise';
    else if (ANNEX_MARK.test(t)) kind = 'annex';
    else kind = 'content';
    return { kind, text: t, raw };
  });

  // The annex opens at the lone annex word; without one (10119/24), at the second page.
  let annexAt = pre.findIndex((l) => l.kind === 'annex');
  const firstContent = pre.findIndex((l) => l.kind === 'content');
  if (annexAt < 0) {
    annexAt = pre.findIndex((l, i) => i > firstContent && l.kind === 'content' && /^ \S/.test(l.raw));
    if (annexAt < 0) annexAt = 0; // no visible cover note: everything is the annex
  } else {
    // Only the first lone annex word opens the annex; later ones are mere furniture.
    pre.forEach((l, i) => {
      if (i > annexAt && l.kind === 'annex') l.kind = 'noise';
    });
  }

  const out: SourceLine[] = [];
  let page = 0;
  let seenContent = false;
  let breakPending = false;
  pre.forEach((l, index) => {
    let pageStart = false;
    if (l.kind === 'content' || l.kind === 'annex') {
      if (seenContent && (breakPending || /^ \S/.test(l.raw))) {
        page += 1;
        pageStart = true;
      } else if (!seenContent) pageStart = true;
      seenContent = true;
      breakPending = false;
    } else if (l.kind === 'noise' && isFooter(l.text, docRef)) {
      breakPending = true;
    }
    out.push({ index, kind: l.kind, text: l.text, marks: [], page, pageStart, intro: index < annexAt, footnote: false });
  });
  return out;
}

function pagesOf(lines: readonly SourceLine[]): SourceLine[][] {
  const pages: SourceLine[][] = [];
  for (const l of lines) (pages[l.page] ??= []).push(l);
  return pages.filter((p) => p !== undefined);
}

/** Groups a page's content lines into blocks separated by empty or white-space lines. */
function blocksOf(pageLines: readonly SourceLine[]): SourceLine[][] {
  const blocks: SourceLine[][] = [];
  let cur: SourceLine[] = [];
  for (const l of pageLines) {
    if (l.kind === 'content' && !l.footnote) cur.push(l);
    else if (l.kind === 'blank' || l.kind === 'space' || l.kind === 'separator') {
      if (cur.length) blocks.push(cur);
      cur = [];
    }
  }
  if (cur.length) blocks.push(cur);
  return blocks;
}

const NUMBERED_START = /^(\d{1,3})\.\s+["“„(]?\p{Lu}/u;

/**
 * Finds the footnote blocks at the bottom of pages, marks their lines and returns the notes.
 *
 * A block starts at a line "<n> text" (not the first line of its page) where n is the next
 * footnote number of the document (numbering is per document and increasing) and runs to
 * the end of the page; a line starting with the following number opens the next note, any
 * other line continues the current one.
 *
 * Notes whose numbers were lost (10119/24 has three) are recognised, only in documents with
 * numbered paragraphs and only on pages without a numbered note, as the last blocks of the
 * page that have two lines or more, open in sentence case ("Verslag van de Commissie ...",
 * not a number, a verb in capitals or a bullet - the ways a body block opens in such a
 * document) and follow a line that ends a sentence. They take the next numbers, in order.
 */
export function extractFootnotes(lines: SourceLine[], numberedDoc: boolean): FootnoteDef[] {
  const defs: FootnoteDef[] = [];
  for (const pageLines of pagesOf(lines)) {
    const content = pageLines.filter((l) => l.kind === 'content');
    let zoneAt = -1;
    for (let i = 1; i < content.length; i++) {
      const m = FOOTNOTE_LINE.exec(content[i]?.text ?? '');
      if (m && Number(m[1]) === defs.length + 1 && content.length - i <= MAX_FOOTNOTE_BLOCK) {
        zoneAt = i;
        break;
      }
    }
    if (zoneAt >= 0) {
      const startIndex = content[zoneAt]?.index ?? 0;
      for (const l of pageLines) if (l.index >= startIndex) l.footnote = true;
      let current: string[] | null = null;
      for (const l of content.slice(zoneAt)) {
        const m = FOOTNOTE_LINE.exec(l.text);
        if (m && Number(m[1]) === defs.length + 1) {
          current = [m[2] ?? ''];
          defs.push({ n: Number(m[1]), start: l.index, page: l.page, lines: current, inferred: false });
        } else if (current) current.push(l.text);
      }
      continue;
    }
    if (!numberedDoc || defs.length === 0) continue;
    const blocks = blocksOf(pageLines);
    const tail: SourceLine[][] = [];
    for (let b = blocks.length - 1; b >= 1; b--) {
      const block = blocks[b] ?? [];
      const first = block[0]?.text ?? '';
      const before = blocks[b - 1]?.at(-1)?.text ?? '';
      const looksLikeNote =
        block.length >= 2 &&
        startsSentenceCase(first) &&
        !isCapsStart(first) &&
        !isBullet(first) &&
        !NUMBERED_START.test(first) &&
        /[.!?]["”’)]*$/u.test(before);
      if (!looksLikeNote) break;
      tail.unshift(block);
    }
    for (const block of tail) {
      for (const l of block) l.footnote = true;
      const first = block[0];
      if (!first) continue;
      defs.push({ n: defs.length + 1, start: first.index, page: first.page, lines: block.map((l) => l.text), inferred: true });
    }
    // Blank lines between the inferred notes belong to the footnote zone as well.
    if (tail.length) {
      const from = tail[0]?.[0]?.index ?? Infinity;
      for (const l of pageLines) if (l.index >= from) l.footnote = true;
    }
  }
  return defs;
}

/** Words after which a bare number is a reference ("artikel 3,"), not a footnote marker. */
const NUMBER_WORDS =
  /^(?:art|artikel|artikels|article|articles|artikla|lid|punt|nr|no|stk|pants|punkts|daļa|nodaļa|paragraph|para|afsnit|bilag|kapitel|hoofdstuk|titel|deel|afdeling|rev|cor|add|doc)\.?$/i;

interface Candidate {
  readonly category: number;
  readonly line: SourceLine;
  readonly from: number;
  readonly to: number;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const toSuperscript = (s: string): string => s.replace(/\d/g, (d) => SUPERSCRIPT[Number(d)] ?? d);

/**
 * Candidate markers of footnote `n` in a line, from column `col`:
 *  1. glued to a word: "cyberbeveiliging1", "OVSE4", "(FIMI)2.", "internet"1", "5G5", or a
 *     year carrying the marker ("20153" -> 2015, "2019-202420" -> 2019-2024);
 *  2. a separate number after a word, as the Latvian version prints them: "stratēģiju 1, jo";
 *  3. an OCR-garbled marker glued to a word (10119/24: "bevorderen!.", "campagnes?®,",
 *     "entiteiten*,", "2023%", "activiteiten’,").
 * A number never loses digits that are not the marker: "2013" is not "201" + 3, "3551e" and
 * "42(7)" are not markers.
 */
function candidatesIn(line: SourceLine, col: number, n: number): Candidate[] {
  const ks = String(n);
  const out: Candidate[] = [];
  const tokens = [...line.text.matchAll(/\S+/g)];
  tokens.forEach((m, ti) => {
    const tok = m[0];
    const at = m.index ?? 0;
    if (at < col) return;
    const core = tok.replace(/[,.;:)\]]+$/u, '');
    const trailing = tok.slice(core.length);
    const digits = /\d+$/.exec(core)?.[0] ?? '';
    const prefix = core.slice(0, core.length - digits.length);
    if (digits) {
      if (prefix !== '' && digits === ks && /[\p{L})\]"”’'»]$/u.test(prefix)) {
        out.push({ category: 1, line, from: at + prefix.length, to: at + core.length });
        return;
      }
      if (
        digits.length === 4 + ks.length &&
        /^(?:19|20)\d\d/.test(digits) &&
        digits.endsWith(ks) &&
        !/[\p{L}/.]$/u.test(prefix)
      ) {
        out.push({ category: 1, line, from: at + core.length - ks.length, to: at + core.length });
        return;
      }
      if (prefix === '' && digits === ks && ti > 0) {
        const prev = tokens[ti - 1]?.[0] ?? '';
        const next = tokens[ti + 1]?.[0] ?? '';
        const follows = trailing === ',' || trailing === ';' || trailing === ':' || (trailing === '' && /^\p{Ll}/u.test(next));
        if (follows && /\p{Ll}$/u.test(prev) && !NUMBER_WORDS.test(prev)) {
          const prevEnd = (tokens[ti - 1]?.index ?? 0) + prev.length;
          out.push({ category: 2, line, from: prevEnd, to: at + core.length });
        }
        return;
      }
      return;
    }
    const sup = toSuperscript(ks);
    if (core.endsWith(sup) && core.length > sup.length) {
      out.push({ category: 1, line, from: at + core.length - sup.length, to: at + core.length });
      return;
    }
    const ocr = /^(.*[\p{L}\p{N})\]])([!?®*%’†‡]{1,2})$/u.exec(core);
    if (ocr && (trailing !== '' || ti === tokens.length - 1 || /^\p{Ll}/u.test(tokens[ti + 1]?.[0] ?? ''))) {
      out.push({ category: 3, line, from: at + (ocr[1] ?? '').length, to: at + core.length });
    }
  });
  return out;
}

/**
 * Removes the footnote markers from the body lines and keeps their places in the lines'
 * `marks`. The marker of note n is looked for after the marker of note n-1 and before the
 * note itself, on the note's page or the one before ("defined nearby"); glued numbers are
 * preferred to separate numbers, and those to OCR-garbled symbols. A note whose marker is
 * not found keeps its text; nothing is removed.
 */
export function stripMarkers(lines: SourceLine[], defs: readonly FootnoteDef[]): void {
  let fromLine = 0;
  let fromCol = 0;
  for (const def of defs) {
    const body = lines.filter(
      (l) => l.kind === 'content' && !l.footnote && l.index >= fromLine && l.index < def.start && l.page >= def.page - 1,
    );
    const found: Candidate[] = [];
    for (const l of body) found.push(...candidatesIn(l, l.index === fromLine ? fromCol : 0, def.n));
    const best = [1, 2, 3].map((c) => found.find((f) => f.category === c)).find((f) => f !== undefined);
    if (!best) continue;
    best.line.text = best.line.text.slice(0, best.from) + best.line.text.slice(best.to);
    // Markers are found left to right, so the earlier marks of the line keep their columns.
    best.line.marks.push({ n: def.n, col: best.from });
    fromLine = best.line.index;
    fromCol = best.from;
  }
}

/** The body lines (cover note and annex, no furniture, no footnotes) with their gaps. */
export function bodyLines(lines: readonly SourceLine[]): BodyLine[] {
  // Double spacing per page: most consecutive body lines separated by exactly one empty line.
  const single = new Map<number, number>();
  const double = new Map<number, number>();
  {
    let prev: SourceLine | null = null;
    let blanks = 0;
    let other = false;
    for (const l of lines) {
      if (l.kind === 'content' && !l.footnote) {
        if (prev && prev.page === l.page && !other) {
          if (blanks === 0) single.set(l.page, (single.get(l.page) ?? 0) + 1);
          else if (blanks === 1) double.set(l.page, (double.get(l.page) ?? 0) + 1);
        }
        prev = l;
        blanks = 0;
        other = false;
      } else if (l.kind === 'blank' && !l.footnote) blanks += 1;
      else other = true;
    }
  }
  const isDouble = (page: number): boolean => (double.get(page) ?? 0) > (single.get(page) ?? 0);

  const out: BodyLine[] = [];
  let prev: SourceLine | null = null;
  let blanks = 0;
  let spaces = 0;
  let afterFootnotes = false;
  for (const l of lines) {
    if (l.footnote) {
      afterFootnotes = true;
      continue;
    }
    if (l.kind === 'blank') blanks += 1;
    else if (l.kind === 'space') spaces += 1;
    else if (l.kind === 'content') {
      out.push({
        index: l.index,
        text: l.text,
        marks: l.marks,
        page: l.page,
        pageStart: l.pageStart,
        intro: l.intro,
        blanks,
        spaces,
        pageBreak: prev !== null && prev.page !== l.page,
        afterFootnotes,
        prevPageDoubleSpaced: prev !== null && isDouble(prev.page),
      });
      prev = l;
      blanks = 0;
      spaces = 0;
      afterFootnotes = false;
    }
  }
  return out;
}
