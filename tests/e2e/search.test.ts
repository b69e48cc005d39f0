import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockingAxeViolations } from './axe';
import { closeBrowser, openApp, type AppUnderTest } from './harness';

let app: AppUnderTest;
beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app.close();
  await closeBrowser();
});

const searchBox = () => app.page.getByRole('searchbox', { name: 'Search the conclusions' });
const hit = (name: string) => app.page.locator('li.hit', { has: app.page.getByRole('button', { name }) });

async function searchFor(query: string): Promise<void> {
  await searchBox().fill(query);
  await app.page.getByRole('status').getByText(new RegExp(`match(es)? “${query.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}”`)).waitFor();
}

describe('search results say how each hit matched', () => {
  it('marks a compound below the word itself, with the word of the text that matched', async () => {
    await searchFor('kapacitetsopbygning');
    const compound = hit('7290/21 Danish §31');
    await compound.getByText('Part of a compound').waitFor();
    expect(await compound.locator('.hit__matched').textContent()).toBe('Matched: cyberkapacitetsopbygning');
    expect(await compound.locator('mark').first().textContent()).toBe('cyberkapacitetsopbygning');
    expect(await app.page.locator('.match-kind').first().textContent()).toBe('As typed');
    // The kind is part of the hit's description for a screen reader.
    const described = await app.page.getByRole('button', { name: '7290/21 Danish §31' }).evaluate((el) => el.getAttribute('aria-describedby'));
    expect(described).toBeTruthy();
    await app.screenshot('search-kinds');
    expect(await blockingAxeViolations(app.page)).toEqual([]);
  });

  it('says that an English term was searched as a glossary concept, and shows its forms on request', async () => {
    const { page } = app;
    await searchFor('sanctions');
    const note = page.locator('details.expansion');
    const summary = note.locator('summary');
    await summary.getByText('“sanctions” is a concept of the glossary').waitFor();
    expect(await note.getAttribute('open')).toBeNull();
    await summary.focus();
    await page.keyboard.press('Enter');
    await note.getByText('restriktive foranstaltninger').waitFor();
    expect(await note.locator('dt').allTextContents()).toEqual(['Dutch', 'Latvian', 'Danish']);
    const danish = hit('7290/21 Danish §26');
    await danish.getByText('Glossary concept').waitFor();
    expect(await danish.locator('.hit__matched').textContent()).toContain('restriktive foranstaltninger');
    await app.screenshot('search-concept');
    expect(await blockingAxeViolations(page)).toEqual([]);
  });

  it('quotes the footnote that matched, and opens the paragraph that carries it', async () => {
    const { page } = app;
    await searchFor('A/70/174');
    const footnote = hit('10474/17 Dutch §3');
    expect(await footnote.locator('.hit__note').textContent()).toBe('Footnote 3: ');
    await page.getByRole('button', { name: '10474/17 Dutch §3' }).click();
    const target = page.locator('[data-anchor="p3"]');
    await target.waitFor();
    expect(await target.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('shows the correct reading of a word the OCR damaged beside the source’s form', async () => {
    const { page } = app;
    await page.keyboard.press('Control+k');
    await searchFor('coöperatieve');
    const item = hit('10119/24 Dutch §6, indent 1');
    expect(await item.locator('mark').allTextContents()).toContain('codperatieve');
    expect(await item.locator('.hit__matched').textContent()).toContain('codperatieve (the source’s OCR error; reads coöperatieve)');
  });

  it('made no request outside the app', () => {
    expect(app.foreignRequests).toEqual([]);
  });
});
