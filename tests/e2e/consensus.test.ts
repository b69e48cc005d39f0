import type { Locator, Page } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingEvent } from '../../shared/workflow/event-schema';
import { TO_DECISION } from '../support/workflow';
import { blockingAxeViolations } from './axe';
import { call, closeBrowser, openApp, SCREENSHOTS_DIR, type AppUnderTest } from './harness';

// The Council's step of a three-delegation exercise, from the keyboard: one delegation objects
// to a listing, one abstains constructively with its declaration, one supports; the console's
// table says who blocks; the facilitator records the joint decision (a measure adopted with the
// abstention, the listing blocked: Adopt refused while it is opposed), the statement, and a hot
// wash typed in from paper; the delegation gives its own hot wash in its run.

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

const EXERCISE = 'Cold Ward, plenary';
const SCENARIO_TITLE = 'Cold Ward: ransomware against hospitals in three member states';
const [A, B, C] = ['Member State A', 'Member State B', 'Member State C'] as const;
const OBJECTION = 'The evidence on the persons to be listed has not been shared with our services.';
const DECLARATION = 'Member State B will not apply the conclusions on its territory, and accepts that they commit the Union.';
const STATEMENT = 'The European Union condemns the ransomware attacks against hospitals in three member states.';

const isFocused = (locator: Locator): Promise<boolean> => locator.evaluate((el) => el === document.activeElement);

async function tabTo(target: Locator, { back = false, max = 250 } = {}): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await target.page().keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** A native select, from the keyboard: the arrows move through its options without opening it. */
async function choose(select: Locator, value: string, key: 'ArrowDown' | 'ArrowUp'): Promise<void> {
  for (let i = 0; i < 12 && (await select.inputValue()) !== value; i++) await select.page().keyboard.press(key);
  expect(await select.inputValue()).toBe(value);
}

async function press(...keys: string[]): Promise<void> {
  for (const key of keys) await app.page.keyboard.press(key);
}

async function expectAccessible(page: Page = app.page): Promise<void> {
  expect(await blockingAxeViolations(page)).toEqual([]);
}

const button = (name: string | RegExp, within: Page | Locator = app.page): Locator =>
  within.getByRole('button', { name, exact: typeof name === 'string' ? true : undefined });
const delegationIds = async (): Promise<Record<string, { id: string; runId: string }>> => {
  const view = await call(app.page, 'getExercise', { id: exerciseId });
  return Object.fromEntries(view.delegations.map((d) => [d.name, { id: d.id, runId: d.runId }]));
};
const contextOf = async (runId: string) => (await call(app.page, 'getRun', { id: runId })).snapshot.context;
const cell = (measureId: string, delegation: string, page: Page = app.page): Locator =>
  page.locator(`tr[data-measure="${measureId}"] td[data-delegation="${delegation}"]`);

async function send(runId: string, events: readonly IncomingEvent[]): Promise<void> {
  for (const event of events) {
    const result = await call(app.page, 'sendEvent', { id: runId, event });
    expect(result.accepted, JSON.stringify(result.accepted ? event : result.reasons)).toBe(true);
  }
}

async function openRunOf(name: string): Promise<void> {
  await tabTo(button(`Open run of ${name}`));
  await press('Enter');
  await app.page.getByRole('heading', { level: 1, name: new RegExp(name) }).waitFor();
}

async function backToConsole(): Promise<void> {
  await app.page.evaluate(() => window.scrollTo(0, 0));
  await tabTo(button(`Back to ${EXERCISE}`), { back: true });
  await press('Enter');
  await app.page.getByRole('heading', { name: EXERCISE, level: 1 }).waitFor();
}

