import type { Db } from '../db/open';
import {
  selectDocument, selectDocuments, selectFootnoteByNumber, selectFootnotes, selectParagraphByAnchor, selectParagraphFootnotes, selectParagraphs,
  type FootnoteRow, type ParagraphRow,
} from '../db/tables/corpus';
import type { CorpusDocument, DocumentSummary, Footnote, FootnoteMark, Lang, LocatedParagraph, Paragraph } from '../../shared/corpus';

const toFootnote = (row: FootnoteRow): Footnote => ({ n: row.n, text: row.text, anchor: row.anchor, inferred: row.inferred === 1 });

/** A paragraph with the footnotes whose markers it carries (`notes`: theirs, in the order of the markers). */
function toParagraph(row: ParagraphRow, notes: readonly FootnoteRow[]): Paragraph {
  const footnoteMarks: FootnoteMark[] = notes.map((f) => ({ n: f.n, offset: f.markOffset ?? 0 }));
  return {
    anchor: row.anchor,
    kind: row.kind,
    number: row.number,
    inferred: row.inferred === 1,
    text: row.text,
    footnotes: footnoteMarks.map((m) => m.n),
    footnoteMarks,
  };
}

const byMarker = (a: FootnoteRow, b: FootnoteRow): number => (a.markOffset ?? 0) - (b.markOffset ?? 0) || a.n - b.n;

/** Documents in the order a reader expects: by adoption date, newest last, then language. */
export function listDocuments(db: Db): DocumentSummary[] {
  return selectDocuments(db);
}

export function getDocument(db: Db, docRef: string, lang: Lang): CorpusDocument | null {
  const doc = selectDocument(db, docRef, lang);
  if (!doc) return null;
  const notes = selectFootnotes(db, doc.id);
  const carried = new Map<string, FootnoteRow[]>();
  for (const f of notes) if (f.anchor !== null) carried.set(f.anchor, [...(carried.get(f.anchor) ?? []), f]);
  const paragraphs = selectParagraphs(db, doc.id).map((row) => toParagraph(row, (carried.get(row.anchor) ?? []).sort(byMarker)));
  const { id: _id, ...meta } = doc;
  return { ...meta, paragraphs, footnotes: notes.map(toFootnote) };
}

export function getCorpus(db: Db): CorpusDocument[] {
  return listDocuments(db).flatMap((d) => getDocument(db, d.docRef, d.lang) ?? []);
}

/** One paragraph in every language its document has (or just `lang`), the same anchor in each, with its footnotes. */
export function getParagraph(db: Db, docRef: string, anchor: string, lang?: Lang): LocatedParagraph[] {
  const rows = selectParagraphByAnchor(db, docRef, anchor, lang ?? null);
  const notes = selectParagraphFootnotes(db, docRef, anchor);
  return rows.map((row) => {
    const own = notes.filter((f) => f.lang === row.lang);
    return { ...toParagraph(row, own), docRef: row.docRef, lang: row.lang, notes: own.map(toFootnote) };
  });
}

/** One footnote of a document in every language it has (or just `lang`), with the paragraph that carries it. */
export function getFootnote(db: Db, docRef: string, n: number, lang?: Lang): (Footnote & { readonly docRef: string; readonly lang: Lang })[] {
  return selectFootnoteByNumber(db, docRef, n, lang ?? null).map((row) => ({ ...toFootnote(row), docRef: row.docRef, lang: row.lang }));
}
