import { join } from 'node:path';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkbench } from '../../../../electron/workbench';
import type { Db } from '../../../../electron/db/open';
import { getParagraph } from '../../../../electron/corpus/queries';
import { getExercise } from '../../../../electron/exercise/exercises';
import { exportExercise, importExercisePackage, packageText } from '../../../../electron/exercise/package';
import { saveReportDetails } from '../../../../electron/exercise/plan';
import { exerciseReport, runReport } from '../../../../electron/report/collect';
import { createRun, runHistory } from '../../../../electron/workflow/runs';
import { describeDecision } from '../../../../shared/report/build';
import { reportText } from '../../../../shared/report/files';
import { reportHtml } from '../../../../shared/report/html';
import { LINK_BREAK, reportMarkdown } from '../../../../shared/report/markdown';
import { formatTime, type AfterActionReport } from '../../../../shared/report/model';
import { accept, at, populatedExercise } from '../../../support/exercise';
import { SCENARIOS_DIR, SEEDS_DIR, tempDir } from '../../../support/temp';
import { TO_DECISION } from '../../../support/workflow';

const temp = tempDir();
afterAll(temp.cleanup);
let n = 0;
function freshDb(): { db: Db; close: () => void } {
  const wb = openWorkbench(join(temp.dir, `report-${n++}.sqlite`), SEEDS_DIR, SCENARIOS_DIR);
  return { db: wb.db, close: () => wb.close() };
}

const PLAN = {
  facilitator: 'Facilitator Ines Duarte',
  improvementPlan: [
    { id: 'i1', issue: 'Findings reached the delegations late', correctiveAction: 'Agree one channel with the CSIRTs Network', owner: 'INTCEN', dueDate: '2027-01-31' },
    { id: 'i2', issue: 'Attribution basis not written down', correctiveAction: '', owner: '', dueDate: '' },
  ],
};

/** The exercise of the shared fixture, with a reopened decision, a dissent and a filled-in plan. */
function finishedExercise(db: Db): string {
  const view = populatedExercise(db);
  const south = view.delegations[1]!;
  TO_DECISION.slice(1).forEach((event, i) => accept(db, south.runId, event, at(60 + i * 0.1)));
  accept(db, south.runId, { type: 'DECISION.REOPEN' }, at(70));
  accept(db, south.runId, { type: 'DISSENT.ADD', id: 'd1', text: 'Council conclusions are too weak a signal.', author: 'Delegate B' }, at(71));
  // A preventive measure: the paragraphs its category rests on carry footnotes.
  accept(db, south.runId, { type: 'MEASURE.SELECT', measureId: 'cbm', rationale: 'Keep the channel to the host state open' }, at(71.5));
  accept(db, south.runId, { type: 'DECISION.SUBMIT', summary: 'Council conclusions and a démarche to the host state' }, at(72));
  saveReportDetails(db, view.id, PLAN);
  return view.id;
}

/** The text of every block quotation a GFM reader finds, the report's link breaks left out. */
function blockquotesOf(markdown: string): string[] {
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const text = (node: Nodes): string =>
    node.type === 'text' ? node.value : node.type === 'html' && node.value === LINK_BREAK ? '' : 'children' in node ? node.children.map(text).join('') : '';
  const found: string[] = [];
  const visit = (node: Nodes): void => (node.type === 'blockquote' ? void found.push(text(node)) : 'children' in node ? node.children.forEach(visit) : undefined);
  visit(tree);
  return found;
}

const quotesOf = (report: AfterActionReport) => report.citations.flatMap((c) => c.quotes.map((q) => ({ ...q, docRef: c.docRef, anchor: c.anchor })));

