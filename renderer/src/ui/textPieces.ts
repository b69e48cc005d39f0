import type { FootnoteMark, Lang } from '../../../shared/corpus';
import { READINGS, type Reading } from '../../../shared/readings';

// A paragraph's verbatim text as the screen shows it: its sub-paragraphs, the footnote
// markers at their places, and the OCR readings over the damaged words. The text itself is
// never changed; this only says where each of those stands in it.

export type Piece =
  | { readonly kind: 'text'; readonly text: string }
  /** A damaged word of the source (`source`), shown as its correct form (`reading`). */
  | { readonly kind: 'reading'; readonly source: string; readonly reading: string }
  | { readonly kind: 'mark'; readonly n: number };

/** The readings of one paragraph (or of footnote n, anchor `fn<n>`) of a document in one language. */
export function readingsOf(docRef: string, lang: Lang, anchor: string): readonly Reading[] {
  return READINGS.filter((r) => r.docRef === docRef && r.lang === lang && r.anchor === anchor);
}

// A word is letters and digits joined by hyphens ("Al-technologieén"): a reading of
// "technologieén" is not one of "Al-technologieén".
const WORD_CHAR = /[\p{L}\p{N}-]/u;

interface Span {
  readonly start: number;
  readonly end: number;
  readonly reading: Reading;
}

/** Every place of every reading's source as a whole word, longest sources first, none overlapping. */
function readingSpans(text: string, readings: readonly Reading[]): Span[] {
  const spans: Span[] = [];
  for (const reading of [...readings].sort((a, b) => b.source.length - a.source.length)) {
    for (let at = text.indexOf(reading.source); at >= 0; at = text.indexOf(reading.source, at + 1)) {
      const end = at + reading.source.length;
      const whole = !WORD_CHAR.test(text[at - 1] ?? ' ') && !WORD_CHAR.test(text[end] ?? ' ');
      if (whole && spans.every((s) => end <= s.start || at >= s.end)) spans.push({ start: at, end, reading });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** How many places of the text a reading corrects. */
export function readingCount(text: string, readings: readonly Reading[]): number {
  return readingSpans(text, readings).length;
}

/**
 * The text cut into its blocks (split at "\n") and each block into pieces in reading order.
 * A marker before a line break ends the block before it.
 */
export function textPieces(text: string, marks: readonly FootnoteMark[], readings: readonly Reading[]): Piece[][] {
  const spans = readingSpans(text, readings);
  const blocks: Piece[][] = [[]];
  let buffer = '';
  const block = (): Piece[] => blocks[blocks.length - 1]!;
  const flush = (): void => {
    if (buffer !== '') block().push({ kind: 'text', text: buffer });
    buffer = '';
  };
  const marksIn = (from: number, to: number): void => {
    const here = marks.filter((m) => m.offset >= from && m.offset < to);
    if (here.length > 0) flush();
    for (const m of here) block().push({ kind: 'mark', n: m.n });
  };
  let span = 0;
  for (let i = 0; i < text.length; ) {
    marksIn(i, i + 1);
    const s = spans[span];
    if (s && s.start === i) {
      flush();
      block().push({ kind: 'reading', source: s.reading.source, reading: s.reading.reading });
      // A marker never stands inside a word; should one, it follows the word.
      marksIn(i + 1, s.end);
      i = s.end;
      span += 1;
      continue;
    }
    if (text[i] === '\n') {
      flush();
      blocks.push([]);
    } else buffer += text[i];
    i += 1;
  }
  flush();
  marksIn(text.length, Infinity);
  return blocks;
}
