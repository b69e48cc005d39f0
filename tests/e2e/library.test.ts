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
const paragraph = (anchor: string) => app.page.locator(`[data-anchor="${anchor}"]`);

/** Back to the document list with an empty search, from wherever the last test left the app. */
async function toLibraryIndex(): Promise<void> {
  const back = app.page.getByRole('button', { name: /^Back to the (library|search results)$/ });
  if (await back.isVisible()) await back.click();
  await searchBox().fill('');
  await app.page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
}

async function expectAccessible(): Promise<void> {
  expect(await blockingAxeViolations(app.page)).toEqual([]);
}

describe('library', () => {
  it('lists the conclusions grouped by document, with their languages', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: '10474/17' }).waitFor();
    const entry = page.locator('li', { has: page.getByRole('heading', { name: '10474/17' }) });
    await entry.getByText('Dutch').waitFor();
    await entry.getByText('Latvian').waitFor();
    for (const docRef of ['6122/15', '7290/21', '10119/24']) {
      await page.getByRole('heading', { name: docRef }).waitFor();
    }
    await app.screenshot('library');
    await expectAccessible();
    expect(app.foreignRequests).toEqual([]);
  });

  it('offers a skip link first, and Ctrl+K focuses the search field', async () => {
    const { page } = app;
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Control+k');
    expect(await searchBox().evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('finds a Latvian word typed without diacritics and opens the hit at its paragraph', async () => {
    const { page } = app;
    await page.keyboard.press('Control+k');
    await page.keyboard.type('sameriba');
    const hit = page.getByRole('button', { name: '10474/17 Latvian §5, indent 5' });
    await hit.waitFor();
    await page.getByRole('status').getByText(/paragraphs? match(es)? “sameriba”/).waitFor();
    const item = page.locator('li.hit', { has: hit });
    expect(await item.locator('mark').allTextContents()).toContain('samērība');
    await app.screenshot('search-results');
    await expectAccessible();

    await hit.click();
    const title = page.getByRole('heading', { level: 1 });
    await title.waitFor();
    expect(await title.getAttribute('lang')).toBe('lv');
    expect(await page.getByRole('button', { name: 'Latvian', pressed: true }).count()).toBe(1);
    const target = paragraph('p5.i5');
    await target.waitFor();
    expect(await target.textContent()).toContain('samērība');
    expect(await target.getAttribute('class')).toContain('para--flash');
    expect(await target.evaluate((el) => el === document.activeElement)).toBe(true);
    const box = (await target.boundingBox())!;
    expect(box.y).toBeGreaterThan(0);
    expect(box.y + box.height).toBeLessThan(800);
    await page.waitForTimeout(600); // let the highlight settle a little for the screenshot
    await app.screenshot('reader');
    await expectAccessible();

    // Back to the results, with the focus on the hit that was opened.
    await page.getByRole('button', { name: 'Back to the search results' }).click();
    await hit.waitFor();
    expect(await hit.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('shows the reader with its title, date, labelled paragraphs and numbered footnotes', async () => {
    const { page } = app;
    await toLibraryIndex();
    await page.getByRole('button', { name: /^Conclusies van de Raad over de democratische veerkracht/ }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByText('21 May 2024').waitFor();
    expect(await paragraph('p14').locator('.para__label').textContent()).toBe('§14 (number inferred)');
    expect(await paragraph('p6.i2').locator('.para__label').textContent()).toBe('§6, indent 2');
    const footnotes = page.getByRole('region', { name: 'Footnotes' });
    expect(await footnotes.locator('ol > li').count()).toBeGreaterThan(0);
    expect(await footnotes.locator('ol > li').first().getAttribute('value')).toBe('1');
    await app.screenshot('reader-top');
  });

  it('reads 10119/24 §6 in its order, says once that damaged words are corrected, and marks each correction', async () => {
    const { page } = app;
    // Where the last test left it: 10119/24 in Dutch.
    const anchors = await page.locator('[data-anchor]').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.anchor));
    expect(anchors.slice(anchors.indexOf('p6'), anchors.indexOf('p7'))).toEqual(['p6', 'p6.i1', 'p6.i2', 'p6.i3', 'p6.closing']);
    expect(await paragraph('p6.closing').locator('.para__label').textContent()).toBe('§6, closing words');
    expect(await paragraph('p6.closing').locator('.para__text').textContent()).toMatch(/^MERKT OP dat deze toolboxen/);

    await page.getByRole('complementary', { name: 'Corrected readings' }).getByText(/words of this text were damaged/).waitFor();
    const correction = paragraph('p6.i1').locator('.reading', { hasText: 'coöperatieve' });
    expect(await correction.getAttribute('title')).toBe('Source reads: codperatieve');
    expect(await correction.getAttribute('aria-description')).toBe('Source reads: codperatieve');
    // The keyboard reaches a correction, and its source's form shows.
    await correction.focus();
    expect(await correction.evaluate((el) => getComputedStyle(el, '::after').content)).toContain('Source reads: codperatieve');
    await paragraph('p6.i1').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await app.screenshot('reader-readings');

    // A footnote whose number was lost says so.
    const footnotes = page.getByRole('region', { name: 'Footnotes' });
    expect(await footnotes.locator('li[value="7"]').textContent()).toContain('number inferred');
    await expectAccessible();
  });

  it('shows the sub-paragraphs of 10474/17 §1 and its footnote markers in place, each opening its footnote', async () => {
    const { page } = app;
    await toLibraryIndex();
    const entry = page.locator('li', { has: page.getByRole('heading', { name: '10474/17' }) });
    await entry.getByRole('button', { name: /^Conclusies van de Raad over een kader/ }).click();
    const p1 = paragraph('p1');
    await p1.waitFor();
    expect(await p1.locator('.para__text .ptext__block').count()).toBe(3);
    expect(await paragraph('p3').locator('.para__text .ptext__block').count()).toBe(3);

    // The marker stands after the word that carries it, and opens its footnote from the keyboard.
    const marker = p1.getByRole('button', { name: 'Footnote 1', exact: true });
    expect(await p1.locator('.para__text .ptext__block').nth(1).textContent()).toContain('inzake cyberbeveiliging1, waarin');
    expect(await marker.getAttribute('aria-expanded')).toBe('false');
    await marker.focus();
    await page.keyboard.press('Enter');
    expect(await marker.getAttribute('aria-expanded')).toBe('true');
    const note = page.locator(`[id="${await marker.getAttribute('aria-controls')}"]`);
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toBe('1 Doc. 12109/13.');
    await p1.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await app.screenshot('reader-footnote');
    await expectAccessible();
    await page.keyboard.press('Enter');
    expect(await note.isVisible()).toBe(false);

    // The list at the end says where each footnote stands, and goes there.
    const footnotes = page.getByRole('region', { name: 'Footnotes' });
    await footnotes.getByRole('button', { name: 'Footnote 4 in §3: go to the paragraph' }).click();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-anchor') === 'p3');

    // Citing offers the reference alone or the quotation with its footnotes, one Tab apart.
    await p1.getByRole('button', { name: 'Cite §1 (Dutch)' }).focus();
    await page.keyboard.press('Tab');
    expect(await p1.getByRole('button', { name: 'Quote §1 (Dutch) with its reference and footnotes' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await p1.getByRole('status').getByText('Copied the quotation of Council conclusions 10474/17, para. 1 (NL), with its 2 footnotes').waitFor();
    const quotation = app.clipboard.at(-1)!.split('\n');
    expect(quotation[0]).toMatch(/^“De EU onderkent dat de cyberspace/);
    expect(quotation.slice(-3)).toEqual(['Council conclusions 10474/17, para. 1 (NL)', 'Footnote 1: Doc. 12109/13.', 'Footnote 2: Doc. 6122/15.']);
    expect(quotation.join('\n')).toContain('inzake cyberbeveiliging, waarin');
    await p1.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await app.screenshot('cite-quotation');
  });

  it('shows 10474/17 in Dutch and Latvian side by side, aligned by paragraph', async () => {
    const { page } = app;
    await toLibraryIndex();
    await page.getByRole('button', { name: 'Compare Dutch and Latvian side by side' }).click();
    await page.getByRole('heading', { name: '10474/17: Dutch and Latvian side by side' }).waitFor();
    for (const anchor of ['p1', 'p2', 'p3', 'p4', 'p5', 'p6']) {
      const row = page.locator(`tr[data-anchor="${anchor}"]`);
      await row.waitFor();
      const nl = (await row.locator('td[lang="nl"] .compare__text').textContent()) ?? '';
      const lv = (await row.locator('td[lang="lv"] .compare__text').textContent()) ?? '';
      expect(nl.length).toBeGreaterThan(40);
      expect(lv.length).toBeGreaterThan(40);
      expect(await row.locator('th').textContent()).toBe(`§${anchor.slice(1)}`);
    }
    expect(await page.locator('tr[data-anchor="p5.i5"] td[lang="lv"]').textContent()).toContain('samērība');
    // Both languages show §1's sub-paragraphs and its footnote markers.
    for (const lang of ['nl', 'lv']) {
      const cell = page.locator(`tr[data-anchor="p1"] td[lang="${lang}"]`);
      expect(await cell.locator('.compare__text .ptext__block').count()).toBe(3);
      expect(await cell.getByRole('button', { name: /^Footnote \d$/ }).count()).toBe(2);
    }
    await app.screenshot('side-by-side');
    await expectAccessible();

    // Switching to one language keeps the reader's place.
    await page.locator('tr[data-anchor="p4"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.getByRole('button', { name: 'Latvian', exact: true }).click();
    await paragraph('p4').waitFor();
    await page.waitForFunction(() => {
      const top = document.querySelector('[data-anchor="p4"]')?.getBoundingClientRect().top ?? -1;
      return top > 0 && top < 200;
    });
    expect(await page.getByRole('heading', { level: 1 }).getAttribute('lang')).toBe('lv');
  });

  it('cites a paragraph, falling back to a selected field when the clipboard is refused', async () => {
    const { page } = app;
    await toLibraryIndex();
    const entry = page.locator('li', { has: page.getByRole('heading', { name: '10474/17' }) });
    await entry.getByRole('button', { name: /^Conclusies van de Raad over een kader/ }).click();
    const cite = page.getByRole('button', { name: 'Cite §5, indent 4 (Dutch)' });
    await cite.waitFor();

    // When the desktop refuses the clipboard, the fallback shows.
    app.refuseClipboard(true);
    await cite.click();
    const field = page.getByRole('textbox', { name: /Copying to the clipboard was not allowed/ });
    await field.waitFor();
    expect(await field.inputValue()).toBe('Council conclusions 10474/17, para. 5, fourth indent (NL)');
    await app.screenshot('cite-fallback');
    expect(await field.evaluate((el: HTMLInputElement) => el === document.activeElement && el.selectionEnd === el.value.length && el.selectionStart === 0)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await field.count()).toBe(0);
    expect(await cite.evaluate((el) => el === document.activeElement)).toBe(true);

    // With a clipboard that accepts, the citation is copied and confirmed where the user looks.
    app.refuseClipboard(false);
    await page.getByRole('button', { name: 'Cite §2 (Dutch)' }).click();
    const status = paragraph('p2').getByRole('status');
    await status.getByText('Copied: Council conclusions 10474/17, para. 2 (NL)').waitFor();
    await app.screenshot('cite-copied');
    expect(app.clipboard.at(-1)).toBe('Council conclusions 10474/17, para. 2 (NL)');
    await expectAccessible();
  });

  it('explains a query that cannot be searched', async () => {
    const { page } = app;
    // From the reader (where the last test left the app), Ctrl+F goes back to the search field.
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Control+f');
    expect(await searchBox().evaluate((el) => el === document.activeElement)).toBe(true);
    await searchBox().fill('"');
    await page.getByRole('status').getByText('This search cannot be run.').waitFor();
    await page.getByText('Nothing to search for: type at least one word (letters or digits).').waitFor();
    expect(await page.locator('li.hit').count()).toBe(0);
    await app.screenshot('search-error');
    await expectAccessible();
  });

  it('filters the results by language and document', async () => {
    const { page } = app;
    await searchBox().fill('cyber*');
    await page.getByRole('status').getByText(/match(es)? “cyber\*”/).waitFor();
    await page.getByLabel('Document').selectOption('6122/15');
    await page.getByRole('status').getByText(/match(es)? “cyber\*”/).waitFor();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.hit__doc')].every((el) => el.textContent === '6122/15'),
    );
    expect(await page.locator('.hit__doc').count()).toBeGreaterThan(0);
    await page.getByLabel('Document').selectOption('');
    await page.getByLabel('Language').selectOption('da');
    await page.waitForFunction(() => {
      const docs = [...document.querySelectorAll('.hit__doc')];
      return docs.length > 0 && docs.every((el) => el.textContent === '7290/21');
    });
    await page.getByLabel('Language').selectOption('');
  });

  it('made no request outside the app', () => {
    expect(app.foreignRequests).toEqual([]);
  });
});

describe('library at 1920x1080', () => {
  it('uses a wide screen calmly', async () => {
    const wide = await openApp({ viewport: { width: 1920, height: 1080 } });
    try {
      const { page } = wide;
      await page.getByRole('heading', { name: '10474/17' }).waitFor();
      await wide.screenshot('library-1920');
      await page.getByRole('button', { name: 'Compare Dutch and Latvian side by side' }).click();
      await page.locator('tr[data-anchor="p6"]').waitFor();
      await wide.screenshot('side-by-side-1920');
      expect(wide.foreignRequests).toEqual([]);
    } finally {
      await wide.close();
    }
  });
});
