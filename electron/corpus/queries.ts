import type { Db } from '../db/open';
import type { CorpusDocument, DocumentSummary, Footnote, Lang, LocatedParagraph, Paragraph, ParagraphKind } from '../../shared/corpus';

interface ParagraphRow {
  anchor: string;
  kind: ParagraphKind;
  number: string | null;
  inferred: number;
  text: string;
}

const toParagraph = (row: ParagraphRow): Paragraph => ({
  anchor: row.anchor,
  kind: row.kind,
  number: row.number,
  inferred: row.inferred === 1,
  text: row.text,
});

/** Documents in the order a reader expects: by adoption date, newest last, then language. */
export function listDocuments(db: Db): DocumentSummary[] {
  return db
    .prepare(
      `SELECT d.doc_ref AS docRef, d.lang, d.title, d.adopted, d.meeting,
              (SELECT count(*) FROM paragraphs p WHERE p.document_id = d.id) AS paragraphCount
         FROM documents d ORDER BY d.adopted, d.doc_ref, d.lang`,
    )
    .all() as DocumentSummary[];
}

export function getDocument(db: Db, docRef: string, lang: Lang): CorpusDocument | null {
  const doc = db
    .prepare('SELECT id, doc_ref AS docRef, lang, title, adopted, meeting FROM documents WHERE doc_ref = ? AND lang = ?')
    .get(docRef, lang) as (Omit<CorpusDocument, 'paragraphs' | 'footnotes'> & { id: number }) | undefined;
  if (!doc) return null;
  const paragraphs = (
    db
      .prepare('SELECT anchor, kind, number, inferred, text FROM paragraphs WHERE document_id = ? ORDER BY seq')
      .all(doc.id) as ParagraphRow[]
  ).map(toParagraph);
  const footnotes = db
    .prepare('SELECT n, text FROM footnotes WHERE document_id = ? ORDER BY n')
    .all(doc.id) as Footnote[];
  const { id: _id, ...meta } = doc;
  return { ...meta, paragraphs, footnotes };
}

export function getCorpus(db: Db): CorpusDocument[] {
  return listDocuments(db).flatMap((d) => getDocument(db, d.docRef, d.lang) ?? []);
}

/** One paragraph in every language its document has (or just `lang`), the same anchor in each. */
export function getParagraph(db: Db, docRef: string, anchor: string, lang?: Lang): LocatedParagraph[] {
  const rows = db
    .prepare(
      `SELECT d.doc_ref AS docRef, d.lang, p.anchor, p.kind, p.number, p.inferred, p.text
         FROM paragraphs p JOIN documents d ON d.id = p.document_id
        WHERE d.doc_ref = ? AND p.anchor = ? AND (? IS NULL OR d.lang = ?)
        ORDER BY d.lang`,
    )
    .all(docRef, anchor, lang ?? null, lang ?? null) as (ParagraphRow & { docRef: string; lang: Lang })[];
  return rows.map((row) => ({ ...toParagraph(row), docRef: row.docRef, lang: row.lang }));
}