describe('the after-action report of an exercise', () => {
  const { db, close } = freshDb();
  afterAll(close);
  const id = finishedExercise(db);
  const report = exerciseReport(db, id, { quoteLanguages: 'all', now: at(90) });
  const markdown = reportMarkdown(report);
  const html = reportHtml(report);

  it('quotes every cited paragraph exactly as the database holds it, with its docRef and anchor', () => {
    const quotes = quotesOf(report);
    expect(quotes.length).toBeGreaterThan(10);
    for (const q of quotes) {
      const [stored] = getParagraph(db, q.docRef, q.anchor, q.lang);
      expect(stored?.text, `${q.docRef} ${q.anchor} (${q.lang})`).toBe(q.text);
    }
    // 10474/17 exists in Dutch and Latvian: "all" quotes both.
    const principle = report.citations.find((c) => c.docRef === '10474/17' && c.anchor === 'p5.i5')!;
    expect(principle.quotes.map((q) => q.lang)).toEqual(['lv', 'nl']);
    expect(principle.quotes[1]!.citation).toBe('Council conclusions 10474/17, para. 5, fifth indent (NL)');
    // Read back as Markdown, every quotation is its paragraph, verbatim.
    const quoted = blockquotesOf(markdown);
    for (const q of quotes) expect(quoted, `${q.docRef} ${q.anchor} (${q.lang})`).toContain(q.text);
  });

  it("carries each quotation's footnotes, in the JSON, the Markdown and the HTML", () => {
    const quotes = quotesOf(report);
    for (const q of quotes) {
      const [stored] = getParagraph(db, q.docRef, q.anchor, q.lang);
      expect(q.footnotes, `${q.docRef} ${q.anchor} (${q.lang})`).toEqual(stored!.notes.map(({ n, text, inferred }) => ({ n, text, inferred })));
    }
    const noted = quotes.filter((q) => q.footnotes.length > 0);
    expect(noted.length).toBeGreaterThan(0);
    for (const q of noted) {
      for (const f of q.footnotes) {
        expect(markdown).toContain(`Footnote ${f.n}: ${f.text}`);
        expect(html).toContain(`Footnote ${f.n}: ${f.text}`);
      }
    }
  });

  it('shows every decision of every log in the timeline, at its time, and each submission in the text', () => {
    for (const d of getExercise(db, id).delegations) {
      for (const { at: when, event } of runHistory(db, d.runId)) {
        const text = describeDecision(event);
        if (text === null) continue;
        expect(report.timeline, `${d.name} ${event.type} at ${when}`).toContainEqual(
          expect.objectContaining({ at: when, delegation: d.name, kind: 'decision', text }),
        );
        if (event.type === 'DECISION.SUBMIT') {
          expect(markdown).toContain(event.summary);
          expect(html).toContain(event.summary.replace(/'/g, '&#39;'));
        }
      }
    }
    const south = report.delegations[1]!;
    expect(south.decisions.map((x) => x.summary)).toEqual(['Council conclusions condemning the attacks', 'Council conclusions and a démarche to the host state']);
    expect(south.decision?.summary).toBe('Council conclusions and a démarche to the host state');
    expect(markdown).toMatch(/Council conclusions condemning the attacks \| Superseded/);
  });

  it('gives the overview, the injects with exercise time, observations, dissent and the improvement plan', () => {
    expect(report.overview).toMatchObject({ kind: 'exercise', title: 'Cold Ward, table 1', facilitator: PLAN.facilitator, delegations: ['Delegation North', 'Delegation South'] });
    expect(report.marking).toEqual({ exercise: 'EXERCISE', classification: 'EXERCISE — FICTIONAL SCENARIO', tlp: 'TLP:GREEN' });
    // A release on the facilitator's laptop is the delegation's receipt too: one entry, with the time the clock stamped.
    expect(report.timeline).toContainEqual(
      expect.objectContaining({ kind: 'release', delegation: 'Delegation South', exerciseTime: { ms: 45 * 60_000, basis: 'recorded', earliestMs: 45 * 60_000, latestMs: 45 * 60_000 } }),
    );
    expect(report.timeline.filter((e) => e.kind === 'inject')).toEqual([]);
    expect(report.timeline.filter((e) => e.kind === 'observation').map((e) => e.text)).toEqual([
      'South is slower on awareness; give them the press inject first.',
      'Break for coffee.',
    ]);
    expect(report.delegations[1]!.dissents).toEqual([{ at: at(71), step: 'measures', author: 'Delegate B', text: 'Council conclusions are too weak a signal.' }]);
    expect(report.improvementPlan).toEqual(PLAN.improvementPlan.map((item) => ({ ...item, objectiveId: '', priority: '', objective: null })));
    expect(markdown).toContain('| 1 | – | – | Findings reached the delegations late | Agree one channel with the CSIRTs Network | INTCEN | 2027-01-31 |');
    expect(markdown.startsWith('**EXERCISE · EXERCISE — FICTIONAL SCENARIO · TLP:GREEN · EXERCISE**')).toBe(true);
    expect(report.comparison.find((r) => r.label === 'Decision')?.values).toEqual(['Superseded', 'Submitted']);
  });

  it('states that every record verified', () => {
    expect(report.delegations.map((d) => d.chain.intact)).toEqual([true, true]);
    expect(markdown).toContain('Every record verified');
    expect(markdown).not.toContain('does not verify');
  });
});

describe('what the report says about its sources', () => {
  it('reports a tampered log as such, naming the delegation, and still shows the rest', () => {
    const { db, close } = freshDb();
    const id = finishedExercise(db);
    const south = getExercise(db, id).delegations[1]!;
    // Someone edits the stored decision behind the app's back.
    db.prepare("UPDATE run_events SET event = replace(event, 'démarche', 'travel ban') WHERE run_id = ? AND event LIKE '%DECISION.SUBMIT%'").run(south.runId);
    const report = exerciseReport(db, id, { quoteLanguages: 'nl', now: at(90) });
    close();
    expect(report.delegations.map((d) => [d.name, d.chain.intact])).toEqual([['Delegation North', true], ['Delegation South', false]]);
    expect(report.delegations[1]!.chain.problem).toMatch(/The hash chain breaks at event \d+/);
    const markdown = reportMarkdown(report);
    expect(markdown).toContain('WARNING: the record of Delegation South does not verify');
    expect(reportHtml(report)).toContain('class="alert"');
  });

  it('quotes in the chosen language, and says so where a document does not exist in it', () => {
    const { db, close } = freshDb();
    const id = finishedExercise(db);
    const exercise = exerciseReport(db, id, { quoteLanguages: 'lv', now: at(90) });
    const own = exercise.citations.filter((c) => c.docRef === '10474/17');
    expect(own.length).toBe(exercise.citations.length);
    expect(own.every((c) => c.quotes.length === 1 && c.quotes[0]!.lang === 'lv' && c.unavailable.length === 0)).toBe(true);
    // Support to lawful responses rests on a paragraph of 7290/21, which the corpus holds in Danish only.
    const run = createRun(db, 'Attributed drill', { now: at(0) });
    const attributed = TO_DECISION.slice(0, 11).map((event) =>
      event.type === 'ATTRIBUTION.SKIP' ? { type: 'ATTRIBUTION.ATTRIBUTE', actorType: 'state-sponsored', actorNamed: false, confidence: 'high', basis: 'All-source assessment' } as const : event,
    );
    [...attributed, { type: 'MEASURE.SELECT', measureId: 'support-lawful-responses', rationale: 'Stand by the member states hit' } as const].forEach((event, i) => accept(db, run.id, event, at(1 + i)));
    const report = runReport(db, run.id, { quoteLanguages: 'lv', now: at(60) });
    close();
    const other = report.citations.find((c) => c.docRef === '7290/21')!;
    expect(other.unavailable).toEqual(['lv']);
    expect(other.quotes.length).toBeGreaterThan(0);
    expect(reportMarkdown(report)).toContain('Not available in LV; quoted in the language the document has.');
  });

  it('makes the report of a single run, without an exercise, and of a delegation’s run with its markings', () => {
    const { db, close } = freshDb();
    const run = createRun(db, 'Morning drill', { now: at(0) });
    TO_DECISION.forEach((event, i) => accept(db, run.id, event, at(1 + i)));
    const alone = runReport(db, run.id, { quoteLanguages: 'nl', now: at(60) });
    expect(alone.overview).toMatchObject({ kind: 'run', title: 'Morning drill', scenario: null, delegations: ['Morning drill'], exerciseTimeMs: null });
    expect(alone.marking).toEqual({ exercise: 'EXERCISE', classification: 'NO CLASSIFICATION MARKING SET', tlp: null });
    expect(alone.delegations[0]!.decision?.summary).toBe('Council conclusions condemning the attacks');
    const markdown = reportMarkdown(alone);
    // A run of its own has no exercise to evaluate: no positions, joint decision, objectives, hot wash or plan.
    for (const section of ['Positions and unanimity', 'Joint decision', 'Objectives', 'Hot wash', 'Improvement plan']) expect(markdown).not.toContain(`## ${section}`);
    expect(markdown).toContain('## Executive summary');
    expect(alone.sections).toEqual(['Executive summary', 'Timeline', 'Integrity of the record', "The delegations' records", 'Appendix: Citations']);
    expect(markdown.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3))).toEqual(alone.sections);
    expect(alone.timeline.every((e) => e.exerciseTime === null)).toBe(true);
    expect(markdown).toContain('A run of its own has no exercise clock');
    expect(markdown).toContain(`Run started:** ${formatTime(at(0))}`);

    const id = finishedExercise(db);
    const delegationRun = runReport(db, getExercise(db, id).delegations[0]!.runId, { quoteLanguages: 'nl' });
    close();
    expect(delegationRun.overview).toMatchObject({ kind: 'run', delegations: ['Delegation North'], scenario: { id: 'hospital-ransomware' }, facilitator: PLAN.facilitator });
    expect(reportMarkdown(delegationRun)).toContain(`**Facilitator:** ${PLAN.facilitator}`);
    expect(markdown).toContain('**Facilitator:** None: a single run outside an exercise');
    expect(delegationRun.marking.tlp).toBe('TLP:GREEN');
  });
});

