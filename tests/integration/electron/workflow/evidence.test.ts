import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbench, type Workbench } from '../../../../electron/workbench';
import { resolveEvidence, unresolvedLinks } from '../../../../electron/workflow/evidence';
import { EVIDENCE_ITEMS } from '../../../../shared/framework/evidence';
import { SEEDS_DIR, tempDir } from '../../../support/temp';

const temp = tempDir();
let wb: Workbench;
beforeAll(() => {
  wb = openWorkbench(join(temp.dir, 'evidence.sqlite'), SEEDS_DIR);
});
afterAll(() => {
  wb.close();
  temp.cleanup();
});

describe('the evidence map in SQLite', () => {
  it('resolves every link to a paragraph in every language of its document', () => {
    expect(unresolvedLinks(wb.db)).toEqual([]);
  });

  const linked = EVIDENCE_ITEMS.filter((item) => !(item.kind === 'step' && item.id === 'decided'));
  it.each(linked.map((item) => [`${item.kind}:${item.id}`, item] as const))('%s has a primary link first', (_name, item) => {
    const links = resolveEvidence(wb.db, item);
    expect(links[0]?.primary).toBe(true);
    const firstSecondary = links.findIndex((l) => !l.primary);
    if (firstSecondary >= 0) expect(links.slice(firstSecondary).every((l) => !l.primary)).toBe(true);
  });

  it('opens the 10474/17 links in Dutch and in Latvian, verbatim', () => {
    const awareness = resolveEvidence(wb.db, { kind: 'step', id: 'awareness' });
    const primary = awareness[0]!;
    expect(primary).toMatchObject({ docRef: '10474/17', anchor: 'p5.i4' });
    expect(primary.paragraphs.map((p) => p.lang)).toEqual(['lv', 'nl']);
    expect(primary.paragraphs.find((p) => p.lang === 'lv')!.text).toMatch(/kopīga situācijas apzināšanās/);
  });

  it('detects a link to an anchor that does not exist', () => {
    wb.db.prepare("INSERT INTO evidence_links VALUES ('step', 'awareness', 99, '10474/17', 'p42', 0, 'broken')").run();
    expect(unresolvedLinks(wb.db)).toEqual([
      { item: 'step:awareness', docRef: '10474/17', anchor: 'p42', lang: 'lv' },
      { item: 'step:awareness', docRef: '10474/17', anchor: 'p42', lang: 'nl' },
    ]);
  });
});
