import type { Migration } from './migration';

/**
 * The evidence map of shared/framework/evidence.ts, mirrored so that SQL can join an item
 * to its paragraphs in every language. It is derived data: rewritten whole at start-up.
 */
export const evidenceTables: Migration = {
  version: 3,
  name: 'evidence',
  up(db) {
    db.exec(`
      CREATE TABLE evidence_links (
        item_kind TEXT NOT NULL,
        item_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        doc_ref TEXT NOT NULL,
        anchor TEXT NOT NULL,
        is_primary INTEGER NOT NULL CHECK (is_primary IN (0, 1)),
        note TEXT NOT NULL,
        PRIMARY KEY (item_kind, item_id, position)
      );
      CREATE INDEX paragraphs_by_anchor ON paragraphs (anchor);
    `);
  },
};
