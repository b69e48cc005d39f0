import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getExercise } from '../../electron/exercise/exercises';
import type { IncomingEvent } from '../../shared/workflow/event-schema';
import { TO_DECISION } from '../support/workflow';
import { blockingAxeViolations } from './axe';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, closeBrowser, openApp, SCREENSHOTS_DIR, type AppUnderTest } from './harness';

// A facilitator runs a three-delegation exercise from the keyboard alone (Tab, Enter, Space,
// the arrows; never the mouse), with the room's screen open beside the console.

let app: AppUnderTest;
let room: Page | null = null;
let exerciseId = '';
const pageErrors: string[] = [];

beforeAll(async () => {
  app = await openApp({ viewport: { width: 1280, height: 800 } });
  app.page.on('pageerror', (error) => pageErrors.push(error.message));
});
afterAll(async () => {
  await room?.close();
  await app?.close();
  await closeBrowser();
});

const EXERCISE = 'Cold Ward, live room';
const SCENARIO_TITLE = 'Cold Ward: ransomware against hospitals in three member states';
const DELEGATIONS = ['Member State A', 'Member State B', 'Member State C'];
const CSIRT = 'CSIRTs Network: joint technical summary';
const PRESS = 'National broadcaster: patient transferred 90 km after ambulance diversion';
const EUROPOL = 'Europol EC3: affiliate and payment infrastructure';
const PARTNER = 'Vostravan Ministry of Foreign Affairs: statement';
const LEAK = 'Patient records published on a leak site';
const WHITE = 'Health ministers call an emergency videoconference';
const NOTE = 'A and B disagree on whether one source is enough.';
const NOTE_EDITED = 'A and B disagree on whether one source is enough; C abstains.';

const isFocused = (locator: Locator): Promise<boolean> => locator.evaluate((el) => el === document.activeElement);

/** Presses Tab (or Shift+Tab) until the control has the focus: how a keyboard user gets there. */
async function tabTo(target: Locator, { back = false, max = 150 } = {}): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await target.page().keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

async function press(...keys: string[]): Promise<void> {
  for (const key of keys) await app.page.keyboard.press(key);
}

async function expectAccessible(page: Page = app.page): Promise<void> {
  expect(await blockingAxeViolations(page)).toEqual([]);
}

const exercise = () => getExercise(app.workbench.db, exerciseId);
const card = (name: string): Locator => app.page.locator(`article[data-delegation="${name}"]`);
const row = (injectId: string): Locator => app.page.locator(`[data-inject="${injectId}"]`);
const status = (text: string): Locator => app.page.getByRole('status').getByText(text, { exact: false });
const button = (name: string | RegExp, exact = true): Locator => app.page.getByRole('button', { name, exact: typeof name === 'string' ? exact : undefined });