const TO_DECISION_FINDING = 'Wiper malware on hospital networks in three member states';

describe('what the record held before the run was taken back', () => {
  it('keeps every agreed shared assessment and every attribution decision, with its time, after an inject reopens awareness', () => {
    const { db, close } = freshDb();
    const run = createRun(db, 'Morning drill', { now: at(0) });
    const first = 'A coordinated destructive attack on health services';
    const second = 'A destructive attack on health services, with patient data stolen';
    accept(db, run.id, TO_DECISION[0]!, at(1));
    accept(db, run.id, { type: 'AWARENESS.AGREE', text: first }, at(2));
    accept(db, run.id, { type: 'ATTRIBUTION.SKIP', reason: 'Intelligence not yet shared' }, at(3));
    accept(db, run.id, { type: 'INJECT.RECEIVE', id: 'press', title: 'Patient records on a leak site', body: 'Records are offered for sale.' }, at(10));
    const reopened = runReport(db, run.id, { quoteLanguages: 'nl', now: at(11) });
    accept(db, run.id, { type: 'FINDING.EDIT', id: 'f1', text: 'Wiper malware and data theft at hospitals', source: 'CERT-EU', confidence: 'moderate' }, at(11.5));
    accept(db, run.id, { type: 'AWARENESS.AGREE', text: second }, at(12));
    const basis = 'Forensic overlap with an earlier State-sponsored campaign';
    accept(db, run.id, { type: 'ATTRIBUTION.ATTRIBUTE', actorType: 'state-sponsored', actorNamed: true, actorName: 'GREYLOCK', confidence: 'moderate', basis }, at(13));
    accept(db, run.id, { type: 'RATING.SET', dimension: 'scope', value: 2, rationale: 'Three hospitals' }, at(14));
    accept(db, run.id, { type: 'RATING.SET', dimension: 'scope', value: 3, rationale: 'Hospitals in three member states' }, at(15));
    accept(db, run.id, { type: 'RATING.SET', dimension: 'scope', value: 3, rationale: 'Hospitals in three member states' }, at(16));
    const report = runReport(db, run.id, { quoteLanguages: 'nl', now: at(20) });
    close();

    // Taken back and not agreed again: what was agreed is still in the record, marked as such.
    expect(reopened.delegations[0]!.sharedAssessments).toEqual([{ at: at(2), text: first, status: 'reopened' }]);
    expect(reportMarkdown(reopened)).toContain(`| ${formatTime(at(2)).replace(/ UTC$/, '')} | ${first} | Reopened by later information, not agreed again |`);

    const d = report.delegations[0]!;
    expect(d.sharedAssessments).toEqual([
      { at: at(2), text: first, status: 'superseded' },
      { at: at(12), text: second, status: 'current' },
    ]);
    expect(d.sharedAssessment).toEqual({ agreed: true, text: second });
    const markdown = reportMarkdown(report);
    expect(markdown).toContain(`| ${first} | Superseded |`);
    expect(markdown).toContain(`| ${second} | Current |`);
    // Revised, the record's table marks the current one; the text is not shown twice.
    expect(markdown).not.toContain(`**Shared assessment (agreed):** ${second}`);
    expect(markdown.split(second).length - 1).toBe(1);
    const html = reportHtml(report);
    expect(html).toContain(`<td dir="auto">${first}</td><td>Superseded</td>`);
    expect(html).toContain(`<td dir="auto">${second}</td><td>Current</td>`);
    const json = JSON.parse(reportText(report, 'json')) as AfterActionReport;
    expect(json.delegations[0]!.sharedAssessments.map((x) => [x.text, x.status])).toEqual([[first, 'superseded'], [second, 'current']]);

    // The attribution was revised: the skip and its reason stay in the record.
    expect(d.attributions).toEqual([
      { at: at(3), status: 'skipped', reason: 'Intelligence not yet shared', inForce: false },
      { at: at(13), status: 'attributed', actorType: 'State-sponsored actor', actorTypeId: 'state-sponsored', actorName: 'GREYLOCK', confidence: 'moderate', basis, inForce: true },
    ]);
    expect(markdown).toContain('| Not attributed | Intelligence not yet shared | Superseded |');
    expect(markdown).toContain(`| Attributed to State-sponsored actor, moderate confidence: GREYLOCK | ${basis} | In force |`);
    expect(html).toContain('<td>Attributed to State-sponsored actor, moderate confidence: <bdi>GREYLOCK</bdi></td>');
    expect(json.delegations[0]!.attributions.map((x) => x.status)).toEqual(['skipped', 'attributed']);

    // So do the finding as first written and the rating as first given; a rating set again unchanged is no change.
    expect(d.revisions).toEqual([
      { kind: 'finding', subject: 'Finding', value: 'high confidence', text: TO_DECISION_FINDING, source: 'CERT-EU', recordedAt: at(1), replacedAt: at(11.5), change: 'edited' },
      { kind: 'rating', subject: 'Scope', value: '2', text: 'Three hospitals', source: null, recordedAt: at(14), replacedAt: at(15), change: 'changed' },
    ]);
    expect(markdown).toContain(`| high confidence: ${TO_DECISION_FINDING} (source: CERT-EU) |`);
    expect(markdown).toContain('| Scope | 2: Three hospitals |');
    expect(json.delegations[0]!.revisions).toHaveLength(2);
  });
});

