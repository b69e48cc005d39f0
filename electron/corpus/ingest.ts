import type { Db } from '../db/open';
import { writeTransaction } from '../db/transaction';
import {
  deleteCorpus, insertDocument as insertDocumentRow, insertFootnotes, insertParagraphs, selectCounts, selectSeedsHash, upsertCorpusState,
} from '../db/tables/corpus';
import type { CorpusDocument } from '../../shared/corpus';
import { parseSeed } from './parse';
import { indexCorpus } from './search/indexing';
import { readSeeds } from './seeds';

/** Bump when the parser's output changes, so existing databases rebuild their corpus. */
export const CORPUS_FORMAT_VERSION = 2;

export interface IngestResult {
  readonly rebuilt: boolean;
  /** The corpus was built from these seeds; false only after a read-only open that could not rebuild it. */
  readonly current: boolean;
  readonly documents: number;
  readonly paragraphs: number;
}

/**
 * Rebuilds the corpus from seeds/ when their hash differs from the one the database was
 * built from; otherwise writes nothing. Read-only, it only says whether the corpus is current.
 */
export function ensureCorpus(db: Db, seedsDir: string, options: { force?: boolean; readOnly?: boolean } = {}): IngestResult {
  const seeds = readSeeds(seedsDir, CORPUS_FORMAT_VERSION);
  const current = selectSeedsHash(db) === seeds.hash;
  if (options.readOnly || (!options.force && current)) return { rebuilt: false, current, ...selectCounts(db) };
  // Parse everything before writing anything: a bad seed leaves the old corpus in place.
  const documents = seeds.files.map((seed) => ({ seed, doc: parseSeed(seed.text, seed.meta) }));
  return writeTransaction(db, (): IngestResult => {
    // Another process sharing the file may have rebuilt it meanwhile.
    if (!options.force && selectSeedsHash(db) === seeds.hash) return { rebuilt: false, current: true, ...selectCounts(db) };
    let paragraphs = 0;
    deleteCorpus(db);
    for (const { seed, doc } of documents) {
      paragraphs += insertDocument(db, doc, seed.meta.file, seed.meta.sha256);
    }
    indexCorpus(db, documents.map(({ doc }) => doc));
    upsertCorpusState(db, seeds.hash, new Date().toISOString());
    return { rebuilt: true, current: true, documents: documents.length, paragraphs };
  });
}

/** Inserts one parsed document and indexes its paragraphs; returns how many it wrote. */
export function insertDocument(db: Db, doc: CorpusDocument, file: string, sha256: string): number {
  const id = insertDocumentRow(db, doc, file, sha256);
  insertParagraphs(db, id, doc);
  insertFootnotes(db, id, doc);
  return doc.paragraphs.length;
}
