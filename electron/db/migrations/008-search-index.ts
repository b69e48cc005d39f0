import type { Migration } from './migration';

/**
 * The search index (electron/db/tables/search-index.ts): folded words, stems per language and
 * the parts of compounds, each a column, so that one FTS5 query finds every kind of match and
 * ranks them together. Contentless, since those columns are derived from the paragraph; the
 * address and the texts a snippet is made from are stored beside them. The words arrive
 * folded (electron/corpus/search/words.ts): unicode61 only splits them at the spaces. The
 * corpus is marked as to be rebuilt, which fills the index.
 */
export const searchIndex: Migration = {
  version: 8,
  name: 'search-index',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE search_index USING fts5(
        words, note_words, stem_nl, stem_lv, stem_da, parts,
        doc_ref UNINDEXED, lang UNINDEXED, anchor UNINDEXED, text UNINDEXED, notes UNINDEXED, readings UNINDEXED,
        content = '', contentless_unindexed = 1,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      DELETE FROM corpus_state;
    `);
  },
};
