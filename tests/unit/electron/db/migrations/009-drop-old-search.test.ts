import { describe, expect, it } from 'vitest';
import { dropOldSearch } from '../../../../../electron/db/migrations/009-drop-old-search';
import { databaseBefore, schemaObjects } from '../../../../support/migrations';

describe('migration 9: drop the old search index', () => {
  it('drops paragraphs_fts and keeps the paragraphs and the new index', () => {
    const db = databaseBefore(dropOldSearch);
    expect(schemaObjects(db)).toContain('paragraphs_fts');
    dropOldSearch.up(db);
    const objects = schemaObjects(db);
    expect(objects.filter((o) => o.startsWith('paragraphs_fts'))).toEqual([]);
    expect(objects).toEqual(expect.arrayContaining(['paragraphs', 'search_index']));
  });
});
