import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getExercise } from '../../electron/exercise/exercises';
import { blockingAxeViolations } from './axe';
import { call, closeBrowser, openApp, type AppUnderTest } from './harness';

// Two laptops, as in the room (ARCHITECTURE.md, "Across laptops"): the facilitator's and one
// delegation's, each its own database and key, exchanging files through a folder that stands
// for the stick. Everything is done through the UI of each.
let facilitator: AppUnderTest;
let delegation: AppUnderTest;
let facilitatorKey = '';
let delegationKey = '';
let exerciseId = '';
let kitFile = '';
let returnFile = '';
let code = '';
const stick = mkdtempSync(join(tmpdir(), 'cdt-stick-'));

beforeAll(async () => {
  facilitator = await openApp();
  delegation = await openApp();
  facilitatorKey = (await call(facilitator.page, 'getLaptopKey', {})).fingerprint;
  delegationKey = (await call(delegation.page, 'getLaptopKey', {})).fingerprint;
});
afterAll(async () => {
  await facilitator?.close();
  await delegation?.close();
  await closeBrowser();
});

const EXERCISE = 'Cold Ward, across laptops';
const SCENARIO_TITLE = 'Cold Ward: ransomware against hospitals in three member states';
const INJECT_ID = 'csirt-technical-summary';
const INJECT_TITLE = 'CSIRTs Network: joint technical summary';
const FINDING = 'The CSIRTs Network links the three intrusions to one affiliate.';
const AMBER_EXERCISE = 'Quiet Ballot, sealed kits';
const AMBER_SCENARIO = 'Quiet Ballot: intrusion into an election authority and a coordinated disinformation campaign';
const PASSPHRASE = 'harbour lantern seven';

async function expectAccessible(page: Page): Promise<void> {
  expect(await blockingAxeViolations(page)).toEqual([]);
}
const isFocused = (locator: Locator): Promise<boolean> => locator.evaluate((el) => el === document.activeElement);
const card = (page: Page, name: string): Locator => page.locator(`article[data-delegation="${name}"]`);

