import type { Db } from '../open';
import { statement } from '../statements';
import type { CorpusDocument, DocumentSummary, Lang, ParagraphKind } from '../../../shared/corpus';

/**
 * The corpus: corpus_state, documents, paragraphs and footnotes (its search index is search-index.ts's).
 * Written only by the ingest (electron/corpus/ingest.ts), whole, from seeds/; read by the
 * corpus queries and by search to build its index.
 */
export interface ParagraphRow {
  anchor: string;
  kind: ParagraphKind;
  number: string | null;
  inferred: number;
  text: string;
}

export type DocumentRow = Omit<CorpusDocument, 'paragraphs' | 'footnotes'> & { id: number };

/** A footnote with the place of its marker: the paragraph's anchor and the offset in its text (both null if not found). */
export interface FootnoteRow {
  n: number;
  text: string;
  inferred: number;
  anchor: string | null;
  markOffset: number | null;
}

export function selectSeedsHash(db: Db): string | undefined {
  return (statement(db, 'SELECT seeds_hash FROM corpus_state WHERE id = 1').get() as { seeds_hash: string } | undefined)?.seeds_hash;
}

export function selectCounts(db: Db): { documents: number; paragraphs: number } {
  return statement(db, 'SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM paragraphs) AS paragraphs').get() as {
    documents: number;
    paragraphs: number;
  };
}

/** Empties the corpus (paragraphs and footnotes go with their documents); call inside a transaction. */
export function deleteCorpus(db: Db): void {
  statement(db, 'DELETE FROM documents').run();
}

export function upsertCorpusState(db: Db, seedsHash: string, builtAt: string): void {
  statement(
    db,
    `INSERT INTO corpus_state (id, seeds_hash, built_at) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET seeds_hash = excluded.seeds_hash, built_at = excluded.built_at`,
  ).run(seedsHash, builtAt);
}

/** Returns the document's row id. */
export function insertDocument(db: Db, doc: Omit<CorpusDocument, 'paragraphs' | 'footnotes'>, file: string, sha256: string): number | bigint {
  return statement(db, 'INSERT INTO documents (doc_ref, lang, title, adopted, meeting, file, sha256) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    doc.docRef, doc.lang, doc.title, doc.adopted, doc.meeting, file, sha256,
  ).lastInsertRowid;
}

/** Each paragraph, in the document's order. */
export function insertParagraphs(db: Db, documentId: number | bigint, doc: Pick<CorpusDocument, 'docRef' | 'lang' | 'paragraphs'>): void {
  const insertParagraph = statement(
    db,
    'INSERT INTO paragraphs (document_id, seq, anchor, kind, number, inferred, text) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  doc.paragraphs.forEach((p, seq) => {
    insertParagraph.run(documentId, seq, p.anchor, p.kind, p.number, p.inferred ? 1 : 0, p.text);
  });
}

/** After the paragraphs: a footnote refers to the paragraph that carries its marker. */
export function insertFootnotes(db: Db, documentId: number | bigint, doc: Pick<CorpusDocument, 'paragraphs' | 'footnotes'>): void {
  const insertFootnote = statement(db, 'INSERT INTO footnotes (document_id, n, text, inferred, anchor, mark_offset) VALUES (?, ?, ?, ?, ?, ?)');
  const offsets = new Map(doc.paragraphs.flatMap((p) => p.footnoteMarks.map((m) => [m.n, m.offset] as const)));
  for (const f of doc.footnotes) {
    insertFootnote.run(documentId, f.n, f.text, f.inferred ? 1 : 0, f.anchor, f.anchor === null ? null : (offsets.get(f.n) ?? null));
  }
}

/** By adoption date, newest last, then language. */
export function selectDocuments(db: Db): DocumentSummary[] {
  return statement(
    db,
    `SELECT d.doc_ref AS docRef, d.lang, d.title, d.adopted, d.meeting,
            (SELECT count(*) FROM paragraphs p WHERE p.document_id = d.id) AS paragraphCount
       FROM documents d ORDER BY d.adopted, d.doc_ref, d.lang`,
  ).all() as DocumentSummary[];
}

export function selectDocument(db: Db, docRef: string, lang: Lang): DocumentRow | undefined {
  return statement(db, 'SELECT id, doc_ref AS docRef, lang, title, adopted, meeting FROM documents WHERE doc_ref = ? AND lang = ?').get(
    docRef, lang,
  ) as DocumentRow | undefined;
}

/** In the document's order. */
export function selectParagraphs(db: Db, documentId: number): ParagraphRow[] {
  return statement(db, 'SELECT anchor, kind, number, inferred, text FROM paragraphs WHERE document_id = ? ORDER BY seq').all(documentId) as ParagraphRow[];
}

export function selectFootnotes(db: Db, documentId: number): FootnoteRow[] {
  return statement(db, 'SELECT n, text, inferred, anchor, mark_offset AS markOffset FROM footnotes WHERE document_id = ? ORDER BY n').all(
    documentId,
  ) as FootnoteRow[];
}

/** Footnote `n` of a document, in every language it has or only in `lang`. */
export function selectFootnoteByNumber(db: Db, docRef: string, n: number, lang: Lang | null): (FootnoteRow & { docRef: string; lang: Lang })[] {
  return statement(
    db,
    `SELECT d.doc_ref AS docRef, d.lang, f.n, f.text, f.inferred, f.anchor, f.mark_offset AS markOffset
       FROM footnotes f JOIN documents d ON d.id = f.document_id
      WHERE d.doc_ref = ? AND f.n = ? AND (? IS NULL OR d.lang = ?)
      ORDER BY d.lang`,
  ).all(docRef, n, lang, lang) as (FootnoteRow & { docRef: string; lang: Lang })[];
}

/** The footnotes whose markers stand in one paragraph, by document language, in the order of the markers. */
export function selectParagraphFootnotes(db: Db, docRef: string, anchor: string): (FootnoteRow & { lang: Lang })[] {
  return statement(
    db,
    `SELECT d.lang, f.n, f.text, f.inferred, f.anchor, f.mark_offset AS markOffset
       FROM footnotes f JOIN documents d ON d.id = f.document_id
      WHERE d.doc_ref = ? AND f.anchor = ?
      ORDER BY d.lang, f.mark_offset, f.n`,
  ).all(docRef, anchor) as (FootnoteRow & { lang: Lang })[];
}

/** One anchor in every language its document has, or only in `lang`. */
export function selectParagraphByAnchor(db: Db, docRef: string, anchor: string, lang: Lang | null): (ParagraphRow & { docRef: string; lang: Lang })[] {
  return statement(
    db,
    `SELECT d.doc_ref AS docRef, d.lang, p.anchor, p.kind, p.number, p.inferred, p.text
       FROM paragraphs p JOIN documents d ON d.id = p.document_id
      WHERE d.doc_ref = ? AND p.anchor = ? AND (? IS NULL OR d.lang = ?)
      ORDER BY d.lang`,
  ).all(docRef, anchor, lang, lang) as (ParagraphRow & { docRef: string; lang: Lang })[];
}
