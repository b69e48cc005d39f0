import { describe, expect, it } from 'vitest';
import { footnotePlaces } from '../../../../../electron/db/migrations/007-footnote-places';
import { columns, databaseBefore } from '../../../../support/migrations';

type Db = ReturnType<typeof databaseBefore>;

/** What an older app left: a built corpus with a footnote stored per document. */
function olderCorpus(): Db {
  const db = databaseBefore(footnotePlaces);
  db.prepare("INSERT INTO corpus_state (id, seeds_hash, built_at) VALUES (1, 'old', 'a')").run();
  db.prepare("INSERT INTO documents (id, doc_ref, lang, title, adopted, meeting, file, sha256) VALUES (1, '10474/17', 'nl', 't', '2017-06-19', 'm', 'f', 's')").run();
  db.prepare("INSERT INTO paragraphs (document_id, seq, anchor, kind, number, inferred, text) VALUES (1, 0, 'p1', 'paragraph', '1', 0, 'x')").run();
  db.prepare("INSERT INTO footnotes (document_id, n, text) VALUES (1, 1, 'Doc. 12109/13.')").run();
  return db;
}

const insertNote = (db: Db, n: number, anchor: string | null, offset: number | null): void => {
  db.prepare("INSERT INTO footnotes (document_id, n, text, inferred, anchor, mark_offset) VALUES (1, ?, 'Doc.', 0, ?, ?)").run(n, anchor, offset);
};

describe('migration 7: footnote places', () => {
  it('gives footnotes their paragraph, marker offset and inferred flag, and has the corpus rebuilt', () => {
    const db = olderCorpus();
    footnotePlaces.up(db);
    expect(columns(db, 'footnotes').map((c) => c.name)).toEqual(['document_id', 'n', 'text', 'inferred', 'anchor', 'mark_offset']);
    // The footnotes cannot be placed without the seeds: the next open rebuilds the corpus.
    expect(db.prepare('SELECT count(*) AS n FROM footnotes').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM corpus_state').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT anchor FROM paragraphs').all()).toEqual([{ anchor: 'p1' }]);
  });

  it('refuses a footnote placed in a paragraph its document does not have, or placed without an offset', () => {
    const db = olderCorpus();
    footnotePlaces.up(db);
    insertNote(db, 1, 'p1', 12);
    insertNote(db, 2, null, null); // its marker was not found
    expect(() => insertNote(db, 3, 'p9', 0)).toThrow(/FOREIGN KEY/);
    expect(() => insertNote(db, 4, 'p1', null)).toThrow(/CHECK/);
    expect(() => insertNote(db, 5, null, 3)).toThrow(/CHECK/);
    expect(() => insertNote(db, 1, 'p1', 0)).toThrow(/UNIQUE|PRIMARY/);
  });

  it('removes a footnote with its paragraph and with its document', () => {
    const db = olderCorpus();
    footnotePlaces.up(db);
    insertNote(db, 1, 'p1', 12);
    insertNote(db, 2, null, null);
    db.prepare("DELETE FROM paragraphs WHERE anchor = 'p1'").run();
    expect(db.prepare('SELECT n FROM footnotes').all()).toEqual([{ n: 2 }]);
    db.prepare('DELETE FROM documents').run();
    expect(db.prepare('SELECT count(*) AS n FROM footnotes').get()).toEqual({ n: 0 });
  });
});