describe('the delegations take their positions', () => {
  it('sets up three delegations: A and C decide on Council conclusions, B weighs the measures without them', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Exercises', exact: true }).first().click();
    await page.getByRole('button', { name: 'New exercise' }).click();
    await page.getByRole('radio', { name: new RegExp(SCENARIO_TITLE) }).check();
    await page.getByLabel('Name of the exercise').fill(EXERCISE);
    await page.getByLabel('Delegation 1', { exact: true }).fill(A);
    await page.getByLabel('Delegation 2', { exact: true }).fill(B);
    await page.getByRole('button', { name: 'Add delegation' }).click();
    await page.getByLabel('Delegation 3', { exact: true }).fill(C);
    await page.getByRole('button', { name: 'Create exercise' }).click();
    await page.getByRole('heading', { name: EXERCISE, level: 1 }).waitFor();
    exerciseId = (await call(page, 'listExercises', {})).find((e) => e.name === EXERCISE)!.id;

    const ids = await delegationIds();
    await send(ids[A]!.runId, TO_DECISION);
    await send(ids[C]!.runId, TO_DECISION);
    // B stops at the measures, with a preventive measure chosen instead of the conclusions.
    const toMeasures = TO_DECISION.slice(0, TO_DECISION.findIndex((e) => e.type === 'MEASURE.SELECT'));
    await send(ids[B]!.runId, [...toMeasures, { type: 'MEASURE.SELECT', measureId: 'awareness-raising', rationale: 'Alert the health sector' }]);
  });

  it('A objects to the listing from its run: the form asks for the reason, then records it', async () => {
    const { page } = app;
    await openRunOf(A);
    const section = page.getByRole('region', { name: 'Positions on the other measures' });
    await section.getByText('your objection blocks unanimity').waitFor();
    await section.getByText('accepts that it commits the Union').waitFor();
    // Its own choice is not listed: it supports it.
    expect(await section.locator('[data-position="council-conclusions"]').count()).toBe(0);
    const travel = section.locator('[data-position="travel-ban"]');
    await travel.getByText('Undecided', { exact: true }).waitFor();

    await tabTo(button(/^Oppose Travel ban/, travel));
    await press('Enter');
    const reason = travel.getByLabel(/^Reason for the objection/);
    expect(await isFocused(reason)).toBe(true);
    // Without its reason the objection is not recorded: the machine says what is missing.
    await tabTo(button(/^Record the objection/, travel));
    await press('Enter');
    await travel.getByRole('alert').getByText(/Give the reason for the objection on/).waitFor();
    await reason.focus();
    await page.keyboard.type(OBJECTION);
    await tabTo(button(/^Record the objection/, travel));
    await press('Enter');
    await travel.locator('.position__stance').getByText('Opposes', { exact: true }).waitFor();
    await travel.locator('.position__form').waitFor({ state: 'detached' });
    await travel.getByText(OBJECTION).waitFor();
    // The focus comes back to the row, on its first button.
    expect(await isFocused(button(/^Change the position on Travel ban/, travel))).toBe(true);
    expect((await contextOf((await delegationIds())[A]!.runId)).positions['travel-ban']).toMatchObject({ stance: 'opposes', text: OBJECTION });
    await travel.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await app.screenshot('consensus-run-positions');
    await expectAccessible();
  });

  it('A gives its hot wash in its run: strengths, a rating from the keyboard, replaced when given again', async () => {
    const { page } = app;
    await page.evaluate(() => window.scrollTo(0, 0));
    await tabTo(button('Hot wash'), { back: true });
    await press('Enter');
    const card = page.getByRole('region', { name: 'Hot wash' });
    expect(await isFocused(card.getByRole('heading', { name: 'Hot wash' }))).toBe(true);
    await press('Tab');
    expect(await isFocused(card.getByLabel('Strengths'))).toBe(true);
    await page.keyboard.type('A shared picture within ten minutes.');
    await tabTo(card.getByLabel('Areas for improvement'));
    await page.keyboard.type('Attribution was argued too long.');
    const scenario = card.locator('fieldset[data-question="scenario"]');
    await tabTo(scenario.getByRole('radio', { name: '1 Strongly disagree' }));
    await press('ArrowRight', 'ArrowRight', 'ArrowRight');
    expect(await scenario.getByRole('radio', { name: '4 Agree' }).isChecked()).toBe(true);
    await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await app.screenshot('consensus-run-hot-wash-form');
    await expectAccessible();
    await tabTo(button('Submit the hot wash', card));
    await press('Enter');
    await card.getByText(/^Submitted /).waitFor();
    await card.getByText('by the delegation').waitFor();
    await card.locator('[data-question="scenario"]').getByText('4 · Agree').waitFor();
    const runId = (await delegationIds())[A]!.runId;
    expect((await contextOf(runId)).hotWash).toMatchObject({ strengths: 'A shared picture within ten minutes.', ratings: { scenario: 4 }, source: 'delegation' });
    await app.screenshot('consensus-run-hot-wash');

    // Again: the form opens on the answers given, and submitting replaces them.
    await tabTo(button('Change the answers…', card));
    await press('Enter');
    expect(await isFocused(card.getByLabel('Strengths'))).toBe(true);
    await tabTo(card.getByLabel('Other comments'));
    await page.keyboard.type('More time for the plenary.');
    await tabTo(button('Replace the hot wash', card));
    await press('Enter');
    await card.getByText('More time for the plenary.').waitFor();
    expect((await contextOf(runId)).hotWash).toMatchObject({ strengths: 'A shared picture within ten minutes.', comments: 'More time for the plenary.', ratings: { scenario: 4 } });
    await backToConsole();
  });

  it('B abstains constructively on the conclusions, with its formal declaration', async () => {
    const { page } = app;
    await openRunOf(B);
    const conclusions = page.locator('[data-position="council-conclusions"]');
    await tabTo(button('Abstain constructively on Council conclusions', conclusions));
    await press('Enter');
    const declaration = conclusions.getByLabel(/^Formal declaration/);
    expect(await isFocused(declaration)).toBe(true);
    await page.keyboard.type(DECLARATION);
    await tabTo(button(/^Record the abstention/, conclusions));
    await press('Enter');
    await conclusions.locator('.position__stance').getByText('Abstains constructively', { exact: true }).waitFor();
    await conclusions.locator('.position__form').waitFor({ state: 'detached' });
    expect((await contextOf((await delegationIds())[B]!.runId)).positions['council-conclusions']).toMatchObject({ stance: 'abstains', text: DECLARATION });
    await backToConsole();
  });
});

