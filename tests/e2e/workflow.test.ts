import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendEvent } from '../../electron/workflow/runs';
import { DIMENSION_IDS, DIMENSIONS, PRINCIPLE_IDS, PRINCIPLES } from '../../shared/framework/catalogue';
import { blockingAxeViolations } from './axe';
import { closeBrowser, openApp, type AppUnderTest } from './harness';

let app: AppUnderTest;
// Fail on the step that is stuck, well before the test's own timeout.
const STEP_TIMEOUT_MS = 10_000;

async function open(options: Parameters<typeof openApp>[0] = {}): Promise<AppUnderTest> {
  const opened = await openApp(options);
  opened.page.setDefaultTimeout(STEP_TIMEOUT_MS);
  return opened;
}

beforeAll(async () => {
  app = await open();
});
afterAll(async () => {
  await app?.close();
  await closeBrowser();
});

const RUN = 'Exercise Blue Harbour';
// A profile a diplomat might give a ransomware campaign on hospitals in two member states.
const RATINGS = { scope: 3, scale: 2, duration: 2, intensity: 3, complexity: 2, sophistication: 2, impact: 3 } as const;

async function expectAccessible(page: Page = app.page): Promise<void> {
  expect(await blockingAxeViolations(page)).toEqual([]);
}

const isFocused = (locator: Locator): Promise<boolean> => locator.evaluate((el) => el === document.activeElement);

/** The step the run is in, as the stepper says it. */
const currentStep = (page: Page): Locator => page.locator('.stepper [aria-current="step"] .stepper__name');

async function waitForStep(page: Page, name: string): Promise<void> {
  await page.locator('.stepper [aria-current="step"] .stepper__name', { hasText: name }).waitFor();
}

/** A control that is not possible now (aria-disabled) stays focusable: a keyboard user tries it. */
async function tryIt(locator: Locator): Promise<void> {
  await locator.focus();
  await locator.page().keyboard.press('Enter');
}

const radar = (page: Page): Locator => page.getByRole('img', { name: /^Radar chart of the ratings/ });
const dimension = (page: Page, id: string): Locator => page.locator(`[data-dimension="${id}"]`);
const measure = (page: Page, id: string): Locator => page.locator(`[data-measure="${id}"]`);

