// The corpus as both sides see it: documents made of paragraphs addressed by
// docRef + anchor, the same anchor in every language of a document.

/** Every language the corpus holds, in the order the app shows them: the one list of them. */
export const LANGS = ['nl', 'lv', 'da'] as const;
export type Lang = (typeof LANGS)[number];

/** One language, or every language a document has: what a reader may choose to be quoted in. */
export const LANG_CHOICES = [...LANGS, 'all'] as const;
export type LangChoice = (typeof LANG_CHOICES)[number];
export const isLangChoice = (value: unknown): value is LangChoice => (LANG_CHOICES as readonly unknown[]).includes(value);

/**
 * intro     the cover note before the annex
 * heading   a title or section heading inside the annex (6122/15 sections)
 * recital   an unnumbered considerans (ONDERKENNEND..., SOM MINDER OM...)
 * paragraph a numbered paragraph (p1..pN)
 * clause    an unnumbered operative clause (6122/15: ROEPT ... OP)
 * indent    a bullet or dash under a paragraph, recital or clause (p5.i4)
 * closing   the words after the indents of a paragraph, recital or clause, which take up its
 *           lead-in again (10119/24 p6.closing, 7290/21 r1.closing)
 */
export type ParagraphKind = 'intro' | 'heading' | 'recital' | 'paragraph' | 'clause' | 'indent' | 'closing';

/** Where a footnote's marker stands in a paragraph: before `text[offset]` (at the end when offset is the length). */
export interface FootnoteMark {
  readonly n: number;
  readonly offset: number;
}

export interface Paragraph {
  readonly anchor: string;
  readonly kind: ParagraphKind;
  /** The number as printed ("5"), or inferred; null when the source has none. */
  readonly number: string | null;
  /** True when the number was lost in the source and inferred from its place. */
  readonly inferred: boolean;
  /** Verbatim, without the footnote markers: they are in `footnoteMarks`, so quoting and search see only the words. */
  readonly text: string;
  /** The footnotes whose markers stand in this paragraph, in their order: the numbers of `footnoteMarks`. */
  readonly footnotes: readonly number[];
  readonly footnoteMarks: readonly FootnoteMark[];
}

export interface Footnote {
  readonly n: number;
  readonly text: string;
  /** The paragraph whose text carries the marker; null when the marker was not found in the source. */
  readonly anchor: string | null;
  /** True when the number was lost in the source and inferred from the order (10119/24 notes 6-8). */
  readonly inferred: boolean;
}

/**
 * A paragraph with its address and its footnotes: what a quotation carries. The same anchor
 * opens it in each language of its document.
 */
export interface LocatedParagraph extends Paragraph {
  readonly docRef: string;
  readonly lang: Lang;
  /** The footnotes of `footnotes`, in the same order. */
  readonly notes: readonly Footnote[];
}

export interface DocumentMeta {
  readonly file: string;
  readonly sha256: string;
  readonly docRef: string;
  readonly lang: Lang;
  readonly title: string;
  readonly adopted: string; // ISO date
  readonly meeting: string;
}

export interface DocumentSummary {
  readonly docRef: string;
  readonly lang: Lang;
  readonly title: string;
  readonly adopted: string;
  readonly meeting: string;
  readonly paragraphCount: number;
}

export interface CorpusDocument {
  readonly docRef: string;
  readonly lang: Lang;
  readonly title: string;
  readonly adopted: string;
  readonly meeting: string;
  readonly paragraphs: readonly Paragraph[];
  readonly footnotes: readonly Footnote[];
}

/**
 * How a paragraph met the query, best first: the form as typed (diacritics aside), another
 * inflection of it, a compound that contains it, a glossary concept's form in the paragraph's language.
 */
export const MATCH_KINDS = ['exact', 'stem', 'compound', 'concept'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/** A word of the paragraph that matched, as the text has it. */
export interface MatchedForm {
  readonly form: string;
  readonly kind: MatchKind;
  /** The glossary concept whose form it is (kind concept). */
  readonly concept?: string;
  /** The correct reading that matched, where the source has an OCR error (form is the source's). */
  readonly reading?: string;
}

export interface SearchHit {
  readonly docRef: string;
  readonly lang: Lang;
  readonly anchor: string;
  /** Plain text with the matched terms between the two marks below. */
  readonly snippet: string;
  /** The snippet quotes this footnote of the paragraph, where only its footnote matched. */
  readonly footnote?: number;
  /** Higher is better; hits come in its order. */
  readonly score: number;
  /** The best kind by which every word of the query met this paragraph. */
  readonly kind: MatchKind;
  readonly matched: readonly MatchedForm[];
}

/** An English word or phrase of the query that named a glossary concept, and the forms it was searched as. */
export interface Expansion {
  readonly term: string;
  readonly concept: string;
  readonly forms: readonly { readonly lang: Lang; readonly form: string }[];
}

export interface SearchResult {
  readonly query: string;
  readonly total: number;
  /** How many of the matches were ranked: all of them, or the first RANK_WINDOW in document order. */
  readonly ranked: number;
  readonly expanded: readonly Expansion[];
  readonly hits: readonly SearchHit[];
}

// Snippet marks are control characters so that the renderer never needs HTML to highlight.
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';
