import { memoised } from './memo';

/**
 * Words as search sees them, in the paragraphs and in what the user types alike, so that
 * both sides always meet: a word is a run of letters and digits, and it is compared folded.
 */

export interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

// What each UTF-16 unit is, worked out the first time it is met: a letter or digit starts or
// continues a word; a mark only continues one (so that text in decomposed form, e + U+0308,
// stays one word); surrogates count as letters, so a word may hold characters beyond the BMP.
const UNKNOWN = 0;
const START = 1;
const INSIDE = 2;
const OUTSIDE = 3;
const classes = new Uint8Array(0x10000);

function classOf(code: number): number {
  let kind = classes[code]!;
  if (kind === UNKNOWN) {
    const ch = String.fromCharCode(code);
    kind = /[\p{L}\p{N}]/u.test(ch) || (code >= 0xd800 && code <= 0xdfff) ? START : /\p{M}/u.test(ch) ? INSIDE : OUTSIDE;
    classes[code] = kind;
  }
  return kind;
}

/** The words of `text` with their offsets. */
export function words(text: string): Word[] {
  const found: Word[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const kind = i < text.length ? classOf(text.charCodeAt(i)) : OUTSIDE;
    if (start < 0) {
      if (kind === START) start = i;
    } else if (kind === OUTSIDE) {
      found.push({ text: text.slice(start, i), start, end: i });
      start = -1;
    }
  }
  return found;
}

// Letters that are not a base letter with a diacritic: Danish spells them out (ø → o, æ → ae,
// å → aa, as a reader types them without a Danish keyboard); the rest for the sake of names.
const SPELLED_OUT: Readonly<Record<string, string>> = { æ: 'ae', ø: 'o', å: 'aa', œ: 'oe', ß: 'ss', đ: 'd', ł: 'l', ı: 'i' };
const SPELLED = new RegExp(`[${Object.keys(SPELLED_OUT).join('')}]`, 'gu');
const MARKS = /\p{M}/gu;

/**
 * Lower case, Danish letters spelled out and every other diacritic dropped: "Værktøjskasse"
 * and "vaerktojskasse" are one word, as are "samērība" and "sameriba".
 */
export const fold = memoised((word: string): string =>
  word
    .toLowerCase()
    .replace(SPELLED, (ch) => SPELLED_OUT[ch] ?? ch)
    .normalize('NFD')
    .replace(MARKS, ''),
);

/** The folded words of `text`, in order. */
export const foldedWords = (text: string): string[] => words(text).map((w) => fold(w.text));

/** A word of letters only (no digits): only these are stemmed or split as compounds. */
export const isLetters = (folded: string): boolean => /^\p{L}+$/u.test(folded);
