import { describe, expect, it } from 'vitest';
import { runTables } from '../../../../../electron/db/migrations/002-runs';
import { columns, databaseBefore } from '../../../../support/migrations';

const seedCorpus = (db: ReturnType<typeof databaseBefore>): void => {
  db.prepare("INSERT INTO corpus_state (id, seeds_hash, built_at) VALUES (1, 'h', '2026-01-01T00:00:00.000Z')").run();
  db.prepare("INSERT INTO documents (id, doc_ref, lang, title, adopted, meeting, file, sha256) VALUES (1, '10474/17', 'nl', 't', '2017-06-19', 'm', 'f', 's')").run();
  db.prepare("INSERT INTO paragraphs (document_id, seq, anchor, kind, number, inferred, text) VALUES (1, 0, 'p1', 'paragraph', '1', 0, 'tekst')").run();
};

describe('migration 2: runs', () => {
  it('leaves the corpus as it was and adds the run tables', () => {
    const db = databaseBefore(runTables);
    seedCorpus(db);
    runTables.up(db);
    expect(db.prepare('SELECT anchor, text FROM paragraphs').all()).toEqual([{ anchor: 'p1', text: 'tekst' }]);
    expect(db.prepare('SELECT seeds_hash FROM corpus_state').all()).toEqual([{ seeds_hash: 'h' }]);
    expect(columns(db, 'runs').map((c) => c.name)).toEqual([
      'id', 'name', 'created_at', 'updated_at', 'machine_version', 'snapshot', 'event_count', 'head_hash',
    ]);
    expect(columns(db, 'run_events').map((c) => c.name)).toEqual(['run_id', 'seq', 'at', 'event', 'prev_hash', 'hash']);
  });

  it('counts a new run from zero and removes its log with it', () => {
    const db = databaseBefore(runTables);
    seedCorpus(db);
    runTables.up(db);
    db.prepare("INSERT INTO runs (id, name, created_at, updated_at, machine_version, snapshot, head_hash) VALUES ('r', 'n', 'a', 'a', 1, '{}', '0')").run();
    expect(db.prepare('SELECT event_count FROM runs').get()).toEqual({ event_count: 0 });
    const event = db.prepare("INSERT INTO run_events (run_id, seq, at, event, prev_hash, hash) VALUES (?, ?, 'a', '{}', '0', '1')");
    event.run('r', 1);
    expect(() => event.run('r', 1)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => event.run('no-such-run', 1)).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM runs WHERE id = 'r'").run();
    expect(db.prepare('SELECT count(*) AS n FROM run_events').get()).toEqual({ n: 0 });
  });
});
