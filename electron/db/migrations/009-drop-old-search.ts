import type { Migration } from './migration';

/**
 * The first search index (migration 1's paragraphs_fts) is read by nothing since search moved
 * to search_index (migration 8); dropping it stops every corpus rebuild writing it twice.
 */
export const dropOldSearch: Migration = {
  version: 9,
  name: 'drop-old-search',
  up(db) {
    db.exec('DROP TABLE paragraphs_fts;');
  },
};
