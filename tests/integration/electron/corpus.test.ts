import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/db/open';
import { ensureCorpus } from '../../../electron/corpus/ingest';
import { parseSeed } from '../../../electron/corpus/parse';
import { readSeeds } from '../../../electron/corpus/seeds';
import { getDocument, getFootnote, getParagraph, listDocuments } from '../../../electron/corpus/queries';
import { searchCorpus } from '../../../electron/corpus/search';
import { SeedError } from '../../../electron/corpus/seeds';
import { SEEDS_DIR, tempDir } from '../../support/temp';

const temp = tempDir();
let db: Db;

beforeAll(() => {
  db = openDatabase(join(temp.dir, 'corpus.sqlite'));
  ensureCorpus(db, SEEDS_DIR);
});
afterAll(() => {
  db.close();
  temp.cleanup();
});

describe('the corpus in SQLite', () => {
  it('holds the five documents with their metadata', () => {
    const docs = listDocuments(db);
    expect(docs.map((d) => `${d.docRef}/${d.lang}`).sort()).toEqual(
      ['10119/24/nl', '10474/17/lv', '10474/17/nl', '6122/15/nl', '7290/21/da'].sort(),
    );
    const toolbox = docs.find((d) => d.docRef === '10474/17' && d.lang === 'nl')!;
    expect(toolbox.adopted).toBe('2017-06-19');
    expect(toolbox.paragraphCount).toBeGreaterThan(6);
  });

  it('opens every anchor of 10474/17 in Dutch and in Latvian', () => {
    const nl = getDocument(db, '10474/17', 'nl')!;
    const lv = getDocument(db, '10474/17', 'lv')!;
    expect(nl.paragraphs.map((p) => p.anchor)).toEqual(lv.paragraphs.map((p) => p.anchor));
    for (const { anchor } of nl.paragraphs) {
      expect(getParagraph(db, '10474/17', anchor).map((p) => p.lang)).toEqual(['lv', 'nl']);
    }
  });

  it('gives back every document as parsed: its order, its footnotes and where their markers stand', () => {
    for (const { text, meta } of readSeeds(SEEDS_DIR, 0).files) {
      const { docRef, lang, title, adopted, meeting, paragraphs, footnotes } = parseSeed(text, meta);
      expect(getDocument(db, docRef, lang), `${docRef} ${lang}`).toEqual({ docRef, lang, title, adopted, meeting, paragraphs, footnotes });
    }
  });

  it('quotes a paragraph with its footnotes, and opens a footnote with the paragraph that carries it', () => {
    const [p1] = getParagraph(db, '10474/17', 'p1', 'nl');
    expect(p1?.notes).toEqual([
      { n: 1, text: 'Doc. 12109/13.', anchor: 'p1', inferred: false },
      { n: 2, text: 'Doc. 6122/15.', anchor: 'p1', inferred: false },
    ]);
    expect(getParagraph(db, '7290/21', 'r1.closing')[0]?.notes.map((f) => f.n)).toEqual([18]);
    expect(getFootnote(db, '10119/24', 8)).toEqual([
      expect.objectContaining({ docRef: '10119/24', lang: 'nl', n: 8, anchor: 'p14', inferred: true }),
    ]);
    expect(getFootnote(db, '10474/17', 3).map((f) => [f.lang, f.anchor])).toEqual([
      ['lv', 'p3'],
      ['nl', 'p3'],
    ]);
  });

  it('is rebuilt only when the seeds change', () => {
    expect(ensureCorpus(db, SEEDS_DIR).rebuilt).toBe(false);
  });

  it('keeps the previous corpus when a seed file does not match its manifest hash', () => {
    const seeds = join(temp.dir, 'seeds-bad-hash');
    cpSync(SEEDS_DIR, seeds, { recursive: true });
    const file = join(seeds, '000_2ce40992bd9206a2.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace('kwaadwillige', 'kwaadaardige'));
    const before = listDocuments(db);
    expect(() => ensureCorpus(db, seeds)).toThrow(SeedError);
    expect(() => ensureCorpus(db, seeds)).toThrow(/000_2ce40992bd9206a2\.txt: its SHA-256 is/);
    expect(listDocuments(db)).toEqual(before);
  });

  it('keeps the previous corpus when the manifest is invalid, and names the field', () => {
    const seeds = join(temp.dir, 'seeds-bad-manifest');
    cpSync(SEEDS_DIR, seeds, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(seeds, 'manifest.json'), 'utf8'));
    manifest.documents[1].lang = 'fr';
    writeFileSync(join(seeds, 'manifest.json'), JSON.stringify(manifest));
    const before = searchCorpus(db, 'cyberdiplomatie').total;
    expect(() => ensureCorpus(db, seeds)).toThrow(/documents\.1\.lang/);
    expect(searchCorpus(db, 'cyberdiplomatie').total).toBe(before);
  });
});