describe('the console: the table of positions and the joint decision', () => {
  it('shows each position in words, the rule, and who blocks', async () => {
    const { page } = app;
    const panel = page.getByRole('region', { name: 'Positions and unanimity' });
    await panel.waitFor();
    expect(await cell('council-conclusions', A).getAttribute('data-stance')).toBe('supports');
    expect(await cell('council-conclusions', B).getAttribute('data-stance')).toBe('abstains');
    expect(await cell('council-conclusions', C).getAttribute('data-stance')).toBe('supports');
    await cell('council-conclusions', B).getByText(DECLARATION).waitFor();
    expect(await cell('travel-ban', A).textContent()).toContain('Opposes');
    expect(await cell('travel-ban', B).textContent()).toContain('Undecided');
    await panel.locator('tr[data-measure="travel-ban"]').getByText(`Blocked by ${A}`).waitFor();
    expect(await panel.locator('tr[data-measure="council-conclusions"] [data-holds]').textContent()).toBe('✓ Holds');
    await panel.locator('tr[data-measure="travel-ban"]').getByText('Unanimity', { exact: false }).first().waitFor();
    await panel.locator('tr[data-row="level"]').getByText('Level 3').first().waitFor();
    // A measure no one has a position on is named under the table, not given a row of "Undecided".
    expect(await panel.locator('tr[data-measure="cbm"]').count()).toBe(0);
    expect(await panel.locator('[data-open-measures]').getAttribute('data-open-measures')).toContain('cbm');
    await page.getByRole('heading', { name: 'Positions and unanimity', exact: true }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await app.screenshot('consensus-table');
    await expectAccessible();
  });

  it('follows the runs live: a position taken elsewhere reaches the table and is announced', async () => {
    const { page } = app;
    const ids = await delegationIds();
    await send(ids[C]!.runId, [{ type: 'POSITION.SET', measureId: 'asset-freeze', stance: 'abstains', text: 'C will not freeze assets on its territory, and accepts the decision commits the Union.' }]);
    await expect.poll(() => cell('asset-freeze', C).getAttribute('data-stance')).toBe('abstains');
    await page.getByRole('status').getByText(new RegExp(`^${C} on Asset freeze .*: now Abstains constructively \\(was Undecided\\)\\.$`)).waitFor();
  });

  it('shows the table on the room’s screen when the facilitator chooses', async () => {
    const { page } = app;
    await tabTo(button('Open the room’s screen'), { back: true });
    await press('Enter');
    await button('Close the room’s screen').waitFor();
    room = await app.openRoomPage({ width: 1920, height: 1080 });
    await room.getByRole('heading', { name: EXERCISE, level: 1 }).waitFor();
    expect(await room.getByRole('heading', { name: 'Positions and unanimity' }).count()).toBe(0);
    await tabTo(page.getByRole('checkbox', { name: 'Show positions on the room’s screen' }));
    await press('Space');
    await room.getByRole('heading', { name: 'Positions and unanimity' }).waitFor();
    await room.locator('tr[data-measure="travel-ban"]').getByText(`Blocked by ${A}`).waitFor();
    expect(await cell('council-conclusions', B, room).getAttribute('data-stance')).toBe('abstains');
    await room.screenshot({ path: join(SCREENSHOTS_DIR, 'consensus-room-1920.png') });
    expect(await blockingAxeViolations(room)).toEqual([]);
    await page.bringToFront();
  });

  it('refuses to adopt the listing while A opposes it, and records it blocked', async () => {
    const { page } = app;
    const joint = page.getByRole('region', { name: 'Joint decision' });
    const measure = joint.getByLabel('Measure', { exact: true });
    await tabTo(measure);
    await choose(measure, 'travel-ban', 'ArrowDown');
    const adopt = button('Record as adopted', joint);
    await joint.getByText(`Cannot be adopted while ${A} opposes it: unanimity does not hold.`).waitFor();
    expect(await adopt.getAttribute('aria-disabled')).toBe('true');
    await tabTo(adopt);
    await press('Enter');
    await joint.getByRole('alert').getByText(`Cannot be adopted while ${A} opposes it`).waitFor();
    expect((await call(page, 'getConsensus', { exerciseId })).joint.entries).toHaveLength(0);
    // The main process refuses it anyway, whoever asks.
    await expect(call(page, 'recordJointEntry', { exerciseId, entry: { kind: 'adopt', measureId: 'travel-ban' } })).rejects.toThrow(/opposes it/);

    await tabTo(joint.getByLabel('Note (optional)'), { back: true });
    await page.keyboard.type('A asks for the evidence to be shared first.');
    await tabTo(button('Record as blocked', joint));
    await press('Enter');
    await joint.getByRole('status').getByText('Recorded entry 1.').waitFor();
    const entry = joint.locator('[data-entry="1"]');
    await entry.getByText('Blocked', { exact: true }).waitFor();
    await entry.getByText(`${A}: ${OBJECTION}`).waitFor();
  });

  it('adopts the conclusions with B’s abstention and its declaration, then the statement', async () => {
    const { page } = app;
    const joint = page.getByRole('region', { name: 'Joint decision' });
    const measure = joint.getByLabel('Measure', { exact: true });
    await tabTo(measure, { back: true });
    await choose(measure, 'council-conclusions', 'ArrowUp');
    await tabTo(button('Record as adopted', joint));
    expect(await button('Record as adopted', joint).getAttribute('aria-disabled')).toBeNull();
    await press('Enter');
    await joint.getByRole('status').getByText('Recorded entry 2.').waitFor();
    const adopted = joint.locator('[data-entry="2"]');
    await adopted.getByText(`${B} declares: ${DECLARATION}`).waitFor();
    await adopted.getByText(/exercise time \d\d:\d\d/).waitFor();

    await tabTo(joint.getByLabel('Agreed text of the statement'));
    await page.keyboard.type(STATEMENT);
    await tabTo(button('Record the statement', joint));
    await press('Enter');
    await joint.locator('[data-entry="3"]').getByText(STATEMENT).waitFor();
    await joint.locator('[data-entry="3"]').getByText('Announces: Council conclusions').waitFor();
    await joint.getByText('Record intact: 3 entries').waitFor();
    const consensus = await call(page, 'getConsensus', { exerciseId });
    expect(consensus.joint.outcomes.filter((o) => o.outcome !== null)).toEqual([
      { measureId: 'council-conclusions', outcome: 'adopted', seq: 2 },
      { measureId: 'travel-ban', outcome: 'blocked', seq: 1 },
    ]);
    await page.getByRole('heading', { name: 'Joint decision', exact: true }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await app.screenshot('consensus-joint');
    await expectAccessible();
  });

  it('types in C’s hot wash from paper, in a dialog that takes the focus', async () => {
    const { page } = app;
    await tabTo(button(`Enter hot wash from paper… for ${C}`), { back: true });
    await press('Enter');
    const dialog = page.getByRole('dialog', { name: `Hot wash of ${C}, from paper` });
    await dialog.waitFor();
    await expect.poll(() => isFocused(dialog.getByLabel('Strengths'))).toBe(true);
    await page.keyboard.type('The injects were realistic.');
    const info = dialog.locator('fieldset[data-question="information"]');
    await tabTo(info.getByRole('radio', { name: '1 Strongly disagree' }));
    await press('ArrowRight');
    await app.screenshot('consensus-paper-hot-wash');
    await expectAccessible();
    await tabTo(button('Submit the hot wash', dialog));
    await press('Enter');
    await dialog.getByText('from a paper form, entered by the facilitator').waitFor();
    const runId = (await delegationIds())[C]!.runId;
    expect((await contextOf(runId)).hotWash).toMatchObject({ strengths: 'The injects were realistic.', ratings: { information: 2 }, source: 'paper' });
    await press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await isFocused(button(`Enter hot wash from paper… for ${C}`))).toBe(true);
  });

  it('says why a paper hot wash cannot go into a run whose kit is out', async () => {
    const { page } = app;
    const ids = await delegationIds();
    app.answerFolderDialog(mkdtempSync(join(tmpdir(), 'cdt-stick-consensus-')));
    await call(page, 'issueKits', { exerciseId, delegations: [ids[B]!.id], passphrase: null });
    await tabTo(button(`Enter hot wash from paper… for ${B}`), { back: true });
    await press('Enter');
    const dialog = page.getByRole('dialog', { name: `Hot wash of ${B}, from paper` });
    await expect.poll(() => isFocused(dialog.getByLabel('Strengths'))).toBe(true);
    await page.keyboard.type('Good pace.');
    await tabTo(button('Submit the hot wash', dialog));
    await press('Enter');
    await dialog.getByRole('alert').getByText(/played on its delegation's laptop since its kit was issued/).waitFor();
    expect((await contextOf(ids[B]!.runId)).hotWash).toBeNull();
    await app.screenshot('consensus-paper-kit-out');
    await press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('reads well at 1280x720 and 1024x768', async () => {
    const { page } = app;
    for (const [width, height] of [[1280, 720], [1024, 768]] as const) {
      await page.setViewportSize({ width, height });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      // The table fits its panel: no column is cut or scrolled to.
      expect(await page.locator('#ex-positions .pt__wrap').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      await page.getByRole('heading', { name: 'Positions and unanimity', exact: true }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await app.screenshot(`consensus-table-${width}`);
      await page.getByRole('heading', { name: 'Joint decision', exact: true }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await app.screenshot(`consensus-joint-${width}`);
    }
    await openRunOf(A);
    await page.getByRole('region', { name: 'Positions on the other measures' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await app.screenshot('consensus-run-positions-1024');
    await page.getByRole('region', { name: 'Hot wash' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await app.screenshot('consensus-run-hot-wash-1024');
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(pageErrors).toEqual([]);
  });
});
