import type { Db } from '../db/open';
import {
  selectDocument, selectDocuments, selectFootnotes, selectParagraphByAnchor, selectParagraphs, type ParagraphRow,
} from '../db/tables/corpus';
import type { CorpusDocument, DocumentSummary, Lang, LocatedParagraph, Paragraph } from '../../shared/corpus';

const toParagraph = (row: ParagraphRow): Paragraph => ({
  anchor: row.anchor,
  kind: row.kind,
  number: row.number,
  inferred: row.inferred === 1,
  text: row.text,
});

/** Documents in the order a reader expects: by adoption date, newest last, then language. */
export function listDocuments(db: Db): DocumentSummary[] {
  return selectDocuments(db);
}

export function getDocument(db: Db, docRef: string, lang: Lang): CorpusDocument | null {
  const doc = selectDocument(db, docRef, lang);
  if (!doc) return null;
  const paragraphs = selectParagraphs(db, doc.id).map(toParagraph);
  const footnotes = selectFootnotes(db, doc.id);
  const { id: _id, ...meta } = doc;
  return { ...meta, paragraphs, footnotes };
}

export function getCorpus(db: Db): CorpusDocument[] {
  return listDocuments(db).flatMap((d) => getDocument(db, d.docRef, d.lang) ?? []);
}

/** One paragraph in every language its document has (or just `lang`), the same anchor in each. */
export function getParagraph(db: Db, docRef: string, anchor: string, lang?: Lang): LocatedParagraph[] {
  const rows = selectParagraphByAnchor(db, docRef, anchor, lang ?? null);
  return rows.map((row) => ({ ...toParagraph(row), docRef: row.docRef, lang: row.lang }));
}
