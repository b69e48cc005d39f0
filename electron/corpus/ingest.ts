import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { writeTransaction } from '../db/transaction';
import type { CorpusDocument } from '../../shared/corpus';
import { parseSeed } from './parse';
import { readSeeds } from './seeds';

/** Bump when the parser's output changes, so existing databases rebuild their corpus. */
export const CORPUS_FORMAT_VERSION = 1;

export interface IngestResult {
  readonly rebuilt: boolean;
  /** The corpus was built from these seeds; false only after a read-only open that could not rebuild it. */
  readonly current: boolean;
  readonly documents: number;
  readonly paragraphs: number;
}

const builtHash = (db: Db): string | undefined =>
  (statement(db, 'SELECT seeds_hash FROM corpus_state WHERE id = 1').get() as { seeds_hash: string } | undefined)?.seeds_hash;

const counts = (db: Db): { documents: number; paragraphs: number } =>
  statement(db, 'SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM paragraphs) AS paragraphs').get() as {
    documents: number;
    paragraphs: number;
  };

/**
 * Rebuilds the corpus from seeds/ when their hash differs from the one the database was
 * built from; otherwise writes nothing. Read-only, it only says whether the corpus is current.
 */
export function ensureCorpus(db: Db, seedsDir: string, options: { force?: boolean; readOnly?: boolean } = {}): IngestResult {
  const seeds = readSeeds(seedsDir, CORPUS_FORMAT_VERSION);
  const current = builtHash(db) === seeds.hash;
  if (options.readOnly || (!options.force && current)) return { rebuilt: false, current, ...counts(db) };
  // Parse everything before writing anything: a bad seed leaves the old corpus in place.
  const documents = seeds.files.map((seed) => ({ seed, doc: parseSeed(seed.text, seed.meta) }));
  return writeTransaction(db, (): IngestResult => {
    // Another process sharing the file may have rebuilt it meanwhile.
    if (!options.force && builtHash(db) === seeds.hash) return { rebuilt: false, current: true, ...counts(db) };
    let paragraphs = 0;
    db.prepare('DELETE FROM documents').run();
    db.prepare('DELETE FROM paragraphs_fts').run();
    for (const { seed, doc } of documents) {
      paragraphs += insertDocument(db, doc, seed.meta.file, seed.meta.sha256);
    }
    db.prepare(
      `INSERT INTO corpus_state (id, seeds_hash, built_at) VALUES (1, ?, ?)
       ON CONFLICT (id) DO UPDATE SET seeds_hash = excluded.seeds_hash, built_at = excluded.built_at`,
    ).run(seeds.hash, new Date().toISOString());
    return { rebuilt: true, current: true, documents: documents.length, paragraphs };
  });
}

/** Inserts one parsed document and indexes its paragraphs; returns how many it wrote. */
export function insertDocument(db: Db, doc: CorpusDocument, file: string, sha256: string): number {
  const { lastInsertRowid } = db
    .prepare(
      'INSERT INTO documents (doc_ref, lang, title, adopted, meeting, file, sha256) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(doc.docRef, doc.lang, doc.title, doc.adopted, doc.meeting, file, sha256);
  const insertParagraph = db.prepare(
    'INSERT INTO paragraphs (document_id, seq, anchor, kind, number, inferred, text) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const index = db.prepare('INSERT INTO paragraphs_fts (rowid, text, doc_ref, lang, anchor) VALUES (?, ?, ?, ?, ?)');
  doc.paragraphs.forEach((p, seq) => {
    const row = insertParagraph.run(lastInsertRowid, seq, p.anchor, p.kind, p.number, p.inferred ? 1 : 0, p.text);
    index.run(row.lastInsertRowid, p.text, doc.docRef, doc.lang, p.anchor);
  });
  const insertFootnote = db.prepare('INSERT INTO footnotes (document_id, n, text) VALUES (?, ?, ?)');
  for (const f of doc.footnotes) insertFootnote.run(lastInsertRowid, f.n, f.text);
  return doc.paragraphs.length;
}
