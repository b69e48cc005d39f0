import { describe, expect, it } from 'vitest';
import { corpusTables } from '../../../../../electron/db/migrations/001-corpus';
import { databaseBefore, schemaObjects } from '../../../../support/migrations';

describe('migration 1: corpus', () => {
  it('starts from an empty database and creates the corpus tables and their index', () => {
    const db = databaseBefore(corpusTables);
    expect(schemaObjects(db)).toEqual([]);
    corpusTables.up(db);
    expect(schemaObjects(db)).toEqual(
      expect.arrayContaining(['corpus_state', 'documents', 'paragraphs', 'footnotes', 'paragraphs_fts']),
    );
  });

  it('keeps one document per reference and language, and removes its paragraphs and footnotes with it', () => {
    const db = databaseBefore(corpusTables);
    corpusTables.up(db);
    const doc = db.prepare(
      "INSERT INTO documents (id, doc_ref, lang, title, adopted, meeting, file, sha256) VALUES (?, '10474/17', ?, 't', '2017-06-19', 'm', 'f', 's')",
    );
    doc.run(1, 'nl');
    doc.run(2, 'lv');
    expect(() => doc.run(3, 'nl')).toThrow(/UNIQUE/);
    db.prepare("INSERT INTO paragraphs (document_id, seq, anchor, kind, number, inferred, text) VALUES (1, 0, 'p1', 'paragraph', '1', 0, 'x')").run();
    db.prepare("INSERT INTO footnotes (document_id, n, text) VALUES (1, 1, 'Doc. 12109/13.')").run();
    db.prepare('DELETE FROM documents WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM paragraphs').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM footnotes').get()).toEqual({ n: 0 });
  });

  it('refuses an inferred flag other than 0 or 1', () => {
    const db = databaseBefore(corpusTables);
    corpusTables.up(db);
    db.prepare("INSERT INTO documents (id, doc_ref, lang, title, adopted, meeting, file, sha256) VALUES (1, 'x', 'nl', 't', 'a', 'm', 'f', 's')").run();
    expect(() =>
      db.prepare("INSERT INTO paragraphs (document_id, seq, anchor, kind, number, inferred, text) VALUES (1, 0, 'p1', 'paragraph', null, 2, 'x')").run(),
    ).toThrow(/CHECK/);
  });

  it('indexes text with diacritics folded, so that a query without them finds the word', () => {
    const db = databaseBefore(corpusTables);
    corpusTables.up(db);
    db.prepare("INSERT INTO paragraphs_fts (text, doc_ref, lang, anchor) VALUES ('samērīgs reaģējums', '10474/17', 'lv', 'p5.i4')").run();
    expect(db.prepare("SELECT anchor FROM paragraphs_fts WHERE paragraphs_fts MATCH 'samerigs'").all()).toEqual([{ anchor: 'p5.i4' }]);
  });
});