describe('the console, from the keyboard alone', () => {
  it('creates a three-delegation exercise: Ctrl+3 leads to the exercises, each screen starts at its heading', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
    await press('Control+3');
    const heading = page.getByRole('heading', { name: 'Exercises', level: 1 });
    await heading.waitFor();
    expect(await isFocused(heading)).toBe(true);
    expect(await page.locator('.nav__item[aria-current="page"]').textContent()).toBe('Exercises');

    await tabTo(button('New exercise'));
    await press('Enter');
    const newHeading = page.getByRole('heading', { name: 'New exercise', level: 1 });
    await newHeading.waitFor();
    expect(await isFocused(newHeading)).toBe(true);
    // The scenarios are one radio group: Tab reaches the checked one, the arrows choose.
    await tabTo(page.locator('input[type="radio"]:checked'));
    const cold = page.getByRole('radio', { name: new RegExp(SCENARIO_TITLE) });
    for (let i = 0; i < 6 && !(await cold.isChecked()); i++) await press('ArrowDown');
    expect(await cold.isChecked()).toBe(true);
    await tabTo(page.getByLabel('Name of the exercise'));
    await page.keyboard.type(EXERCISE);
    await tabTo(page.getByLabel('Delegation 1', { exact: true }));
    await page.keyboard.type(DELEGATIONS[0]!);
    await tabTo(page.getByLabel('Delegation 2', { exact: true }));
    await page.keyboard.type(DELEGATIONS[1]!);
    await tabTo(button('+ Add delegation'));
    await press('Enter');
    expect(await isFocused(page.getByLabel('Delegation 3', { exact: true }))).toBe(true);
    await page.keyboard.type(DELEGATIONS[2]!);
    await tabTo(button('Create exercise'));
    await press('Enter');

    const title = page.getByRole('heading', { name: EXERCISE, level: 1 });
    await title.waitFor();
    // The console opens at its top, the focus on its heading.
    expect(await isFocused(title)).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    exerciseId = (await call(page, 'listExercises', {})).find((e) => e.name === EXERCISE)!.id;
    expect(exercise().delegations.map((d) => d.name)).toEqual(DELEGATIONS);
    await app.screenshot('console-start');
    await expectAccessible();
  });

  it('starts the clock and releases to all after a confirmation that names the inject and the delegations', async () => {
    const { page } = app;
    await tabTo(button('Start'));
    await press('Enter');
    await page.locator('.ex-clock').getByText('Running').waitFor();

    await tabTo(button(`Release to all: ${CSIRT}`));
    await press('Enter');
    const dialog = page.getByRole('dialog', { name: `Release “${CSIRT}”?` });
    await dialog.waitFor();
    await dialog.getByText(`“${CSIRT}” goes now to ${DELEGATIONS.join(', ')}.`).waitFor();
    // The safe choice has the focus: Enter alone releases nothing.
    expect(await isFocused(dialog.getByRole('button', { name: 'Cancel' }))).toBe(true);
    await press('Tab');
    expect(await isFocused(dialog.getByRole('button', { name: 'Release to 3 delegations' }))).toBe(true);
    await app.screenshot('console-release-confirm');
    await expectAccessible();
    await press('Enter');
    await status(`Released “${CSIRT}” to ${DELEGATIONS.join(', ')}.`).waitFor();
    expect(exercise().releases.filter((r) => r.injectId === 'csirt-technical-summary')).toHaveLength(3);
    // The button went with the release: the focus stays in the inject's row.
    expect(await isFocused(page.locator('#inject-csirt-technical-summary-title'))).toBe(true);
  });

  it('chooses delegations with the focus in the chooser, Escape closing it', async () => {
    const { page } = app;
    const choose = button(`Choose delegations for ${PRESS}`);
    await tabTo(choose);
    await press('Enter');
    const chooser = page.getByRole('group', { name: `Release “${PRESS}” to` });
    await chooser.waitFor();
    // What opens takes the focus: the first delegation, before any other Release button.
    expect(await isFocused(chooser.getByRole('checkbox', { name: DELEGATIONS[0] }))).toBe(true);
    await press('Escape');
    await chooser.waitFor({ state: 'detached' });
    expect(await isFocused(choose)).toBe(true);

    await press('Enter');
    await press('Space');
    expect(await chooser.getByRole('checkbox', { name: DELEGATIONS[0] }).isChecked()).toBe(true);
    await tabTo(chooser.getByRole('button', { name: 'Release to 1 delegation' }));
    await press('Enter');
    await status(`Released “${PRESS}” to ${DELEGATIONS[0]}.`).waitFor();
    await row('press-patient-impact').getByText(`to ${DELEGATIONS[0]} (`).waitFor();
  });

  it('writes a white card and releases it like the others', async () => {
    const { page } = app;
    await tabTo(button(/Write a white card/));
    await press('Enter');
    const kind = page.getByLabel('Kind', { exact: true });
    expect(await isFocused(kind)).toBe(true);
    await press('Tab');
    await page.keyboard.type(WHITE);
    await press('Tab');
    await page.keyboard.type('The presidency convenes the health ministers at 16:00 to coordinate patient transfers.');
    await app.screenshot('console-white-card');
    await expectAccessible();
    await tabTo(button('Add the white card'));
    await press('Enter');
    await status(`White card “${WHITE}” added to the timeline, due now`).waitFor();
    const card = exercise().scenario.injects.find((i) => i.title === WHITE)!;
    expect(card.whiteCard).toBe(true);
    expect(card.kind).toBe('partner-message');
    // The focus is on the new card, in the timeline, where it is released.
    expect(await isFocused(page.locator(`#inject-${card.id}-title`))).toBe(true);
    await row(card.id).getByText('White card', { exact: true }).waitFor();

    await tabTo(button(`Release to all: ${WHITE}`));
    await press('Enter');
    await page.getByRole('dialog', { name: `Release “${WHITE}”?` }).waitFor();
    await press('Tab', 'Enter');
    await status(`Released “${WHITE}” to ${DELEGATIONS.join(', ')}.`).waitFor();
  });

  it('withdraws a release after asking; the record keeps both', async () => {
    const { page } = app;
    await tabTo(button(`Withdraw ${PRESS}`));
    await press('Enter');
    const dialog = page.getByRole('dialog', { name: `Withdraw “${PRESS}”` });
    await dialog.waitFor();
    const only = dialog.getByRole('checkbox', { name: new RegExp(`^${DELEGATIONS[0]}`) });
    expect(await only.isChecked()).toBe(true);
    expect(await isFocused(only)).toBe(true);
    await app.screenshot('console-withdraw');
    await expectAccessible();
    await tabTo(dialog.getByRole('button', { name: 'Withdraw from 1 delegation' }));
    await press('Enter');
    await status(`Withdrew “${PRESS}” from ${DELEGATIONS[0]}.`).waitFor();
    await row('press-patient-impact').getByText(`withdrawn from ${DELEGATIONS[0]}`).waitFor();
    const release = exercise().releases.find((r) => r.injectId === 'press-patient-impact')!;
    expect(release.withdrawnAt).not.toBeNull();
  });

  it('adjusts the clock with a reason: long times read h:mm:ss, due and overdue injects are marked and signalled once', async () => {
    const { page } = app;
    // The sound a due inject makes, turned on from the keyboard (synthesised: no file, no request).
    await tabTo(page.getByRole('checkbox', { name: /A sound when an inject is due/ }));
    await press('Space');
    expect(await page.getByRole('checkbox', { name: /A sound when an inject is due/ }).isChecked()).toBe(true);

    await tabTo(button('Adjust…'), { back: true });
    await press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Adjust the exercise clock' });
    await dialog.waitFor();
    expect(await isFocused(dialog.getByRole('radio', { name: 'Forward' }))).toBe(true);
    await tabTo(dialog.getByLabel('Minutes'));
    await page.keyboard.type('82');
    await tabTo(dialog.getByLabel('Reason'));
    await page.keyboard.type('Started late: the room was booked until 10:00.');
    await dialog.getByText(/^The clock will read 1:2\d:\d\d\.$/).waitFor();
    await app.screenshot('console-adjust');
    await expectAccessible();
    await tabTo(dialog.getByRole('button', { name: 'Adjust the clock' }));
    await press('Enter');
    await dialog.waitFor({ state: 'detached' });

    const adjustments = exercise().clockAdjustments;
    expect(adjustments).toHaveLength(1);
    expect(adjustments[0]).toMatchObject({ deltaMs: 82 * 60_000, reason: 'Started late: the room was booked until 10:00.' });
    await page.waitForFunction(() => /^1:2\d:\d\d$/.test(document.querySelector('[role="timer"]')?.textContent ?? ''));
    // The clock passed three planned times at once: each is marked, and signalled once.
    await expect.poll(() => row('europol-assessment').getAttribute('data-state')).toBe('due');
    expect(await row('press-patient-impact').getAttribute('data-state')).toBe('overdue');
    await page.locator('#ex-console-announce').getByText(/due now/).waitFor();
    await row('europol-assessment').and(page.locator('.ex-inject--flash')).waitFor();
    const strip = page.locator('.ex-clock');
    await strip.getByText(/due now:/).waitFor();
    await strip.getByText(PARTNER).waitFor();
    await strip.getByText(/^in \d\d:\d\d$/).waitFor();
    await page.getByRole('heading', { name: 'Inject timeline' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await app.screenshot('console-due');
    // Signalled once: after the flash, nothing flashes again.
    await expect.poll(() => page.locator('.ex-inject--flash').count(), { timeout: 5_000 }).toBe(0);
    await page.waitForTimeout(1_500);
    expect(await page.locator('.ex-inject--flash').count()).toBe(0);
    await page.getByText('Clock adjusted once').waitFor();
  });

  it('adds a delegation while the exercise runs, and removes it after asking while its run is empty', async () => {
    const { page } = app;
    await tabTo(button(/Add delegation…/));
    await press('Enter');
    const name = page.getByLabel('Name of the delegation');
    expect(await isFocused(name)).toBe(true);
    await page.keyboard.type('Member State D');
    await press('Enter');
    await status('Added the delegation Member State D, with its own run.').waitFor();
    const heading = card('Member State D').getByRole('heading', { name: 'Member State D' });
    expect(await isFocused(heading)).toBe(true);
    expect(exercise().delegations).toHaveLength(4);
    // Only an empty run can be removed.
    expect(await card(DELEGATIONS[0]!).getByRole('button', { name: `Remove ${DELEGATIONS[0]}` }).count()).toBe(0);

    await tabTo(button('Remove Member State D'));
    await press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Remove the delegation “Member State D”?' });
    await dialog.waitFor();
    expect(await isFocused(dialog.getByRole('button', { name: 'Cancel' }))).toBe(true);
    await press('Tab', 'Enter');
    await status('Removed the delegation Member State D and its empty run.').waitFor();
    await card('Member State D').waitFor({ state: 'detached' });
    expect(exercise().delegations.map((d) => d.name)).toEqual(DELEGATIONS);
  });

  it('edits a note and deletes it, the history kept and shown', async () => {
    const { page } = app;
    await tabTo(page.getByLabel(/^Note \(recorded at/));
    await page.keyboard.type(NOTE);
    await press('Tab', 'Enter');
    const note = page.locator('.ex-note').first();
    await note.getByText(NOTE).waitFor();

    await tabTo(note.getByRole('button', { name: /^Edit the note at/ }));
    await press('Enter');
    const field = note.getByLabel(/^Text of the note at/);
    expect(await isFocused(field)).toBe(true);
    await press('Control+A');
    await page.keyboard.type(NOTE_EDITED);
    await press('Tab', 'Enter');
    await note.getByText(NOTE_EDITED).waitFor();
    await note.getByText('Edited once: earlier text').waitFor();
    expect(exercise().notes[0]!.revisions.map((r) => r.text)).toEqual([NOTE]);

    await tabTo(note.getByRole('button', { name: /^Delete the note at/ }));
    await press('Enter');
    const dialog = page.getByRole('dialog', { name: /^Delete the note at/ });
    await dialog.waitFor();
    await press('Tab', 'Enter');
    await note.getByText(/^Deleted on /).waitFor();
    expect(exercise().notes[0]!.deletedAt).not.toBeNull();
    await note.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await app.screenshot('console-notes');
    await expectAccessible();
  });

  it('opens the room’s screen with the shortcut: it follows the console live and shows nothing unreleased', async () => {
    const { page } = app;
    await press('Control+Shift+P');
    await button('Close the room’s screen').waitFor();
    expect(await page.locator('.ex-room kbd').textContent()).toBe('Ctrl+Shift+P');

    room = await app.openRoomPage({ width: 1920, height: 1080 });
    await room.getByRole('heading', { name: EXERCISE, level: 1 }).waitFor();
    const band = room.getByRole('note', { name: 'Exercise marking' });
    expect(await band.textContent()).toContain('EXERCISE — FICTIONAL SCENARIO');
    expect(await band.textContent()).toContain('TLP:GREEN');
    await room.getByRole('timer').getByText(/^1:2\d:\d\d$/).waitFor();
    const list = room.locator('.room__list');
    await list.getByText(CSIRT).waitFor();
    await list.getByText(WHITE).waitFor();
    await room.locator('[data-room-inject="press-patient-impact"]').getByText('Withdrawn').waitFor();
    const text = (await room.locator('body').textContent()) ?? '';
    // Nothing the room may not see: unreleased injects, the facilitator's notes.
    for (const hidden of [EUROPOL, PARTNER, LEAK, NOTE, NOTE_EDITED, 'Facilitator']) expect(text).not.toContain(hidden);
    expect(await room.getByText('Next inject in').count()).toBe(0);

    // Live: a release in the console reaches the room's screen without a reload.
    await tabTo(button(`Release to all: ${EUROPOL}`));
    await press('Enter');
    await page.getByRole('dialog', { name: `Release “${EUROPOL}”?` }).waitFor();
    await press('Tab', 'Enter');
    await status(`Released “${EUROPOL}” to`).waitFor();
    await list.getByText(EUROPOL).waitFor();
    // The countdown is the facilitator's choice.
    await tabTo(page.getByRole('checkbox', { name: 'with the next inject’s countdown' }), { back: true });
    await press('Space');
    await room.getByText('Next inject in').waitFor();
    expect((await room.locator('body').textContent()) ?? '').not.toContain(PARTNER);
    const wall = (await room.locator('.room__inject-wall').first().textContent()) ?? '';
    expect(wall).toMatch(/^at \d\d:\d\d:\d\d$/);
    await room.screenshot({ path: join(SCREENSHOTS_DIR, 'console-room-1920.png') });
    expect(await blockingAxeViolations(room)).toEqual([]);
    // The console's window is the one in front again (the projector shows the other).
    await page.bringToFront();
  });

  it('fits the console at 1024x768, and keeps the clock and the delegations on screen together at 1280x720', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await app.screenshot('console-1024');
    await page.getByRole('heading', { name: /delegations side by side/ }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await app.screenshot('console-1024-delegations');
    // The improvement plan fits without a sideways scroll.
    const add = button(/Add improvement item/);
    await add.focus();
    await press('Enter');
    const plan = page.locator('.ex-plan-wrap');
    await plan.waitFor();
    expect(await plan.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await plan.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await app.screenshot('console-1024-plan');
    await page.getByRole('button', { name: 'Remove item 1' }).focus();
    await press('Enter');

    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('heading', { name: /delegations side by side/ }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const clock = (await page.locator('.ex-clock').boundingBox())!;
    const delegations = (await page.getByRole('heading', { name: /delegations side by side/ }).boundingBox())!;
    expect(clock.y).toBeGreaterThanOrEqual(0);
    expect(clock.y + clock.height).toBeLessThanOrEqual(delegations.y);
    expect(delegations.y + delegations.height).toBeLessThan(720);
    await app.screenshot('console-1280x720');

    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await app.screenshot('console-1920');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('ends the exercise after asking: no more resume, nothing more to release', async () => {
    const { page } = app;
    await page.evaluate(() => window.scrollTo(0, 0));
    await tabTo(button('End the exercise…'));
    await press('Enter');
    const dialog = page.getByRole('dialog', { name: `End the exercise "${EXERCISE}"?` });
    await dialog.waitFor();
    expect(await isFocused(dialog.getByRole('button', { name: 'Cancel' }))).toBe(true);
    await press('Tab', 'Enter');
    await page.locator('.ex-clock').getByText('Ended', { exact: true }).waitFor();
    expect(exercise().clock.status).toBe('ended');
    expect(await button('Resume').count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Release to all/ }).count()).toBe(0);
    await room!.locator('.room__status').getByText('Ended').waitFor();
  });
});

describe('a delegation’s run, from its console', () => {
  it('shows its scenario, the questions of its step, and its injects new until read, with their exercise time', async () => {
    const { page } = app;
    await tabTo(button(`Open run of ${DELEGATIONS[0]}`));
    await press('Enter');
    const title = page.getByRole('heading', { level: 1, name: new RegExp(DELEGATIONS[0]!) });
    await title.waitFor();
    expect(await isFocused(title)).toBe(true);
    // A screen of its exercise: Exercises is lit, and the way back leads to the console.
    expect(await page.locator('.nav__item[aria-current="page"]').textContent()).toBe('Exercises');
    await button(`Back to ${EXERCISE}`).waitFor();
    expect(await page.getByRole('button', { name: 'All runs' }).count()).toBe(0);

    const context = page.getByRole('region', { name: new RegExp(`^Scenario ${SCENARIO_TITLE}`) });
    await context.getByText('The incident').waitFor();
    await page.getByRole('complementary', { name: 'Questions for this step' }).getByText('Which facts do all member states accept, and which rest on one source only?').waitFor();
    const csirt = page.locator('[data-received="csirt-technical-summary"]');
    await csirt.getByText('New', { exact: true }).waitFor();
    await csirt.getByText(/^Exercise time \d\d:\d\d$/).waitFor();
    await csirt.locator('time').waitFor();
    // The withdrawn one is marked so.
    await page.locator('[data-received="press-patient-impact"]').getByText(/^The facilitator withdrew this inject/).waitFor();
    await app.screenshot('console-delegation-run');
    await expectAccessible();
  });

  it('adopts a suggested finding in one action, as a FINDING.ADD with its text, source and confidence', async () => {
    const { page } = app;
    const runId = exercise().delegations[0]!.runId;
    const csirt = page.locator('[data-received="csirt-technical-summary"]');
    const adopt = csirt.getByRole('button', { name: /^Adopt as a finding “Common initial access/ });
    await tabTo(adopt);
    await press('Enter');
    await csirt.getByText('Adopted', { exact: true }).waitFor();
    await page.locator('.finding__text', { hasText: 'Common initial access through an unpatched VPN appliance' }).waitFor();
    const last = (await call(page, 'runHistory', { id: runId })).at(-1)!.event;
    expect(last).toMatchObject({
      type: 'FINDING.ADD',
      text: 'Common initial access through an unpatched VPN appliance in hospitals of three member states',
      source: 'CSIRTs Network joint summary',
      confidence: 'high',
    });
    // Adopting it was reading it.
    expect(await csirt.getByText('New', { exact: true }).count()).toBe(0);
    await tabTo(page.locator('[data-received]').getByRole('button', { name: /^Mark as read/ }).first());
    await press('Enter');
  });

  it('leads back to the console, which opens at its top', async () => {
    const { page } = app;
    await page.evaluate(() => window.scrollTo(0, 0));
    await tabTo(button(`Back to ${EXERCISE}`), { back: true });
    await press('Enter');
    const title = page.getByRole('heading', { name: EXERCISE, level: 1 });
    await title.waitFor();
    expect(await isFocused(title)).toBe(true);
  });
});

describe('a rating and a principle', () => {
  it('records one event for a rating moved with the arrow keys, when the user leaves the levels', async () => {
    const { page } = app;
    const runId = exercise().delegations[1]!.runId;
    for (const event of TO_DECISION.slice(0, 3)) expect((await call(page, 'sendEvent', { id: runId, event })).accepted).toBe(true);
    await tabTo(button(`Open run of ${DELEGATIONS[1]}`));
    await press('Enter');
    await page.locator('.stepper [aria-current="step"] .stepper__name', { hasText: 'Proportionality' }).waitFor();

    const before = (await call(page, 'runHistory', { id: runId })).length;
    const scope = page.locator('[data-dimension="scope"]');
    await tabTo(scope.getByRole('radio', { name: /^Level 0:/ }));
    await press('ArrowRight', 'ArrowRight', 'ArrowRight');
    expect(await scope.getByRole('radio', { name: /^Level 3:/ }).isChecked()).toBe(true);
    await scope.getByText(/not recorded yet/).waitFor();
    await app.screenshot('console-rating-unsettled');
    // At 1024x768 the stepper's labels fit.
    await page.setViewportSize({ width: 1024, height: 768 });
    const cut = await page.locator('.stepper__name, .stepper__state').evaluateAll((els) =>
      els.filter((el) => el.getBoundingClientRect().right > el.closest('.stepper__item')!.getBoundingClientRect().right).map((el) => el.textContent),
    );
    expect(cut).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await app.screenshot('console-run-1024');
    await page.setViewportSize({ width: 1280, height: 800 });
    await scope.getByRole('radio', { name: /^Level 3:/ }).focus();
    expect(await call(page, 'runHistory', { id: runId })).toHaveLength(before);
    await press('Tab');
    await expect.poll(async () => (await call(page, 'runHistory', { id: runId })).length).toBe(before + 1);
    const ratings = (await call(page, 'runHistory', { id: runId })).filter((e) => e.event.type === 'RATING.SET');
    expect(ratings.map((e) => e.event)).toEqual([expect.objectContaining({ dimension: 'scope', value: 3 })]);

    // Space confirms a level without leaving.
    const scale = page.locator('[data-dimension="scale"]');
    await tabTo(scale.getByRole('radio', { name: /^Level 0:/ }));
    await press('ArrowRight', 'ArrowRight', 'Space');
    await expect.poll(async () => (await call(page, 'runHistory', { id: runId })).length).toBe(before + 2);
    expect((await call(page, 'runHistory', { id: runId })).at(-1)!.event).toMatchObject({ type: 'RATING.SET', dimension: 'scale', value: 2 });
  });

  it('asks for the note of a principle not met before recording it', async () => {
    const { page } = app;
    const runId = exercise().delegations[1]!.runId;
    for (const event of TO_DECISION.slice(3, TO_DECISION.length - 8)) expect((await call(page, 'sendEvent', { id: runId, event })).accepted).toBe(true);
    await page.locator('.stepper [aria-current="step"] .stepper__name', { hasText: 'Measures' }).waitFor();
    const before = (await call(page, 'runHistory', { id: runId })).length;
    const principle = page.locator('[data-principle="proportionality"]');
    await tabTo(principle.getByRole('radio', { name: 'Met', exact: true }));
    await press('ArrowRight');
    expect(await principle.getByRole('radio', { name: 'Not met', exact: true }).isChecked()).toBe(true);
    await press('Space');
    await principle.getByRole('alert').getByText(/is recorded with its note/).waitFor();
    const note = principle.getByLabel(/^Note on /);
    expect(await isFocused(note)).toBe(true);
    expect(await call(page, 'runHistory', { id: runId })).toHaveLength(before);
    await page.keyboard.type('The measures go beyond what the incident warrants.');
    await press('Tab');
    await expect.poll(async () => (await call(page, 'runHistory', { id: runId })).at(-1)!.event).toMatchObject({
      type: 'PRINCIPLE.ASSESS',
      principleId: 'proportionality',
      status: 'not-met',
      note: 'The measures go beyond what the incident warrants.',
    });
    await principle.getByRole('alert').waitFor({ state: 'detached' });
  });

  it('marks the decision and the console: decided with a principle not met', async () => {
    const { page } = app;
    const runId = exercise().delegations[1]!.runId;
    const rest: IncomingEvent[] = TO_DECISION.slice(TO_DECISION.length - 8).filter(
      (e) => !(e.type === 'PRINCIPLE.ASSESS' && e.principleId === 'proportionality'),
    );
    for (const event of rest) expect((await call(page, 'sendEvent', { id: runId, event })).accepted).toBe(true);
    const decided = page.getByText('Decided with a principle not met: Proportionality.');
    await decided.waitFor();
    await decided.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await app.screenshot('console-decided-not-met');
    await page.evaluate(() => window.scrollTo(0, 0));
    await tabTo(button(`Back to ${EXERCISE}`), { back: true });
    await press('Enter');
    await card(DELEGATIONS[1]!).getByText('Decided with a principle not met: Proportionality.').waitFor();
    await card(DELEGATIONS[1]!).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await app.screenshot('console-card-not-met');
    await expectAccessible();
  });

  it('saves the handouts as PDF from the console: the situation manual, and with the inject cards', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdt-handouts-'));
    for (const [name, label, saved] of [
      ['manual.pdf', 'Save the situation manual (PDF)…', 'Saved the situation manual to'],
      ['cards.pdf', 'Save the manual with the inject cards (PDF)…', 'Saved the situation manual and the inject cards to'],
    ] as const) {
      const file = join(dir, name);
      app.answerSaveDialog(file);
      await tabTo(button(label));
      await press('Enter');
      await status(`${saved} ${file}`).waitFor({ timeout: 60_000 });
      expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    }
  });
});

describe('Ctrl/Cmd+F finds where the user is', () => {
  it('in the exercises, in the runs, and in the library', async () => {
    const { page } = app;
    await page.evaluate(() => window.scrollTo(0, 0));
    await tabTo(button('← Back to the exercises'), { back: true });
    await press('Enter');
    await page.getByRole('heading', { name: 'Exercises', level: 1 }).waitFor();
    await press('Control+f');
    const exercises = page.getByLabel('Find an exercise');
    expect(await isFocused(exercises)).toBe(true);
    await page.keyboard.type('live room');
    expect(await page.locator('.ex-table tbody tr').count()).toBe(1);

    await press('Control+2');
    await page.getByRole('heading', { name: 'Runs', level: 1 }).waitFor();
    await press('Control+f');
    const runs = page.getByLabel('Find a run');
    expect(await isFocused(runs)).toBe(true);
    await page.keyboard.type(DELEGATIONS[1]!);
    await expect.poll(() => page.locator('.run-row').count()).toBe(1);
    // A delegation's run is deleted only with its exercise: no Delete, and whose it is.
    const only = page.locator('.run-row');
    await only.getByText(`Delegation ${DELEGATIONS[1]} of`).waitFor();
    expect(await only.getByRole('button', { name: /^Delete/ }).count()).toBe(0);
    await app.screenshot('console-runs-find');

    await press('Control+1');
    await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
    await press('Control+f');
    expect(await isFocused(page.getByLabel('Search the conclusions', { exact: true }))).toBe(true);
  });

  it('made no request outside the app, and no error in the page', () => {
    expect(app.foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
