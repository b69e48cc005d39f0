import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
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
const out = mkdtempSync(join(tmpdir(), 'cdt-exercise-export-'));

beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app?.close();
  await closeBrowser();
});

const EXERCISE = 'Cold Ward, PSC table-top';
const SCENARIO_TITLE = 'Cold Ward: ransomware against hospitals in three member states';
const INJECT_TITLE = 'CSIRTs Network: joint technical summary';

async function expectAccessible(page: Page = app.page): Promise<void> {
  expect(await blockingAxeViolations(page)).toEqual([]);
}

const card = (name: string): Locator => app.page.locator(`article[data-delegation="${name}"]`);
const cardStep = async (name: string): Promise<string | null> => card(name).locator('.ex-card__step').getAttribute('data-step');

/** A delegation's run taken to proportionality behind the console's back, as the delegation would. */
function advanceToProportionality(runId: string): void {
  const events: IncomingEvent[] = [
    { type: 'FINDING.ADD', id: 'f1', text: 'Hospital systems encrypted in three member states.', source: 'CERT-EU', confidence: 'high' },
    { type: 'AWARENESS.AGREE', text: 'Ransomware on hospitals in three member states.' },
    { type: 'ATTRIBUTION.SKIP', reason: 'Not yet: the facts do not allow it.' },
    { type: 'RATING.SET', dimension: 'scope', value: 3, rationale: 'Three member states.' },
    { type: 'RATING.SET', dimension: 'impact', value: 3, rationale: 'Ambulances diverted.' },
  ];
  for (const event of events) expect(sendEvent(app.workbench.db, runId, event).accepted).toBe(true);
}

