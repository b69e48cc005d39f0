import type { Migration } from './migration';

/**
 * A footnote belongs to the paragraph whose text carries its marker: the footnotes table
 * gains that paragraph's anchor, the marker's offset in its text, and whether the note's
 * number was inferred. The corpus is never referenced by id and is rebuilt from seeds/, so
 * the old table is dropped rather than converted, and the corpus marked as to be rebuilt.
 */
export const footnotePlaces: Migration = {
  version: 7,
  name: 'footnote-places',
  up(db) {
    db.exec(`
      DROP TABLE footnotes;
      CREATE TABLE footnotes (
        document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        n INTEGER NOT NULL,
        text TEXT NOT NULL,
        inferred INTEGER NOT NULL CHECK (inferred IN (0, 1)),
        -- Both null when the source's marker was not found.
        anchor TEXT,
        mark_offset INTEGER CHECK (mark_offset >= 0),
        PRIMARY KEY (document_id, n),
        CHECK ((anchor IS NULL) = (mark_offset IS NULL)),
        FOREIGN KEY (document_id, anchor) REFERENCES paragraphs (document_id, anchor) ON DELETE CASCADE
      );
      CREATE INDEX footnotes_by_paragraph ON footnotes (document_id, anchor);
      DELETE FROM corpus_state;
    `);
  },
};
