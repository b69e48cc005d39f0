import { describe, expect, it } from 'vitest';
import { searchIndex } from '../../../../../electron/db/migrations/008-search-index';
import { databaseBefore, schemaObjects } from '../../../../support/migrations';

describe('migration 8: search index', () => {
  it('creates the index and marks the corpus as to be rebuilt, so that the next open fills it', () => {
    const db = databaseBefore(searchIndex);
    db.prepare("INSERT INTO corpus_state (id, seeds_hash, built_at) VALUES (1, 'h', 't')").run();
    searchIndex.up(db);
    expect(schemaObjects(db)).toContain('search_index');
    expect(db.prepare('SELECT count(*) AS n FROM corpus_state').get()).toEqual({ n: 0 });
  });

  it('finds a row by each indexed column and returns only the stored ones', () => {
    const db = databaseBefore(searchIndex);
    searchIndex.up(db);
    db.prepare(
      `INSERT INTO search_index (words, note_words, stem_da, parts, doc_ref, lang, anchor, text, notes, readings)
       VALUES ('til cyberkapacitetsopbygning', '12109 13', 'til cyberkapacitetsopbygning', 'yberkapacitetsopbygning kapacitetsopbygning', '7290/21', 'da', 'p31', 'til cyberkapacitetsopbygning', '[]', '[]')`,
    ).run();
    const find = (fts: string) => db.prepare('SELECT anchor, words, text FROM search_index WHERE search_index MATCH ?').all(fts);
    for (const fts of ['words : "til"', 'note_words : "12109 13"', 'stem_da : "cyberkapacitetsopbygning"', 'parts : "kapacitet"*']) {
      expect(find(fts)).toEqual([{ anchor: 'p31', words: null, text: 'til cyberkapacitetsopbygning' }]);
    }
    expect(find('stem_nl : "til"')).toEqual([]);
    db.prepare("INSERT INTO search_index (search_index) VALUES ('delete-all')").run();
    expect(find('words : "til"')).toEqual([]);
  });
});