async function createExercise(page: Page, name: string, scenario: string, delegations: readonly string[]): Promise<string> {
  await page.getByRole('button', { name: 'Exercises', exact: true }).first().click();
  await page.getByRole('button', { name: 'New exercise' }).click();
  await page.getByRole('radio', { name: new RegExp(scenario.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).check();
  await page.getByLabel('Name of the exercise').fill(name);
  for (const [i, d] of delegations.entries()) {
    if (i >= 2) await page.getByRole('button', { name: 'Add delegation' }).click();
    await page.getByLabel(`Delegation ${i + 1}`, { exact: true }).fill(d);
  }
  // The form starts with two rows: one delegation only leaves the second empty, which is allowed.
  await page.getByRole('button', { name: 'Create exercise' }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
  return (await call(page, 'listExercises', {})).find((e) => e.name === name)!.id;
}

describe('a kit goes to a delegation’s laptop and its work comes back', () => {
  it('creates a TLP:GREEN exercise on the facilitator’s laptop, which shows its key', async () => {
    const { page } = facilitator;
    exerciseId = await createExercise(page, EXERCISE, SCENARIO_TITLE, ['Member State A', 'Member State B']);
    const kits = page.getByRole('region', { name: 'Delegation kits', exact: true });
    await kits.getByText('No kit issued: every run is played on this laptop.').waitFor();
    expect(await kits.locator('.laptop-key .fingerprint').textContent()).toBe(facilitatorKey);
    expect(facilitatorKey).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){4}$/);
    expect(facilitatorKey).not.toBe(delegationKey);
  });

  it('issues a kit to one delegation: the dialog takes the focus, says a passphrase is optional, and lists the file', async () => {
    const { page } = facilitator;
    const opener = page.getByRole('button', { name: 'Issue kits…' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Issue delegation kits' });
    await dialog.waitFor();
    expect(await isFocused(dialog.getByRole('checkbox', { name: /^Member State A/ }))).toBe(true);
    await dialog.getByText('A passphrase is optional for TLP:GREEN.').waitFor();
    await dialog.getByText(/anyone holding the stick can read the scenario/).waitFor();
    await dialog.getByRole('checkbox', { name: /^Member State B/ }).uncheck();
    // Escape closes it and gives the focus back; nothing was written.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await isFocused(opener)).toBe(true);
    expect(readdirSync(stick)).toEqual([]);

    await opener.click();
    await dialog.getByRole('checkbox', { name: /^Member State B/ }).uncheck();
    // A cancelled folder dialog writes nothing and leaves the dialog open.
    facilitator.answerFolderDialog(null);
    await dialog.getByRole('button', { name: 'Choose the folder and issue…' }).click();
    await dialog.getByText('No folder chosen: no kit was written.').waitFor();
    await facilitator.screenshot('exchange-issue-kits');
    await expectAccessible(page);

    facilitator.answerFolderDialog(stick);
    await dialog.getByRole('button', { name: 'Choose the folder and issue…' }).click();
    await dialog.waitFor({ state: 'detached' });
    const issued = page.locator('.ex-kits__issued');
    await issued.getByText(`Wrote 1 kit to ${stick}. Hand it to its delegation:`).waitFor();
    const row = issued.locator('tr[data-kit-for="Member State A"]');
    const fileName = (await row.locator('.ex-kits__file').textContent()) ?? '';
    expect(fileName).toMatch(/\.cdt-kit$/);
    // The file name carries no name: the list is what tells the sticks apart.
    expect(fileName).not.toContain('Member');
    kitFile = join(stick, fileName);
    expect(readdirSync(stick)).toEqual([fileName]);
    await page.getByRole('region', { name: 'Delegation kits', exact: true }).getByText('1 of 2 delegations plays on its own laptop.').waitFor();
    const a = card(page, 'Member State A').locator('.ex-card__kit');
    await a.getByText(/^Kit issued on .*, in the clear: the run is played on the delegation’s laptop\.$/).waitFor();
    await a.getByText('No return yet: the run here is as it was when the kit was issued.').waitFor();
    expect(await card(page, 'Member State B').locator('.ex-card__kit').count()).toBe(0);
    await page.getByRole('region', { name: 'Delegation kits', exact: true }).scrollIntoViewIfNeeded();
    await facilitator.screenshot('exchange-kits-issued');
    await expectAccessible(page);
  });

  it('opens the kit on the delegation’s laptop, whose workspace shows both keys, the scenario and sealed injects', async () => {
    const { page } = delegation;
    await page.getByRole('button', { name: 'Exercises', exact: true }).first().click();
    const laptop = page.getByRole('region', { name: 'Delegation kits on this laptop' });
    await laptop.getByText('No kit opened on this laptop.').waitFor();
    expect(await laptop.locator('.laptop-key .fingerprint').textContent()).toBe(delegationKey);
    await laptop.getByRole('button', { name: 'Open a delegation kit…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open a delegation kit' });
    expect(await isFocused(dialog.getByLabel('Passphrase (if the kit is sealed)'))).toBe(true);
    delegation.answerExchangeDialog([kitFile]);
    await dialog.getByRole('button', { name: 'Choose the kit file…' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('heading', { name: 'Member State A', level: 1 }).waitFor();
    await page.getByRole('status').getByText(/^Opened the kit of Member State A from /).waitFor();
    const banner = page.getByRole('note', { name: 'Exercise marking' });
    expect(await banner.textContent()).toContain('EXERCISE — FICTIONAL SCENARIO');
    expect(await banner.textContent()).toContain('TLP:GREEN');
    await page.getByText(`${EXERCISE} · Scenario: ${SCENARIO_TITLE}`).waitFor();
    const keys = page.getByRole('region', { name: 'Keys: compare them aloud with the facilitator' });
    expect(await keys.locator('.fingerprint').allTextContents()).toEqual([facilitatorKey, delegationKey]);
    const injects = page.getByRole('region', { name: /^Injects/ });
    expect(await injects.locator('[data-sealed]').allTextContents()).toEqual([1, 2, 3, 4, 5].map((n) => `Sealed inject ${n}`));
    const brief = page.getByRole('region', { name: 'The scenario' });
    await brief.getByRole('heading', { name: 'Incident' }).waitFor();
    await brief.getByRole('heading', { name: /^1\. Shared situational awareness/ }).waitFor();
    await brief.getByText('Which facts do all member states accept, and which rest on one source only?').waitFor();
    // What the facilitator keeps to themselves does not travel.
    expect(await page.getByText('Facilitator’s notes').count()).toBe(0);
    await delegation.screenshot('exchange-workspace');
    await expectAccessible(page);
  });

  it('releases the inject in the console: the code dialog shows the code of the delegation whose kit is out', async () => {
    const { page } = facilitator;
    const release = page.getByRole('button', { name: `Release to all: ${INJECT_TITLE}` });
    await release.click();
    // Releasing to all asks first, naming the inject and the delegations, and who gets a code.
    const confirm = page.getByRole('dialog', { name: `Release “${INJECT_TITLE}”?` });
    await confirm.getByText(`“${INJECT_TITLE}” goes now to Member State A, Member State B.`).waitFor();
    await confirm.getByText('On their own laptops, by the release code you read out: Member State A.').waitFor();
    await confirm.getByRole('button', { name: 'Release to 2 delegations' }).click();
    const dialog = page.getByRole('dialog', { name: `Release codes for “${INJECT_TITLE}”` });
    await dialog.waitFor();
    expect(await isFocused(dialog.getByRole('button', { name: 'Close' }))).toBe(true);
    await page.getByRole('status').getByText(`Released “${INJECT_TITLE}” to Member State A, Member State B. On their own laptops, by release code: Member State A.`).waitFor();
    await dialog.getByText('A code opens this inject only on that delegation’s laptop, in the kit issued to it; another delegation’s laptop refuses it.').waitFor();
    // Member State B plays here: it got the inject in its run, and has no code.
    expect(await dialog.locator('tr[data-code-for]').count()).toBe(1);
    code = (await dialog.locator('tr[data-code-for="Member State A"] [data-code]').getAttribute('data-code')) ?? '';
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await facilitator.screenshot('exchange-code-dialog');
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // The release button went with the release: the focus is on the inject instead.
    expect(await isFocused(page.locator(`#inject-${INJECT_ID}-title`))).toBe(true);
    expect(getExercise(facilitator.workbench.db, exerciseId).delegations.map((d) => d.injectsReceived)).toEqual([[], [INJECT_ID]]);
    // The codes can be shown again, for a delegation that did not catch it.
    await page.getByRole('button', { name: `Show the release codes of ${INJECT_TITLE}` }).click();
    expect(await dialog.locator('[data-code]').getAttribute('data-code')).toBe(code);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('opens the inject on the delegation’s laptop by its code, from the keyboard alone; a wrong code opens nothing', async () => {
    const { page } = delegation;
    const field = page.getByLabel('Release code');
    await page.evaluate(() => document.getElementById('main')?.focus());
    for (let i = 0; i < 30 && !(await isFocused(field)); i++) await page.keyboard.press('Tab');
    expect(await isFocused(field)).toBe(true);

    await page.keyboard.type('AAAA-AAAA-AAAA');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText('This code opens none of the injects sealed in this kit').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[data-sealed]').count()).toBe(5);
    expect(await page.locator('.ws-inject--opened').count()).toBe(0);
    expect(await isFocused(field)).toBe(true);

    // As people type what they hear: lower case, a space where the dash was.
    await page.keyboard.press('Control+A');
    await page.keyboard.type(code.toLowerCase().replace('-', ' '));
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText(`Opened “${INJECT_TITLE}”; it is in the delegation’s run.`).waitFor();
    const opened = page.locator(`.ws-inject--opened[data-inject="${INJECT_ID}"]`);
    await opened.getByRole('heading', { name: INJECT_TITLE }).waitFor();
    await opened.getByText(/^Opened on /).waitFor();
    expect(await page.locator('[data-sealed]').count()).toBe(4);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await field.inputValue()).toBe('');
    expect(await isFocused(field)).toBe(true);
    await page.getByText('(1 of 5 opened)').waitFor();
    await delegation.screenshot('exchange-workspace-opened');
    await expectAccessible(page);
  });

  it('plays a step of the run on the delegation’s laptop, and comes back to the workspace', async () => {
    const { page } = delegation;
    await page.getByRole('button', { name: 'Open the run' }).click();
    const form = page.getByRole('group', { name: 'Add a finding' });
    await form.waitFor();
    await page.getByRole('note', { name: 'Exercise marking' }).getByText('TLP:GREEN').waitFor();
    await form.getByLabel('What happened').fill(FINDING);
    await form.getByLabel('Source').fill('CSIRTs Network joint summary');
    await form.getByRole('radio', { name: 'High' }).check();
    await form.getByRole('button', { name: 'Add finding' }).click();
    await page.locator('.finding__text', { hasText: FINDING }).waitFor();
    await page.getByLabel('The assessment the member states agree').fill('One affiliate encrypted hospitals in three member states.');
    await page.getByRole('button', { name: 'Agree shared assessment' }).click();
    await page.getByRole('heading', { name: 'Attribution', level: 2 }).waitFor();

    // The way back leads to the workspace: this laptop has no console for the exercise.
    await page.getByRole('button', { name: 'Back to the workspace of Member State A' }).click();
    await page.getByRole('heading', { name: 'Member State A', level: 1 }).waitFor();
    await page.locator('.ws-run__step[data-step="attribution"]').waitFor();
  });

  it('writes a return through the save dialog', async () => {
    const { page } = delegation;
    returnFile = join(stick, 'member-state-a.cdt-return');
    delegation.answerSaveDialog(returnFile);
    await page.getByRole('button', { name: 'Write a return…' }).click();
    await page.getByRole('status').getByText(`Wrote the return to ${returnFile}. Hand the stick to the facilitator.`).waitFor();
    expect(existsSync(returnFile)).toBe(true);
    expect(delegation.saveDialogs.at(-1)).toMatch(/\.cdt-return$/);
  });

  it('collects the return in the console: each file’s outcome, the run moved on, the laptop known', async () => {
    const { page } = facilitator;
    const broken = join(stick, 'not-a-return.cdt-return');
    writeFileSync(broken, '{"format": "cdt-return", ');
    await page.getByRole('button', { name: 'Collect returns…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Collect the delegations’ returns' });
    expect(await isFocused(dialog.getByLabel('Passphrase (optional)'))).toBe(true);
    facilitator.answerExchangeDialog([returnFile, broken]);
    await dialog.getByRole('button', { name: 'Choose the return files…' }).click();
    await dialog.waitFor({ state: 'detached' });

    const results = page.getByRole('list', { name: /^2 return files: 1 taken, 0 already here, 1 refused\.$/ });
    await results.waitFor();
    const accepted = results.locator('li[data-status="accepted"]');
    expect(await accepted.locator('.ex-return__file').textContent()).toBe('member-state-a.cdt-return');
    expect(await accepted.textContent()).toMatch(/Member State A: \d+ new events \(\d+ in its run now\)\./);
    const refused = results.locator('li[data-status="refused"]');
    expect(await refused.locator('.ex-return__status').textContent()).toBe('Refused');
    expect((await refused.locator('.ex-return__problems li').allTextContents()).join(' ').length).toBeGreaterThan(0);

    const a = card(page, 'Member State A');
    expect(await a.locator('.ex-card__step').getAttribute('data-step')).toBe('attribution');
    expect(await a.locator('.ex-card__kit').getAttribute('data-kit')).toBe('returned');
    expect(await a.locator('.ex-card__kit .fingerprint').textContent()).toBe(delegationKey);
    await a.getByText(/last return on /).waitFor();
    expect(await a.locator('.ex-card__injects').textContent()).toContain(INJECT_TITLE);
    await page.getByRole('region', { name: 'Delegation kits', exact: true }).scrollIntoViewIfNeeded();
    await facilitator.screenshot('exchange-collect');
    await expectAccessible(page);

    // The same return again changes nothing, and says so.
    await page.getByRole('button', { name: 'Collect returns…' }).click();
    facilitator.answerExchangeDialog([returnFile]);
    await dialog.getByRole('button', { name: 'Choose the return files…' }).click();
    const again = page.getByRole('list', { name: '1 return file: 0 taken, 1 already here, 0 refused.' });
    await again.locator('li[data-status="unchanged"]').getByText(/^Member State A: it holds \d+ event\(s\) of Member State A, all of them already here/).waitFor();
    await a.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => window.scrollBy(0, -110)); // below the sticky header and banner
    await facilitator.screenshot('exchange-console-returned');
  });

  it('saves the exercise’s report, which holds the event the return brought', async () => {
    const { page } = facilitator;
    await page.getByRole('button', { name: 'After-action report' }).click();
    const report = page.locator('#ex-report');
    const json = join(stick, 'report.json');
    facilitator.answerSaveDialog(json);
    await report.getByRole('button', { name: 'Save as JSON…' }).click();
    await report.getByRole('status').getByText(`Saved the report to ${json}`).waitFor();
    expect(readFileSync(json, 'utf8')).toContain(FINDING);
    const md = join(stick, 'report.md');
    facilitator.answerSaveDialog(md);
    await report.getByRole('button', { name: 'Save as Markdown…' }).click();
    await report.getByRole('status').getByText(`Saved the report to ${md}`).waitFor();
    expect(readFileSync(md, 'utf8')).toContain(FINDING);
    expect(facilitator.foreignRequests).toEqual([]);
    expect(delegation.foreignRequests).toEqual([]);
  });
});

describe('a TLP:AMBER exercise seals its kits', () => {
  let sealedKit = '';

  it('requires a passphrase, typed twice alike, before asking for the folder', async () => {
    const { page } = facilitator;
    await page.getByRole('button', { name: 'Back to the exercises' }).first().click();
    await createExercise(page, AMBER_EXERCISE, AMBER_SCENARIO, ['Member State D']);
    await page.getByRole('button', { name: 'Issue kits…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Issue delegation kits' });
    await dialog.getByText('A passphrase is required: the scenario is marked TLP:AMBER.').waitFor();
    const folder = mkdtempSync(join(tmpdir(), 'cdt-stick-amber-'));
    facilitator.answerFolderDialog(folder);

    const submit = dialog.getByRole('button', { name: 'Choose the folder and issue…' });
    await submit.click();
    await dialog.getByRole('alert').getByText('Type a passphrase: the scenario is marked TLP:AMBER.').waitFor();
    const passphrase = dialog.getByLabel('Passphrase', { exact: true });
    expect(await isFocused(passphrase)).toBe(true);
    expect(await passphrase.getAttribute('aria-invalid')).toBe('true');

    await passphrase.fill(PASSPHRASE);
    await dialog.getByLabel('The passphrase again').fill(`${PASSPHRASE}!`);
    await submit.click();
    await dialog.getByRole('alert').getByText('The two passphrases differ: type the same one twice.').waitFor();
    expect(await isFocused(dialog.getByLabel('The passphrase again'))).toBe(true);
    expect(readdirSync(folder)).toEqual([]);
    await facilitator.screenshot('exchange-issue-kits-amber');
    await expectAccessible(page);

    await dialog.getByLabel('The passphrase again').fill(PASSPHRASE);
    await submit.click();
    await dialog.waitFor({ state: 'detached' });
    const issued = page.locator('.ex-kits__issued');
    await issued.getByText(/Each kit is sealed with the passphrase/).waitFor();
    sealedKit = join(folder, (await issued.locator('tr[data-kit-for="Member State D"] .ex-kits__file').textContent()) ?? '');
    expect(readFileSync(sealedKit, 'utf8')).toContain('"cdt-sealed"');
    await card(page, 'Member State D').getByText(/sealed with a passphrase/).waitFor();
  });

  it('opens the sealed kit on the delegation’s laptop only with the passphrase', async () => {
    const { page } = delegation;
    await page.getByRole('button', { name: 'Back to the exercises' }).click();
    const laptop = page.getByRole('region', { name: 'Delegation kits on this laptop' });
    await laptop.getByRole('button', { name: 'Open the workspace of Member State A in Cold Ward, across laptops' }).waitFor();
    expect(await laptop.locator('tbody tr td').nth(1).textContent()).toBe('1 of 5');
    await laptop.scrollIntoViewIfNeeded();
    await delegation.screenshot('exchange-workspace-list');
    await expectAccessible(page);
    await laptop.getByRole('button', { name: 'Open a delegation kit…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open a delegation kit' });
    delegation.answerExchangeDialog([sealedKit]);
    await dialog.getByRole('button', { name: 'Choose the kit file…' }).click();
    await dialog.getByRole('alert').getByText(/sealed with the exercise's passphrase; give the passphrase to open it/).waitFor();
    await dialog.getByLabel('Passphrase (if the kit is sealed)').fill('not the passphrase');
    await dialog.getByRole('button', { name: 'Choose the kit file…' }).click();
    await dialog.getByRole('alert').getByText(/the passphrase does not open it/).waitFor();
    await dialog.getByLabel('Passphrase (if the kit is sealed)').fill(PASSPHRASE);
    await dialog.getByRole('button', { name: 'Choose the kit file…' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Member State D', level: 1 }).waitFor();
    expect(await page.getByRole('note', { name: 'Exercise marking' }).textContent()).toContain('TLP:AMBER');
    await page.getByText('The kit came sealed with a passphrase; the returns are sealed with it too.').waitFor();
    await delegation.screenshot('exchange-workspace-amber');
    await expectAccessible(page);
  });
});