describe('a decision taken again in the same words', () => {
  it('is written out once in the record, the later one saying so, and kept whole in the JSON', () => {
    const { db, close } = freshDb();
    const run = createRun(db, 'Morning drill', { now: at(0) });
    const reason = 'Intelligence not yet shared among member states';
    accept(db, run.id, TO_DECISION[0]!, at(1));
    accept(db, run.id, { type: 'AWARENESS.AGREE', text: 'A coordinated destructive attack on health services' }, at(2));
    accept(db, run.id, { type: 'ATTRIBUTION.SKIP', reason }, at(3));
    accept(db, run.id, { type: 'INJECT.RECEIVE', id: 'press', title: 'Patient records on a leak site', body: 'Records are offered for sale.' }, at(10));
    accept(db, run.id, { type: 'AWARENESS.AGREE', text: 'A coordinated destructive attack on health services' }, at(12));
    accept(db, run.id, { type: 'ATTRIBUTION.SKIP', reason }, at(13));
    const report = runReport(db, run.id, { quoteLanguages: 'nl', now: at(20) });
    close();
    expect(report.delegations[0]!.attributions.map((x) => (x.status === 'skipped' ? x.reason : ''))).toEqual([reason, reason]);
    const markdown = reportMarkdown(report);
    const time = formatTime(at(3)).replace(/ UTC$/, '').slice(11);
    expect(markdown).toContain(`| Not attributed | The same as at ${time}. | In force |`);
    expect(markdown).toContain(`| The same as at ${formatTime(at(2)).replace(/ UTC$/, '').slice(11)}. | Current |`);
  });
});

