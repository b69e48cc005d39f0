import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getExercise } from '../../electron/exercise/exercises';
import { sendEvent } from '../../electron/workflow/runs';
import type { IncomingEvent } from '../../shared/workflow/event-schema';
import { blockingAxeViolations } from './axe';
import { call, closeBrowser, openApp, type AppUnderTest } from './harness';

let app: AppUnderTest;
let exerciseId = '';
const out = mkdtempSync(join(tmpdir(), 'cdt-report-'));

beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app?.close();
  await closeBrowser();
});

const EXERCISE = 'Cold Ward, report rehearsal';
const SCENARIO_TITLE = 'Cold Ward: ransomware against hospitals in three member states';
const FACILITATOR = 'Anna Virtanen';
const ISSUE_1 = 'Delegations waited for one single source before agreeing the facts';
const ACTION_1 = 'Agree a two source rule for shared situational awareness';
const ISSUE_2 = 'Nobody owned the press line';
const ACTION_2 = 'Name a spokesperson before the first inject';

const report = (): Locator => app.page.locator('#ex-report');
const plan = (): Locator => report().getByRole('table', { name: 'Improvement plan' });
const cell = (field: string, n: number): Locator => report().getByLabel(`${field}, item ${n}`, { exact: true });
const state = (): Locator => report().locator('.ex-plan-form__state');

async function expectAccessible(page: Page, include?: string): Promise<void> {
  expect(await blockingAxeViolations(page, include ? { include } : {})).toEqual([]);
}

/** The record a delegation writes during the exercise, sent as its own run would send it. */
function playDelegation(runId: string): void {
  const events: IncomingEvent[] = [
    { type: 'FINDING.ADD', id: 'f1', text: 'Hospital systems encrypted in three member states.', source: 'CERT-EU', confidence: 'high' },
    { type: 'AWARENESS.AGREE', text: 'Ransomware on hospitals in three member states.' },
    { type: 'ATTRIBUTION.SKIP', reason: 'Not yet: the facts do not allow it.' },
  ];
  for (const event of events) expect(sendEvent(app.workbench.db, runId, event).accepted).toBe(true);
}

/** Waits until a report save has come back (the busy line empties) after the dialog was asked. */
async function saveSettled(dialogsBefore: number): Promise<void> {
  await expect.poll(() => app.saveDialogs.length).toBe(dialogsBefore + 1);
  await app.page.waitForFunction(() => [...document.querySelectorAll('.save-report__busy')].every((el) => el.textContent === ''));
}

