import type { Migration } from './migration';

/**
 * The corpus, rebuilt from seeds/ whenever their hashes change. Nothing else in the
 * database may reference these rows by id: links use (doc_ref, anchor), so a rebuild
 * never touches exercise data.
 */
export const corpusTables: Migration = {
  version: 1,
  name: 'corpus',
  up(db) {
    db.exec(`
      CREATE TABLE corpus_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seeds_hash TEXT NOT NULL,
        built_at TEXT NOT NULL
      );
      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        doc_ref TEXT NOT NULL,
        lang TEXT NOT NULL,
        title TEXT NOT NULL,
        adopted TEXT NOT NULL,
        meeting TEXT NOT NULL,
        file TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        UNIQUE (doc_ref, lang)
      );
      CREATE TABLE paragraphs (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        anchor TEXT NOT NULL,
        kind TEXT NOT NULL,
        number TEXT,
        inferred INTEGER NOT NULL CHECK (inferred IN (0, 1)),
        text TEXT NOT NULL,
        UNIQUE (document_id, anchor),
        UNIQUE (document_id, seq)
      );
      CREATE TABLE footnotes (
        document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        n INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (document_id, n)
      );
      -- remove_diacritics 2 folds ā/a, š/s, ļ/l ... in the index and in queries alike.
      -- The paragraph's address is stored beside its text, so search needs no join.
      CREATE VIRTUAL TABLE paragraphs_fts USING fts5(
        text,
        doc_ref UNINDEXED,
        lang UNINDEXED,
        anchor UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 2'
      );
    `);
  },
};
