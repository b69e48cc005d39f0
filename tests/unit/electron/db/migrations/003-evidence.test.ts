import { describe, expect, it } from 'vitest';
import { evidenceTables } from '../../../../../electron/db/migrations/003-evidence';
import { databaseBefore } from '../../../../support/migrations';

describe('migration 3: evidence', () => {
  it('leaves paragraphs and runs as they were, and joins a link to its paragraph in every language through the new index', () => {
    const db = databaseBefore(evidenceTables);
    const doc = db.prepare("INSERT INTO documents (id, doc_ref, lang, title, adopted, meeting, file, sha256) VALUES (?, '10474/17', ?, 't', 'a', 'm', 'f', 's')");
    doc.run(1, 'nl');
    doc.run(2, 'lv');
    const para = db.prepare("INSERT INTO paragraphs (document_id, seq, anchor, kind, number, inferred, text) VALUES (?, 0, 'p5.i4', 'indent', null, 0, ?)");
    para.run(1, 'evenredig');
    para.run(2, 'samērīgs');
    db.prepare("INSERT INTO runs (id, name, created_at, updated_at, machine_version, snapshot, event_count, head_hash) VALUES ('r', 'n', 'a', 'a', 1, '{}', 0, '0')").run();

    evidenceTables.up(db);

    expect(db.prepare('SELECT id FROM runs').all()).toEqual([{ id: 'r' }]);
    db.prepare("INSERT INTO evidence_links (item_kind, item_id, position, doc_ref, anchor, is_primary, note) VALUES ('principle', 'proportionality', 0, '10474/17', 'p5.i4', 1, '')").run();
    const join = `SELECT d.lang, p.text FROM evidence_links e
      JOIN paragraphs p ON p.anchor = e.anchor JOIN documents d ON d.id = p.document_id AND d.doc_ref = e.doc_ref
      ORDER BY d.lang`;
    expect(db.prepare(join).all()).toEqual([
      { lang: 'lv', text: 'samērīgs' },
      { lang: 'nl', text: 'evenredig' },
    ]);
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT id FROM paragraphs WHERE anchor = 'p5.i4'").all() as { detail: string }[])
      .map((row) => row.detail)
      .join(' ');
    expect(plan).toContain('paragraphs_by_anchor');
  });

  it('keeps one link per place in an item, and a primary flag of 0 or 1', () => {
    const db = databaseBefore(evidenceTables);
    evidenceTables.up(db);
    const link = db.prepare("INSERT INTO evidence_links (item_kind, item_id, position, doc_ref, anchor, is_primary, note) VALUES ('step', 'awareness', ?, 'x', 'p1', ?, '')");
    link.run(0, 0);
    expect(() => link.run(0, 1)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => link.run(1, 2)).toThrow(/CHECK/);
  });
});
