// How a paragraph of the conclusions is cited, and how its anchor reads. Pure: the renderer
// turns the parsed anchor into its own (translated) labels; the citation itself is the
// English form a diplomat pastes into a note, so it is built here and tested once.
import type { Footnote, Lang, ParagraphKind } from './corpus';

/**
 * One step of an anchor: `p5.i4` is [paragraph 5, indent 4]; `s2.c3.i1` is
 * [section 2, clause 3, indent 1]; `intro` is the cover note; `p6.closing` is
 * [paragraph 6, closing words].
 */
export type AnchorPart =
  | { readonly type: 'intro' }
  | { readonly type: 'closing' }
  | { readonly type: 'recital'; readonly n: number }
  | { readonly type: 'paragraph'; readonly n: number }
  | { readonly type: 'section'; readonly n: number }
  | { readonly type: 'clause'; readonly n: number }
  | { readonly type: 'heading'; readonly n: number }
  | { readonly type: 'indent'; readonly n: number }
  | { readonly type: 'footnote'; readonly n: number };

const PREFIXES: Readonly<Record<string, Exclude<AnchorPart['type'], 'intro'>>> = {
  r: 'recital',
  p: 'paragraph',
  s: 'section',
  c: 'clause',
  h: 'heading',
  i: 'indent',
  fn: 'footnote',
};

const SEGMENT = /^(fn|[rpschi])(\d{1,4})$/;

/** Splits an anchor into its parts; null when it does not follow the scheme (then callers show it as it is). */
export function parseAnchor(anchor: string): readonly AnchorPart[] | null {
  if (anchor === 'intro') return [{ type: 'intro' }];
  const parts: AnchorPart[] = [];
  const segments = anchor.split('.');
  for (const [i, segment] of segments.entries()) {
    // Closing words follow the items of what precedes them: last, never alone.
    if (segment === 'closing' && i > 0 && i === segments.length - 1) {
      parts.push({ type: 'closing' });
      continue;
    }
    const match = SEGMENT.exec(segment);
    const type = match ? PREFIXES[match[1]!] : undefined;
    if (!match || !type) return null;
    parts.push({ type, n: Number(match[2]) });
  }
  return parts.length > 0 ? parts : null;
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** "first" .. "tenth"; null beyond (a citation then says "indent 11"). */
export function ordinalWord(n: number): string | null {
  return ORDINALS[n - 1] ?? null;
}

export interface CitableParagraph {
  readonly docRef: string;
  readonly anchor: string;
  readonly lang: Lang;
  readonly number: string | null;
  readonly kind: ParagraphKind;
  readonly inferred: boolean;
}

/**
 * The citation of one paragraph, e.g. `Council conclusions 10474/17, para. 5, fourth indent (NL)`.
 * A number that was lost in the source and inferred is put in square brackets, the editorial
 * convention for supplied text: `para. [14]`.
 */
export function citeParagraph(p: CitableParagraph): string {
  return `Council conclusions ${p.docRef}, ${citeLocation(p)} (${p.lang.toUpperCase()})`;
}

function citeLocation(p: CitableParagraph): string {
  const parts = parseAnchor(p.anchor);
  if (!parts) return fallbackLocation(p);
  const last = parts.length - 1;
  const words = parts.map((part, i) => {
    // `inferred` and `number` describe the paragraph's own (last) part, not its parents.
    // Indents are always counted from the anchor (ordinal words), so `i` + kind 'indent' is enough.
    const own = i === last && part.type === p.kind;
    return describe(part, own && p.inferred, own ? p.number : null);
  });
  // A heading that is addressed by its section (`s2` of kind heading) is the section's heading.
  if (p.kind === 'heading' && parts[last]?.type === 'section') words.push('heading');
  return words.join(', ');
}

function describe(part: AnchorPart, inferred: boolean, printed: string | null): string {
  if (part.type === 'intro') return 'cover note';
  if (part.type === 'closing') return 'closing words';
  // The printed number wins over the anchor's when both exist ("5a" would be lost in an anchor).
  const raw = printed && /^\d+[a-z]?$/i.test(printed) ? printed : String(part.n);
  const n = inferred ? `[${raw}]` : raw;
  switch (part.type) {
    case 'recital':
      return `recital ${n}`;
    case 'paragraph':
      return `para. ${n}`;
    case 'section':
      return `section ${n}`;
    case 'clause':
      return `clause ${n}`;
    case 'heading':
      return `heading ${n}`;
    case 'footnote':
      return `footnote ${n}`;
    case 'indent': {
      const word = inferred ? null : ordinalWord(part.n);
      return word ? `${word} indent` : `indent ${n}`;
    }
    default:
      return assertNever(part);
  }
}

/** How a footnote reads under a quotation: `Footnote 1: Doc. 12109/13.`; an inferred number in square brackets. */
export function citeFootnote(f: Pick<Footnote, 'n' | 'text' | 'inferred'>): string {
  return `Footnote ${f.inferred ? `[${f.n}]` : f.n}: ${f.text}`;
}

/** What citing copies, as the user chooses: the reference alone, or the quotation with its reference and footnotes. */
export const CITE_FORMS = ['reference', 'quotation'] as const;
export type CiteForm = (typeof CITE_FORMS)[number];

export interface QuotableParagraph extends CitableParagraph {
  readonly text: string;
  /** The footnotes whose markers stand in the paragraph, in their order. */
  readonly notes: readonly Pick<Footnote, 'n' | 'text' | 'inferred'>[];
}

/**
 * The one formatter of what a citation copies. A quotation is the paragraph verbatim between
 * quotation marks (its sub-paragraph breaks kept), its reference, then its footnotes, one a line:
 *
 *   "De EU herinnert ... cyberdiplomatie, die ..."
 *   Council conclusions 10474/17, para. 1 (NL)
 *   Footnote 1: Doc. 12109/13.
 */
export function formatCitation(p: QuotableParagraph, form: CiteForm): string {
  switch (form) {
    case 'reference':
      return citeParagraph(p);
    case 'quotation':
      return [`“${p.text}”`, citeParagraph(p), ...p.notes.map(citeFootnote)].join('\n');
    default:
      return assertNever(form);
  }
}

/** An anchor outside the scheme: say what the paragraph is, and keep the anchor so it can be found. */
function fallbackLocation(p: CitableParagraph): string {
  if (p.kind === 'intro') return 'cover note';
  if (p.kind === 'paragraph' && p.number) return `para. ${p.inferred ? `[${p.number}]` : p.number}`;
  return p.anchor;
}

function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