describe('the facilitator’s report details', () => {
  it('are saved whole or not at all, and refused with the field named', () => {
    const { db, close } = freshDb();
    const id = finishedExercise(db);
    const bad = { ...PLAN, improvementPlan: [PLAN.improvementPlan[0]!, { ...PLAN.improvementPlan[1]!, dueDate: '2027-02-30' }] };
    expect(() => saveReportDetails(db, id, bad)).toThrow(/improvementPlan\[1\]\.dueDate: expected a date as YYYY-MM-DD/);
    expect(() => saveReportDetails(db, id, { ...PLAN, improvementPlan: [{ ...PLAN.improvementPlan[0]!, issue: '  ' }] })).toThrow(/needs an issue/);
    expect(() => saveReportDetails(db, id, { ...PLAN, improvementPlan: [PLAN.improvementPlan[0]!, PLAN.improvementPlan[0]!] })).toThrow(/same id/);
    expect(() => saveReportDetails(db, 'nope', PLAN)).toThrow(/no exercise with id nope/);
    // What an export could not carry is not stored either.
    expect(() => saveReportDetails(db, id, { ...PLAN, improvementPlan: [{ ...PLAN.improvementPlan[0]!, owner: 'Ana\u202e Ops' }] })).toThrow(/improvementPlan\[0\]\.owner: contains a bidirectional control \(U\+202E\)/);
    expect(() => saveReportDetails(db, id, { ...PLAN, facilitator: 'Ana\u0000' })).toThrow(/facilitator: contains a control character/);
    expect(getExercise(db, id)).toMatchObject(PLAN);
    close();
  });

  it('travel with the exercise package to another laptop', () => {
    const source = freshDb();
    const id = finishedExercise(source.db);
    const text = packageText(exportExercise(source.db, id, at(100)));
    source.close();
    const target = freshDb();
    expect(importExercisePackage(target.db, text, 'cold-ward.json').status).toBe('imported');
    expect(getExercise(target.db, id)).toMatchObject(PLAN);
    expect(importExercisePackage(target.db, text, 'cold-ward.json').status).toBe('already-imported');
    target.close();
  });
});