describe('a run from the first finding to a decision', () => {
  it('starts on an empty runs list and creates a run', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Runs', exact: true }).click();
    await page.getByRole('heading', { name: 'Runs', level: 1 }).waitFor();
    await page.getByText('No runs yet.').waitFor();
    await expectAccessible();

    // A name is required: the main process says so.
    await page.getByRole('button', { name: 'Create run' }).click();
    await page.getByRole('alert').getByText('A run needs a name.').waitFor();

    await page.getByLabel('Name', { exact: true }).fill(RUN);
    await page.getByRole('button', { name: 'Create run' }).click();
    await page.getByRole('heading', { name: RUN, level: 1 }).waitFor();
    expect(await currentStep(page).textContent()).toBe('Awareness');
  });

  it('records findings and agrees the shared assessment', async () => {
    const { page } = app;
    // Agreeing without a finding is not possible, and trying says why.
    await page.getByLabel('The assessment the member states agree').fill('Ransomware on hospitals in two member states.');
    await tryIt(page.getByRole('button', { name: 'Agree shared assessment' }));
    await page.getByText('A shared assessment rests on findings: record at least one finding first.').waitFor();

    const addFinding = async (text: string, source: string, confidence: string): Promise<void> => {
      const form = page.getByRole('group', { name: 'Add a finding' });
      await form.getByLabel('What happened').fill(text);
      await form.getByLabel('Source').fill(source);
      await form.getByRole('radio', { name: confidence }).check();
      await form.getByRole('button', { name: 'Add finding' }).click();
      await page.locator('.finding__text', { hasText: text }).waitFor();
    };
    await addFinding('Ransomware encrypted patient records in 14 hospitals in two member states.', 'CERT-EU', 'High');
    await addFinding('The intrusion used a supply-chain compromise of a hospital software vendor.', 'National CSIRT', 'Moderate');
    await addFinding('Typo finding', 'nobody', 'Low');

    // Edit and remove, as findings change.
    await page.getByRole('button', { name: 'Remove finding 3' }).click();
    await page.locator('.finding__text', { hasText: 'Typo finding' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Edit finding 2' }).click();
    await page.locator('.finding--editing').getByLabel('What happened').fill(
      'The intrusion used a supply-chain compromise of a widely used hospital software vendor.',
    );
    await page.getByRole('button', { name: 'Save finding' }).click();
    await page.locator('.finding__text', { hasText: 'widely used hospital software vendor' }).waitFor();
    expect(await page.locator('.finding').count()).toBe(2);

    // The evidence beside the step: 10474/17 §5 fourth indent first, verbatim, in Dutch.
    const evidence = page.getByRole('region', { name: 'Supporting paragraphs' });
    const first = evidence.locator('.evidence-link').first();
    expect(await first.locator('.evidence-link__ref').textContent()).toBe('10474/17 §5, indent 4');
    expect(await first.locator('blockquote').getAttribute('lang')).toBe('nl');
    expect(await first.locator('blockquote').textContent()).toContain('gemeenschappelijk situationeel bewustzijn');
    // The line beside each link is ours, and says so.
    expect(await first.locator('.evidence-link__note').textContent()).toMatch(/^Our gloss: /);
    // Every language of the corpus is offered, not a fixed pair.
    for (const name of ['Dutch', 'Latvian', 'Danish']) await evidence.getByRole('button', { name, exact: true }).waitFor();
    await evidence.getByRole('button', { name: 'Side by side', exact: true }).click();
    expect(await first.locator('blockquote[lang="lv"]').textContent()).toContain('kopīga situācijas apzināšanās');
    expect(await first.locator('blockquote[lang="nl"]').count()).toBe(1);
    await evidence.getByRole('button', { name: 'Dutch', exact: true }).click();
    await first.getByRole('button', { name: 'Cite 10474/17 §5, indent 4 (Dutch)' }).click();
    expect(app.clipboard.at(-1)).toBe('Council conclusions 10474/17, para. 5, fourth indent (NL)');
    await first.getByRole('button', { name: 'Quote 10474/17 §5, indent 4 (Dutch) with its reference and footnotes' }).click();
    expect(app.clipboard.at(-1)).toMatch(/^“uitgaan van een tussen de lidstaten .*situatie,”\nCouncil conclusions 10474\/17, para\. 5, fourth indent \(NL\)$/s);

    await page.evaluate(() => window.scrollTo({ top: 0 }));
    await app.screenshot('step-awareness');
    await expectAccessible();

    await page.getByRole('button', { name: 'Agree shared assessment' }).click();
    await waitForStep(page, 'Attribution');
    // The focus moves to the new step's heading, for keyboard and screen reader users.
    expect(await isFocused(page.getByRole('heading', { name: 'Attribution', level: 2 }))).toBe(true);
  });

  it('makes clear that attribution is optional, and skips it with a reason', async () => {
    const { page } = app;
    await page.getByText('Attribution is optional, and a sovereign political decision.').waitFor();
    // The stepper marks awareness done and offers to go back to it.
    await page.getByRole('button', { name: 'Awareness Done · go back to revise this step' }).waitFor();
    await app.screenshot('step-attribution');
    await expectAccessible();

    await tryIt(page.getByRole('button', { name: 'Skip attribution and continue' }));
    await page.getByText('Give the reason for not attributing the activity.').waitFor();
    await page.getByLabel('Reason for not attributing').fill('The intelligence does not yet allow a sovereign decision on attribution.');
    await page.getByRole('button', { name: 'Skip attribution and continue' }).click();
    await waitForStep(page, 'Proportionality');
  });

  it('rates the seven characteristics against the rubric, with the radar following', async () => {
    const { page } = app;
    await page.getByText('The overall level appears once all seven characteristics are rated (0 of 7 so far).').waitFor();
    const before = await radar(page).getAttribute('aria-label');
    expect(before).toContain('scope not rated');

    for (const id of DIMENSION_IDS) {
      const field = dimension(page, id);
      const value = RATINGS[id];
      // Each level is labelled with the rubric's descriptor.
      await field.getByRole('radio', { name: `Level ${value}: ${DIMENSIONS[id].rubric[value]}` }).check();
      await field.getByLabel(`Rationale for ${DIMENSIONS[id].label}`).fill(`Rated ${value}: see findings 1 and 2.`);
      await page.waitForFunction(
        ([name, v]) => document.querySelector('svg[role="img"]')?.getAttribute('aria-label')?.includes(`${name} ${v}`),
        [DIMENSIONS[id].label.toLowerCase(), value] as const,
      );
    }
    await page.getByText('7 of 7 characteristics rated').waitFor();
    await page.getByTestId('overall-level').getByText('3', { exact: true }).waitFor();
    expect(await radar(page).getAttribute('aria-label')).toBe(
      'Radar chart of the ratings from 0 to 4: scope 3, scale 2, duration 2, intensity 3, complexity 2, sophistication 2, impact 3. Overall level 3.',
    );
    await page.getByText(/^Overall level 3, the highest of four figures, from \(2\) severity\./).waitFor();
    // What the level rests on, and what single change would move it, beside the formula.
    await page.locator('.profile [data-fact="attribution"]').getByText('Not attributed: attribution was skipped.').waitFor();
    await page
      .locator('.profile .what-would-change')
      .getByText('Restrictive measures would no longer be suggested with any one of these changes: intensity 2 instead of 3 (level 2); impact 2 instead of 3 (level 2).')
      .waitFor();

    // Changing a rating redraws the chart and its label.
    const achieved = page.locator('[data-series="achieved"]');
    const pointsBefore = await achieved.getAttribute('points');
    await dimension(page, 'impact').getByRole('radio', { name: `Level 4: ${DIMENSIONS.impact.rubric[4]}` }).check();
    await page.waitForFunction(() => document.querySelector('svg[role="img"]')?.getAttribute('aria-label')?.includes('impact 4'));
    expect(await achieved.getAttribute('points')).not.toBe(pointsBefore);
    await dimension(page, 'impact').getByRole('radio', { name: `Level 3: ${DIMENSIONS.impact.rubric[3]}` }).check();
    await page.waitForFunction(() => document.querySelector('svg[role="img"]')?.getAttribute('aria-label')?.includes('impact 3'));
    expect(await achieved.getAttribute('points')).toBe(pointsBefore);

    // The sanctions-regime facts: an external threat to critical infrastructure.
    await page.getByRole('checkbox', { name: /is an external threat/ }).check();
    await page.getByRole('checkbox', { name: 'critical infrastructure' }).check();
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[type="checkbox"]:checked') !== null);

    // The evidence follows the dimension being rated.
    await dimension(page, 'scope').getByLabel('Rationale for Scope').focus();
    const evidence = page.getByRole('region', { name: 'Supporting paragraphs' });
    expect(await evidence.getByLabel('Show paragraphs for').inputValue()).toBe('dimension:scope');
    await evidence.locator('.evidence__section-title', { hasText: 'Scope' }).waitFor();
    // 10474/17 §2 is quoted with its two sub-paragraphs apart.
    const p2 = evidence.locator('.evidence-link', { has: page.locator('.evidence-link__ref', { hasText: /^10474\/17 §2$/ }) }).first();
    expect(await p2.locator('blockquote[lang="nl"] .ptext__block').count()).toBe(2);

    await page.evaluate(() => window.scrollTo({ top: 0 }));
    await app.screenshot('step-proportionality');
    await expectAccessible();

    await page.getByRole('button', { name: 'Confirm assessment' }).click();
    await waitForStep(page, 'Measures');
  });

  it('says once, on the card, why a measure whose requirement is unmet cannot be chosen', async () => {
    const { page } = app;
    const support = measure(page, 'support-lawful-responses');
    const reason = "Support to member states' lawful responses needs attribution to a State; attribution was skipped.";
    await support.locator('.measure__blocked').getByText(reason).waitFor();
    expect(await support.getByText(reason).count()).toBe(1);
    // Nothing to fill in or press that could only be refused.
    expect(await support.getByLabel(/^Rationale for Support/).count()).toBe(0);
    expect(await support.getByRole('button', { name: /^Select Support to member states/ }).count()).toBe(0);
    await support.scrollIntoViewIfNeeded();
    await app.screenshot('step-measures-refused');
    // Nothing was recorded.
    expect(await support.locator('.tag--selected').count()).toBe(0);
  });

  it('selects a measure, assesses the six principles and submits the decision', async () => {
    const { page } = app;
    // Submitting lists what is still open.
    await page.getByText('Before the decision can be submitted:').waitFor();
    await page.getByText('Select at least one measure, with a rationale.').waitFor();

    const statement = measure(page, 'hr-statement');
    // What the statement may say is on the card, not folded away: attribution was skipped.
    const caveat = 'Naming a State in the statement is attribution, a sovereign political decision (10474/17 §4): attribution was skipped, so the statement must not name a State.';
    expect(await statement.getByRole('note').textContent()).toBe(caveat);
    expect(await statement.getByText(caveat).count()).toBe(1);
    await statement.getByLabel(/^Rationale for Statement/).fill('Signal the consequences without naming a State.');
    await statement.getByRole('button', { name: /^Select Statement/ }).click();
    await statement.locator('.tag--selected').waitFor();

    for (const id of PRINCIPLE_IDS) {
      const field = page.locator(`[data-principle="${id}"]`);
      const status = id === 'external-relations' ? 'Unclear' : 'Met';
      await field.getByRole('radio', { name: status, exact: true }).check();
      await field.locator(`.choice--checked`).waitFor();
      if (id === 'external-relations') await field.getByLabel(`Note on ${PRINCIPLES[id].label}`).fill('Depends on the dialogue planned for May.');
    }
    // A note and a dissent, recorded with their step.
    await page.getByLabel('Text', { exact: true }).fill('Two delegations ask for a démarche as well.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.locator('.remark', { hasText: 'Two delegations ask for a démarche as well.' }).getByText('at Measures').waitFor();
    await page.getByLabel('Text', { exact: true }).fill('A statement is premature.');
    await page.getByLabel('By (optional)').fill('Delegation of Ruritania');
    await page.getByRole('button', { name: 'Record dissent' }).click();
    await page.locator('.remark--dissent', { hasText: 'A statement is premature.' }).getByText('Delegation of Ruritania', { exact: false }).waitFor();

    await page.getByLabel('Summary of the decision').fill('A declaration by the High Representative on behalf of the EU, without attribution.');
    await page.getByText('Before the decision can be submitted:').waitFor({ state: 'detached' });

    // The evidence follows the category being worked on.
    await statement.getByLabel(/^Rationale for Statement/).focus();
    await page.getByRole('region', { name: 'Supporting paragraphs' }).locator('.evidence__section-title', { hasText: 'Stabilising measures' }).waitFor();
    // A quotation carries the footnotes of its paragraph (10119/24 §6 cites the strategic compass and the hybrid toolbox).
    expect(await page.locator('.evidence-link__notes li').count()).toBeGreaterThan(0);
    await app.screenshot('step-measures');
    await expectAccessible();

    await page.getByRole('button', { name: 'Submit decision' }).click();
    await waitForStep(page, 'Decision');
    await page.getByText('A declaration by the High Representative on behalf of the EU, without attribution.').first().waitFor();
    await page.getByText(/^The record is intact: \d+ changes/).waitFor();
    // No paragraph speaks to recording a decision: the panel says so instead of citing one.
    await page.getByText('No paragraph of the conclusions speaks to this step: the decision is the delegation’s own.').waitFor();
    await app.screenshot('step-decided');
    await expectAccessible();
  });

  it('comes back to the same place after a reload', async () => {
    const { page } = app;
    await page.reload();
    await page.getByRole('heading', { name: RUN, level: 1 }).waitFor();
    await waitForStep(page, 'Decision');
    expect(await page.getByRole('button', { name: 'Runs', exact: true }).getAttribute('aria-current')).toBe('page');
  });

  it('comes back to the same place after the app restarts', async () => {
    // Electron keeps localStorage across restarts; a fresh browser context does not, so carry it over.
    const storage = await app.page.evaluate(() => JSON.stringify({ ...localStorage }));
    const dbPath = app.dbPath;
    await app.close();
    app = await open({ dbPath });
    const { page } = app;
    // Without the UI state, the run is in the list, at its step.
    await page.getByRole('button', { name: 'Runs', exact: true }).click();
    const row = page.locator('tr', { hasText: RUN });
    await row.getByText('Decision').waitFor();
    await row.getByText('5 of 5 steps done').waitFor();
    // With it, the app opens where the user left it.
    await page.evaluate((s) => {
      for (const [k, v] of Object.entries(JSON.parse(s) as Record<string, string>)) localStorage.setItem(k, v);
    }, storage);
    await page.reload();
    await page.getByRole('heading', { name: RUN, level: 1 }).waitFor();
    await waitForStep(page, 'Decision');
  });

  it('reopens the decision', async () => {
    const { page } = app;
    // Going back from a decision withdraws it, so the stepper asks first; Escape keeps it.
    await page.getByRole('button', { name: 'Measures Done · go back to revise this step' }).click();
    const dialog = page.getByRole('dialog', { name: 'Withdraw the decision?' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await waitForStep(page, 'Decision');
    // Reopening asks first too, and keeps the decision's summary in the form.
    await page.getByRole('button', { name: 'Reopen' }).click();
    const reopen = page.getByRole('dialog', { name: 'Reopen the decision?' });
    await reopen.waitFor();
    expect(await isFocused(reopen.getByRole('button', { name: 'Keep the decision' }))).toBe(true);
    await reopen.getByRole('button', { name: 'Reopen the decision' }).click();
    await waitForStep(page, 'Measures');
    expect(await measure(page, 'hr-statement').locator('.tag--selected').count()).toBe(1);
    expect(await page.getByLabel('Summary of the decision').inputValue()).toBe('A declaration by the High Representative on behalf of the EU, without attribution.');
  });

  it("shows the main process's refusal when the run changed elsewhere", async () => {
    const { page } = app;
    const id = await page.evaluate(() => (JSON.parse(localStorage.getItem('cdt.lastPlace') ?? '{}') as { runId: string }).runId);
    // Another window (or a facilitator) takes the run back to awareness behind this page's back.
    const result = sendEvent(app.workbench.db, id, { type: 'REVISE', step: 'awareness' });
    expect(result.accepted).toBe(true);
    await measure(page, 'hr-statement').getByRole('button', { name: /^Deselect/ }).click();
    const toast = page.locator('.toast');
    await toast.getByText('Not recorded. The workbench refused the change:').waitFor();
    await toast.getByText('Deselecting a measure is possible only in the Measures step; the run is in the Shared situational awareness step.').waitFor();
    // The page now shows the run as the main process holds it.
    await waitForStep(page, 'Awareness');
    await toast.getByRole('button', { name: 'Dismiss' }).click();
    await toast.waitFor({ state: 'detached' });
  });

  it('goes back through the stepper, agreeing again', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Agree again and continue' }).click();
    await waitForStep(page, 'Attribution');
    await page.getByRole('button', { name: 'Awareness Done · go back to revise this step' }).click();
    await waitForStep(page, 'Awareness');
  });
});

describe('the runs list', () => {
  it('creates a run with Ctrl+N, renames and deletes runs with a confirmation', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Library' }).click();
    await page.keyboard.press('Control+n');
    const name = page.getByLabel('Name', { exact: true });
    await name.waitFor();
    expect(await isFocused(name)).toBe(true);
    await name.fill('Tabletop: election interference');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Tabletop: election interference', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'All runs' }).click();

    // Rename inline; Escape cancels, Enter saves.
    await page.getByRole('button', { name: 'Rename Tabletop: election interference' }).click();
    const field = page.getByLabel('New name for Tabletop: election interference');
    await field.fill('Tabletop: European elections');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Open Tabletop: election interference' }).waitFor();
    await page.getByRole('button', { name: 'Rename Tabletop: election interference' }).click();
    await field.fill('Tabletop: European elections');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Open Tabletop: European elections' }).waitFor();

    await page.getByRole('button', { name: 'Open Tabletop: European elections' }).waitFor();
    await app.screenshot('runs-list');
    await expectAccessible();

    // Delete asks first: a modal dialog that keeps the focus and cancels on Escape.
    const remove = page.getByRole('button', { name: 'Delete Tabletop: European elections' });
    await remove.click();
    const dialog = page.getByRole('dialog', { name: 'Delete “Tabletop: European elections”?' });
    await dialog.waitFor();
    expect(await isFocused(dialog.getByRole('button', { name: 'Keep it' }))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await isFocused(dialog.getByRole('button', { name: 'Delete run' }))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await isFocused(dialog.getByRole('button', { name: 'Keep it' }))).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect(await isFocused(dialog.getByRole('button', { name: 'Delete run' }))).toBe(true);
    await app.screenshot('runs-delete-dialog');
    await expectAccessible();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await isFocused(remove)).toBe(true);
    expect(await page.locator('.run-row').count()).toBe(2);

    await remove.click();
    await dialog.getByRole('button', { name: 'Delete run' }).click();
    await page.getByRole('button', { name: 'Open Tabletop: European elections' }).waitFor({ state: 'detached' });
    expect(await page.locator('.run-row').count()).toBe(1);
    await page.getByRole('button', { name: `Open ${RUN}` }).waitFor();
  });

  it('made no request outside the app', () => {
    expect(app.foreignRequests).toEqual([]);
  });
});

describe('a run at 1920x1080', () => {
  it('uses a wide screen for the form and the evidence side by side', async () => {
    const wide = await open({ viewport: { width: 1920, height: 1080 } });
    try {
      const { page } = wide;
      await page.getByRole('button', { name: 'Runs', exact: true }).click();
      await page.getByLabel('Name', { exact: true }).fill('Exercise Northern Light');
      await page.getByRole('button', { name: 'Create run' }).click();
      await page.getByRole('heading', { name: 'Exercise Northern Light', level: 1 }).waitFor();
      const form = page.getByRole('group', { name: 'Add a finding' });
      await form.getByLabel('What happened').fill('Wiper malware disabled the emergency-call systems of a member state for two days.');
      await form.getByLabel('Source').fill('ENISA');
      await form.getByRole('button', { name: 'Add finding' }).click();
      await page.getByLabel('The assessment the member states agree').fill('A destructive attack on emergency services, from outside the Union.');
      await page.getByRole('button', { name: 'Agree shared assessment' }).click();
      await waitForStep(page, 'Attribution');
      await page.getByRole('radio', { name: 'a State', exact: true }).check();
      await page.getByRole('radio', { name: 'No, the actor is not named' }).check();
      await page.getByRole('radio', { name: 'High' }).check();
      await page.getByLabel('Basis', { exact: true }).fill('All-source intelligence shared by three member states.');
      await page.getByRole('button', { name: 'Attribute and continue' }).click();
      await waitForStep(page, 'Proportionality');
      for (const [id, value] of Object.entries({ scope: 2, scale: 3, duration: 1, intensity: 4, complexity: 2 })) {
        await dimension(page, id).getByRole('radio', { name: new RegExp(`^Level ${value}:`) }).check();
        await page.waitForFunction(
          ([n, v]) => document.querySelector('svg[role="img"]')?.getAttribute('aria-label')?.includes(`${n} ${v}`),
          [id, value] as const,
        );
      }
      await page.getByRole('checkbox', { name: 'was an attempt' }).check();
      // The attempt's fields follow its checkbox, next in the tab order.
      const potential = page.getByLabel('Potential effect on Scope had the attempt succeeded');
      await potential.waitFor();
      await page.keyboard.press('Tab');
      expect(await potential.evaluate((el) => el === document.activeElement)).toBe(true);
      await potential.selectOption('3');
      await page.waitForFunction(() => document.querySelector('svg[role="img"]')?.getAttribute('aria-label')?.includes('scope 2 (potential 3)'));
      await page.evaluate(() => window.scrollTo({ top: 0 }));
      await wide.screenshot('step-proportionality-1920');
      await expectAccessible(page);
      expect(wide.foreignRequests).toEqual([]);
    } finally {
      await wide.close();
    }
  });
});