describe('the after-action report', () => {
  it('starts from an exercise two delegations have played', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Exercises', exact: true }).first().click();
    await page.getByRole('button', { name: 'New exercise' }).click();
    await page.getByRole('radio', { name: new RegExp(SCENARIO_TITLE) }).check();
    await page.getByLabel('Name of the exercise').fill(EXERCISE);
    await page.getByLabel('Delegation 1', { exact: true }).fill('Member State A');
    await page.getByLabel('Delegation 2', { exact: true }).fill('Member State B');
    await page.getByRole('button', { name: 'Create exercise' }).click();
    await page.getByRole('heading', { name: EXERCISE, level: 1 }).waitFor();
    exerciseId = (await call(page, 'listExercises', {}))[0]!.id;
    for (const d of getExercise(app.workbench.db, exerciseId).delegations) playDelegation(d.runId);
    await app.announceChange();
  });

  it('takes the facilitator to the report section, which says what the report holds', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'After-action report' }).click();
    const heading = page.getByRole('heading', { name: 'After-action report', level: 2 });
    expect(await heading.evaluate((el) => el === document.activeElement)).toBe(true);
    const intro = (await report().locator('.ex-report__intro').textContent()) ?? '';
    expect(intro).toContain('event log');
    expect(intro).toContain('verbatim');
    expect(intro).toContain('verified');
    await report().getByText('No improvement items yet.').waitFor();
    expect(await state().textContent()).toBe('All changes saved.');
    // All languages is the default for the quotations.
    expect(await report().getByRole('radio', { name: 'All languages' }).isChecked()).toBe(true);
    for (const name of ['Dutch (NL)', 'Latvian (LV)', 'Danish (DA)']) await report().getByRole('radio', { name }).waitFor();
  });

  it('edits the facilitator and two improvement items in place, and saves them', async () => {
    const { page } = app;
    await report().getByLabel('Facilitator’s name').fill(FACILITATOR);
    await report().getByRole('button', { name: 'Add improvement item' }).click();
    // A new row takes the focus at its issue, so the keyboard carries on there.
    expect(await cell('Issue', 1).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(ISSUE_1);
    await cell('Corrective action', 1).fill(ACTION_1);
    await cell('Owner', 1).fill('EEAS Crisis Response');
    await cell('Due date', 1).fill('2026-06-30');
    await report().getByRole('button', { name: 'Add improvement item' }).click();
    await cell('Issue', 2).fill(ISSUE_2);
    await cell('Corrective action', 2).fill(ACTION_2);
    await cell('Owner', 2).fill('Council Secretariat');
    expect(await plan().locator('thead th').allTextContents()).toEqual([
      'Item', 'Issue (required)', 'Corrective action', 'Owner', 'Due date YYYY-MM-DD', 'Objective and priority', 'Actions',
    ]);
    expect(await state().textContent()).toBe('Unsaved changes.');
    // Until they are saved, the report says it holds the plan as last saved.
    await report().getByText(/save your changes first to include them/).waitFor();
    await report().scrollIntoViewIfNeeded();
    await report().evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await app.screenshot('report-console');

    await report().getByRole('button', { name: 'Save facilitator and plan' }).click();
    await state().getByText('All changes saved.').waitFor();
    expect(await report().getByText(/save your changes first/).count()).toBe(0);
    const saved = getExercise(app.workbench.db, exerciseId);
    expect(saved.facilitator).toBe(FACILITATOR);
    expect(saved.improvementPlan.map(({ issue, correctiveAction, owner, dueDate }) => ({ issue, correctiveAction, owner, dueDate }))).toEqual([
      { issue: ISSUE_1, correctiveAction: ACTION_1, owner: 'EEAS Crisis Response', dueDate: '2026-06-30' },
      { issue: ISSUE_2, correctiveAction: ACTION_2, owner: 'Council Secretariat', dueDate: '' },
    ]);
    // The renderer minted the ids, one per item.
    expect(new Set(saved.improvementPlan.map((i) => i.id)).size).toBe(2);
  });

  it('finds them again after a reload', async () => {
    const { page } = app;
    await page.reload();
    await page.getByRole('button', { name: 'Exercises', exact: true }).first().click();
    await page.getByRole('button', { name: EXERCISE, exact: true }).click();
    await page.getByRole('heading', { name: EXERCISE, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'After-action report' }).click();
    expect(await report().getByLabel('Facilitator’s name').inputValue()).toBe(FACILITATOR);
    expect(await cell('Issue', 1).inputValue()).toBe(ISSUE_1);
    expect(await cell('Due date', 1).inputValue()).toBe('2026-06-30');
    expect(await cell('Corrective action', 2).inputValue()).toBe(ACTION_2);
    expect(await cell('Owner', 2).inputValue()).toBe('Council Secretariat');
    expect(await state().textContent()).toBe('All changes saved.');
  });

  it('refuses an item without an issue, says why near the table, and keeps what was typed', async () => {
    const { page } = app;
    await report().getByRole('button', { name: 'Add improvement item' }).click();
    await cell('Corrective action', 3).fill('Rehearse the attribution step');
    await report().getByRole('button', { name: 'Save facilitator and plan' }).click();
    const alert = report().getByRole('alert');
    await alert.getByText('Not saved. Your changes are still here: correct them and save again.').waitFor();
    // The main process's words, with the field named as the form names it (not its 0-based path).
    expect(await alert.locator('li').first().textContent()).toMatch(/^Issue, item 3: an improvement item needs an issue/);
    // The field it names is marked, and the refusal takes the user there.
    expect(await cell('Issue', 3).getAttribute('aria-invalid')).toBe('true');
    expect(await cell('Issue', 2).getAttribute('aria-invalid')).toBeNull();
    await expect.poll(() => alert.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await cell('Corrective action', 3).inputValue()).toBe('Rehearse the attribution step');
    expect(await state().textContent()).toBe('Unsaved changes.');
    expect(getExercise(app.workbench.db, exerciseId).improvementPlan).toHaveLength(2);
    await alert.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await app.screenshot('report-plan-error');
    await expectAccessible(page, '#ex-report');
    await alert.getByRole('button', { name: 'Go to Issue, item 3' }).click();
    expect(await cell('Issue', 3).evaluate((el) => el === document.activeElement)).toBe(true);

    // A due date that is no day of the calendar is refused too, naming the field.
    await cell('Issue', 3).fill('The attribution step was skipped');
    await cell('Due date', 3).fill('2026-02-30');
    await report().getByRole('button', { name: 'Save facilitator and plan' }).click();
    await alert.getByText(/expected a date as YYYY-MM-DD/).waitFor();
    expect(await alert.locator('li').first().textContent()).toMatch(/^Due date, item 3: /);
    expect(await cell('Due date', 3).getAttribute('aria-invalid')).toBe('true');
    expect(await cell('Issue', 3).getAttribute('aria-invalid')).toBeNull();
    expect(getExercise(app.workbench.db, exerciseId).improvementPlan).toHaveLength(2);

    // Removing the row leaves the plan as saved: nothing left to save.
    await report().getByRole('button', { name: 'Remove item 3' }).click();
    expect(await state().textContent()).toBe('All changes saved.');
    expect(await plan().locator('tbody tr').count()).toBe(2);
  });

  it('discards unsaved changes on request', async () => {
    await cell('Owner', 2).fill('Someone else');
    expect(await state().textContent()).toBe('Unsaved changes.');
    await report().getByRole('button', { name: 'Discard changes' }).click();
    expect(await cell('Owner', 2).inputValue()).toBe('Council Secretariat');
    expect(await state().textContent()).toBe('All changes saved.');
  });

  it('saves the report as Markdown, and says where', async () => {
    const file = join(out, 'cold-ward.md');
    app.answerSaveDialog(file);
    const before = app.saveDialogs.length;
    await report().getByRole('button', { name: 'Save as Markdown…' }).click();
    await report().getByRole('status').getByText(`Saved the report to ${file}`).waitFor();
    expect(app.saveDialogs.length).toBe(before + 1);
    expect(app.saveDialogs.at(-1)).toMatch(/\.md$/);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('EXERCISE');
    expect(text).toContain(FACILITATOR);
    for (const words of [ISSUE_1, ACTION_1, ISSUE_2, ACTION_2, 'EEAS Crisis Response', '2026-06-30']) expect(text).toContain(words);
    expect(text).toContain('Member State A');
    expect(text).toContain('Member State B');
  });

  it('saves the report as PDF with the quotations in Dutch', async () => {
    await report().getByRole('radio', { name: 'Dutch (NL)' }).check();
    const file = join(out, 'cold-ward.pdf');
    app.answerSaveDialog(file);
    await report().getByRole('button', { name: 'Save as PDF…' }).click();
    await report().getByRole('status').getByText(`Saved the report to ${file}`).waitFor({ timeout: 60_000 });
    expect(app.saveDialogs.at(-1)).toMatch(/\.pdf$/);
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('writes nothing when the save dialog is cancelled, and says nothing', async () => {
    app.answerSaveDialog(null);
    const before = app.saveDialogs.length;
    const files = readdirSync(out).sort();
    await report().getByRole('button', { name: 'Save as JSON…' }).click();
    await saveSettled(before);
    expect(app.saveDialogs.at(-1)).toMatch(/\.json$/);
    expect(readdirSync(out).sort()).toEqual(files);
    expect(await report().locator('.save-report .outcome').count()).toBe(0);
  });

  it('shows the main process’s message when the file cannot be written', async () => {
    const file = join(out, 'no-such-folder', 'cold-ward.json');
    app.answerSaveDialog(file);
    await report().getByRole('button', { name: 'Save as JSON…' }).click();
    const alert = report().getByRole('alert');
    await alert.getByText('The report was not saved.').waitFor();
    expect(((await alert.locator('li').allTextContents()).join(' ')).length).toBeGreaterThan(0);
    expect(existsSync(file)).toBe(false);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expectAccessible(app.page, '#ex-report');
  });

  it('saves the report of one delegation’s run from its page', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Open run of Member State A' }).click();
    await page.getByRole('heading', { name: /Member State A/, level: 1 }).waitFor();
    const toggle = page.getByRole('button', { name: 'After-action report' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const panel = page.getByRole('region', { name: 'After-action report of this run' });
    await panel.getByText('event log').waitFor();
    await panel.getByRole('radio', { name: 'Latvian (LV)' }).check();
    const file = join(out, 'member-state-a.md');
    app.answerSaveDialog(file);
    await panel.getByRole('button', { name: 'Save as Markdown…' }).click();
    await panel.getByRole('status').getByText(`Saved the report to ${file}`).waitFor();
    expect(app.saveDialogs.at(-1)).toMatch(/\.md$/);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('EXERCISE');
    expect(text).toContain('Member State A');
    expect(text).toContain('Hospital systems encrypted in three member states.');
    // One run's report is that run's: the other delegation's record is not in it.
    expect(text).toContain('### Delegation: Member State A');
    expect(text).not.toContain('### Delegation: Member State B');
    await app.screenshot('report-run');
    await expectAccessible(page);

    const pdf = join(out, 'member-state-a.pdf');
    app.answerSaveDialog(pdf);
    await panel.getByRole('button', { name: 'Save as PDF…' }).click();
    await panel.getByRole('status').getByText(`Saved the report to ${pdf}`).waitFor({ timeout: 60_000 });
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(app.foreignRequests).toEqual([]);
  });

  it('opens the finished sample exercise from the list, and saves its report as a PDF a reader can check', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Exercises', exact: true }).first().click();
    await page.getByRole('button', { name: 'Back to the exercises' }).first().click();
    await page.getByRole('button', { name: 'Open the sample exercise' }).click();
    await page.getByRole('heading', { name: 'Cold Ward — sample exercise', level: 1 }).waitFor();
    for (const name of ['Delegation Aurelia', 'Delegation Borealis', 'Delegation Castellan']) {
      await page.getByRole('button', { name: `Open run of ${name}` }).waitFor();
    }
    await page.getByRole('button', { name: /After-action report/ }).first().click();
    await expect.poll(() => report().getByLabel('Facilitator’s name').inputValue()).not.toBe('');
    await app.screenshot('report-sample-console');

    const file = join(out, 'sample.pdf');
    app.answerSaveDialog(file);
    await report().getByRole('button', { name: 'Save as PDF…' }).click();
    await report().getByRole('status').getByText(`Saved the report to ${file}`).waitFor({ timeout: 60_000 });
    const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(5);
    pages.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain('EXERCISE');
      expect(text.replace(/\s+/g, ' '), `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    expect(pages.join(' ')).toContain('Every record verified');

    // A second click opens the same exercise again; nothing is imported twice.
    await page.getByRole('button', { name: 'Back to the exercises' }).first().click();
    await page.getByRole('button', { name: 'Open the sample exercise' }).click();
    await page.getByRole('heading', { name: 'Cold Ward — sample exercise', level: 1 }).waitFor();
    expect((await call(page, 'listExercises', {})).filter((e) => e.name === 'Cold Ward — sample exercise')).toHaveLength(1);
    expect(app.foreignRequests).toEqual([]);
  });
});