describe('a facilitator runs an exercise', () => {
  it('creates an exercise from the hospital ransomware example with two delegations', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Exercises', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Exercises', level: 1 }).waitFor();
    await page.getByText('No exercises yet.').waitFor();
    await page.getByRole('button', { name: 'New exercise' }).click();
    await page.getByRole('heading', { name: 'New exercise', level: 1 }).waitFor();

    await page.getByRole('radio', { name: new RegExp(SCENARIO_TITLE) }).check();
    await page.getByLabel('Name of the exercise').fill(EXERCISE);
    await page.getByLabel('Delegation 1', { exact: true }).fill('Member State A');
    await page.getByLabel('Delegation 2', { exact: true }).fill('Member State B');
    // Add a third row and remove it again: the form keeps the other two.
    await page.getByRole('button', { name: 'Add delegation' }).click();
    expect(await page.getByLabel('Delegation 3', { exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole('button', { name: 'Remove delegation 3' }).click();
    const banner = page.getByRole('note', { name: 'Exercise marking' });
    expect(await banner.textContent()).toContain('TLP:GREEN');
    await app.screenshot('exercise-new');
    await expectAccessible();

    await page.getByRole('button', { name: 'Create exercise' }).click();
    await page.getByRole('heading', { name: EXERCISE, level: 1 }).waitFor();
    exerciseId = (await call(page, 'listExercises', {}))[0]!.id;
  });

  it('shows both delegations, EXERCISE and the classification marking', async () => {
    const { page } = app;
    const banner = page.getByRole('note', { name: 'Exercise marking' });
    const text = (await banner.textContent()) ?? '';
    expect(text).toContain('EXERCISE');
    expect(text).toContain('EXERCISE — FICTIONAL SCENARIO');
    expect(text).toContain('TLP:GREEN');
    await card('Member State A').waitFor();
    await card('Member State B').waitFor();
    expect(await cardStep('Member State A')).toBe('awareness');
    // The questions for the delegation's step come from the scenario.
    await card('Member State A').getByText('Which facts do all member states accept, and which rest on one source only?').waitFor();
    await expectAccessible();
  });

  it('renames a delegation in place; a name another delegation has is refused', async () => {
    const b = card('Member State B');
    await b.getByRole('button', { name: 'Rename Member State B' }).click();
    const field = b.getByLabel('New name for Member State B');
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    await field.fill('member state a');
    await b.getByRole('button', { name: 'Save name' }).click();
    await b.getByRole('alert').getByText('already has a delegation named "Member State A"').waitFor();
    expect(await field.inputValue()).toBe('member state a');
    await b.scrollIntoViewIfNeeded();
    await app.screenshot('exercise-rename-refused');
    await expectAccessible();
    await field.fill('Member State Bravo');
    await b.getByRole('button', { name: 'Save name' }).click();
    await card('Member State Bravo').getByRole('heading', { name: 'Member State Bravo' }).waitFor();
    const exercise = getExercise(app.workbench.db, exerciseId);
    expect(exercise.delegations.map((d) => d.name)).toEqual(['Member State A', 'Member State Bravo']);
    expect(exercise.delegations[1]!.run.name).toMatch(/ — Member State Bravo$/);
    // Escape leaves the name as it was; the later tests use the first name again.
    const bravo = card('Member State Bravo');
    await bravo.getByRole('button', { name: 'Rename Member State Bravo' }).click();
    await bravo.getByLabel('New name for Member State Bravo').press('Escape');
    await bravo.getByRole('button', { name: 'Rename Member State Bravo' }).click();
    await bravo.getByLabel('New name for Member State Bravo').fill('Member State B');
    await bravo.getByRole('button', { name: 'Save name' }).click();
    await card('Member State B').getByRole('button', { name: 'Rename Member State B' }).waitFor();
  });

  it('starts the clock, which ticks in the console', async () => {
    const { page } = app;
    const timer = page.getByRole('timer');
    expect(await timer.textContent()).toBe('00:00');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.locator('.ex-clock').getByText('Running').waitFor();
    await page.waitForFunction(() => document.querySelector('[role="timer"]')?.textContent !== '00:00', null, { timeout: 5_000 });
    await page.getByRole('button', { name: 'Pause' }).waitFor();
  });

  it('releases an inject to one delegation only, which goes back to awareness', async () => {
    const { page } = app;
    // Both delegations have reached proportionality in their runs.
    const view = getExercise(app.workbench.db, exerciseId);
    for (const d of view.delegations) advanceToProportionality(d.runId);
    // Written behind the console's back (as the command line would): the console follows.
    await app.announceChange();
    await page.waitForFunction(() => document.querySelectorAll('[data-step="proportionality"]').length === 2);

    await page.getByRole('button', { name: `Choose delegations for ${INJECT_TITLE}` }).click();
    const chooser = page.getByRole('group', { name: `Release “${INJECT_TITLE}” to` });
    await chooser.getByRole('checkbox', { name: 'Member State A' }).check();
    await chooser.getByRole('button', { name: 'Release to 1 delegation' }).click();
    await page.getByRole('status').getByText(`Released “${INJECT_TITLE}” to Member State A.`).waitFor();

    const row = page.locator('[data-inject="csirt-technical-summary"]');
    await row.getByText('to Member State A').waitFor();
    await page.waitForFunction(() => document.querySelector('article[data-delegation="Member State A"] [data-step]')?.getAttribute('data-step') === 'awareness');
    expect(await cardStep('Member State B')).toBe('proportionality');
    expect(await card('Member State A').locator('.ex-card__injects').textContent()).toContain(INJECT_TITLE);
    expect(await card('Member State B').getByText('None yet.').count()).toBe(1);
    // Side by side, the difference is marked.
    expect(await page.locator('tr[data-row="step"]').getAttribute('class')).toContain('ex-glance__differs');
    expect(await page.locator('tr[data-row="injects"] td').allTextContents()).toEqual(['1 / 5', '0 / 5']);

    // The release went into the run itself.
    const runA = getExercise(app.workbench.db, exerciseId).delegations.find((d) => d.name === 'Member State A')!;
    expect(runA.injectsReceived).toEqual(['csirt-technical-summary']);
    expect(runA.run.step).toBe('awareness');
  });

  it('opens the delegation’s run, where its assessment is revised', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Open run of Member State A' }).click();
    const form = page.getByRole('group', { name: 'Add a finding' });
    await form.waitFor();
    // The delegation's run is a screen of the exercise: it carries the exercise's markings.
    const banner = page.getByRole('note', { name: /exercise/i });
    await banner.getByText('EXERCISE — FICTIONAL SCENARIO').waitFor();
    await banner.getByText('TLP:GREEN').waitFor();
    await app.screenshot('exercise-delegation-run');
    await form.getByLabel('What happened').fill('Common initial access through an unpatched VPN appliance.');
    await form.getByLabel('Source').fill('CSIRTs Network joint summary');
    await form.getByRole('radio', { name: 'High' }).check();
    await form.getByRole('button', { name: 'Add finding' }).click();
    await page.locator('.finding__text', { hasText: 'unpatched VPN appliance' }).waitFor();

    // Back in the console, where the exercise was left.
    await page.getByRole('button', { name: 'Exercises', exact: true }).first().click();
    await page.getByRole('heading', { name: EXERCISE, level: 1 }).waitFor();
    expect(await cardStep('Member State A')).toBe('awareness');
    expect(await cardStep('Member State B')).toBe('proportionality');
  });

  it('keeps the facilitator’s notes with the clock time', async () => {
    const { page } = app;
    await page.getByLabel(/^Note \(recorded at/).fill('Member State A questions the single source;\nB moves on to rate.');
    await page.getByRole('button', { name: 'Add note' }).click();
    const note = page.locator('.ex-note').first();
    await note.getByText('Member State A questions the single source;').waitFor();
    expect(await note.locator('.ex-note__time').textContent()).toMatch(/^\d\d:\d\d$/);
    await page.getByRole('heading', { name: 'Inject timeline' }).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, 0));
    await app.screenshot('exercise-console');
    await page.getByRole('heading', { name: '2 delegations side by side' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => window.scrollBy(0, -110)); // below the sticky header and banner
    await app.screenshot('exercise-console-delegations');
    await expectAccessible();
  });

  it('exports the exercise through the save dialog', async () => {
    const { page } = app;
    const file = join(out, 'cold-ward.cdt-exercise.json');
    app.answerSaveDialog(file);
    await page.getByRole('button', { name: 'Export package…' }).click();
    await page.getByRole('status').getByText(`Exported to ${file}`).waitFor();
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('csirt-technical-summary');

    // An import of a broken file shows the main process's problems in full.
    const bad = join(out, 'broken.json');
    (await import('node:fs')).writeFileSync(bad, '{"format": "cdt-exercise", ');
    app.answerOpenDialog(bad);
    await page.getByRole('button', { name: 'Back to the exercises' }).click();
    await page.getByRole('button', { name: 'Import exercise package…' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Not imported: the file has these problems.').waitFor();
    expect(await alert.locator('li').first().textContent()).toContain('broken.json');
    // The import told the window how far it was, and that it ended: a file that is not JSON stops while it is read.
    expect(app.progress.slice(-2)).toEqual([{ task: 'importExercise', step: 'reading', done: 0, total: 2 }, null]);
    await expect.poll(() => page.locator('.work-progress').count()).toBe(0);
    await expectAccessible();
  });

  it('shows long work at the foot of the window while it runs', async () => {
    const { page } = app;
    const send = (p: unknown) => page.evaluate((sent) => (globalThis as unknown as { __cdtProgress(p: unknown): void }).__cdtProgress(sent), p);
    await send({ task: 'importExercise', step: 'checking', done: 1, total: 2 });
    const bar = page.locator('.work-progress');
    await bar.getByText('Importing the exercise: checking every record and writing it (step 2 of 2)').waitFor();
    expect(await bar.getAttribute('role')).toBe('status');
    await app.screenshot('work-progress');
    await expectAccessible();
    await send(null);
    await expect.poll(() => bar.count()).toBe(0);
  });

  it('edits scenarios: shows the problems of a bad inject, and saves a valid new one', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Scenarios', exact: true }).click();
    await page.getByRole('heading', { name: 'Scenarios', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New scenario' }).click();
    await page.getByRole('heading', { name: 'New scenario', level: 1 }).waitFor();

    await page.getByLabel('Title', { exact: true }).first().fill('Grey Harbour: port logistics sabotage');
    // Leaving with unsaved changes asks first; staying keeps what was typed.
    await page.getByRole('button', { name: 'Runs', exact: true }).click();
    const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
    await leave.getByText('The changes to this scenario are not saved.').waitFor();
    expect(await leave.getByRole('button', { name: 'Stay' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await app.screenshot('scenario-leave-unsaved');
    await page.keyboard.press('Escape');
    await leave.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'New scenario', level: 1 }).waitFor();
    expect(await page.getByLabel('Title', { exact: true }).first().inputValue()).toBe('Grey Harbour: port logistics sabotage');
    await page.getByLabel('Identifier').first().fill('grey-harbour');
    await page.getByLabel('Incident').fill('Container terminals in two member states stop after a wiper attack.');
    const inject = page.getByRole('group', { name: /^Inject 1/ });
    await inject.getByLabel('Identifier').fill('Port Authority!');
    await inject.getByLabel('Minutes after start').fill('15');
    await inject.getByLabel('Title').fill('');

    const problems = page.locator('.ex-problems');
    await problems.getByRole('heading', { name: /problems? to fix/ }).waitFor();
    expect(await problems.locator('li[data-path="injects[0].id"]').textContent()).toContain('expected a slug');
    expect(await problems.locator('li[data-path="injects[0].title"]').textContent()).toContain('must not be empty');
    expect(await problems.locator('li[data-path="injects[0].body"]').count()).toBe(1);
    expect(await inject.getByLabel('Identifier').getAttribute('aria-invalid')).toBe('true');
    // Saving is refused, and says why.
    await page.getByRole('button', { name: 'Save scenario' }).click();
    await page.getByRole('alert').getByText(/^Not saved: fix the \d+ problems listed below first\.$/).waitFor();
    // A problem takes the user to its field.
    await problems.locator('li[data-path="injects[0].title"]').getByRole('button').click();
    expect(await inject.getByLabel('Title').evaluate((el) => el === document.activeElement)).toBe(true);
    await app.screenshot('scenario-editor');
    await expectAccessible();

    await inject.getByLabel('Identifier').fill('port-authority-report');
    await inject.getByLabel('Title').fill('Port authority: terminal operating system wiped');
    await inject.getByLabel('Text').fill('The port authority reports that the terminal operating system\nwas wiped at 04:10.');
    await page.getByLabel('Shared situational awareness').fill('Which facts rest on one source only?\nWhat do partners know?');
    await problems.getByRole('heading', { name: 'No problems: ready to save.' }).waitFor();
    await page.getByRole('button', { name: 'Save scenario' }).click();
    await page.getByRole('status').getByText('Saved “Grey Harbour: port logistics sabotage”.').waitFor();
    const saved = await call(page, 'getScenario', { id: 'grey-harbour' });
    expect(saved.origin).toBe('user');
    expect(saved.scenario.questions.awareness).toEqual(['Which facts rest on one source only?', 'What do partners know?']);
    expect(saved.scenario.injects[0]!.offsetMinutes).toBe(15);

    // The example scenarios are read-only: they offer a copy instead.
    await page.getByRole('button', { name: 'Back to the scenarios' }).click();
    await page.getByRole('button', { name: 'Grey Harbour: port logistics sabotage' }).waitFor();
    await page.getByRole('button', { name: SCENARIO_TITLE }).click();
    await page.getByRole('heading', { name: 'Example scenario (read-only)' }).waitFor();
    await page.getByRole('button', { name: 'Save a copy' }).waitFor();
    await expectAccessible();
    expect(app.foreignRequests).toEqual([]);
  });
});
