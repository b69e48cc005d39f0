import { join } from 'node:path';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkbench } from '../../../../electron/workbench';
import { recordJointEntry } from '../../../../electron/consensus/joint';
import { rateObjective, timelineEntries } from '../../../../electron/exercise/objectives';
import { saveReportDetails } from '../../../../electron/exercise/plan';
import { exerciseReport } from '../../../../electron/report/collect';
import { runHistory } from '../../../../electron/workflow/runs';
import { parseTimelineRef } from '../../../../shared/evaluation/timeline-ref';
import { reportText } from '../../../../shared/report/files';
import { LINK_BREAK, reportMarkdown } from '../../../../shared/report/markdown';
import { REPORT_SECTIONS, type AfterActionReport } from '../../../../shared/report/model';
import { accept, at, populatedExercise } from '../../../support/exercise';
import { saveScenarioWithObjectives } from '../../../support/objectives';
import { SCENARIOS_DIR, SEEDS_DIR, tempDir } from '../../../support/temp';
import { TO_DECISION } from '../../../support/workflow';

// The report evaluates (issue 15): it opens with the executive summary, then the positions,
// the joint decision, the objectives, the hot wash and the improvement plan, then the detail,
// and quotes every paragraph it cites once, in an appendix.

const temp = tempDir();
afterAll(temp.cleanup);

const OBJECTION = 'A listing now would pre-empt the law-enforcement assessment.';
const DECLARATION = 'We will not apply the statement nationally, but accept that it commits the Union.';

/** Two delegations decided, with an objection, a constructive abstention, a joint decision, rated objectives, a hot wash and a plan. */
function evaluatedExercise() {
  const wb = openWorkbench(join(temp.dir, 'evaluation.sqlite'), SEEDS_DIR, SCENARIOS_DIR);
  const db = wb.db;
  saveScenarioWithObjectives(db);
  const view = populatedExercise(db, { scenarioId: 'hospital-objectives' });
  const [north, south] = view.delegations;
  // The first inject took North back to awareness: both go (again) to a decision.
  TO_DECISION.slice(1).forEach((event, i) => accept(db, south!.runId, event, at(60 + i * 0.1)));
  TO_DECISION.slice(1).forEach((event, i) => accept(db, north!.runId, event, at(62 + i * 0.1)));
  accept(db, north!.runId, { type: 'POSITION.SET', measureId: 'travel-ban', stance: 'opposes', text: OBJECTION }, at(73));
  accept(db, north!.runId, { type: 'DISSENT.ADD', id: 'd1', text: 'Our legal adviser would list them now.', author: 'Delegate N' }, at(73.5));
  accept(db, south!.runId, { type: 'POSITION.SET', measureId: 'hr-statement', stance: 'abstains', text: DECLARATION }, at(74));
  accept(db, north!.runId, {
    type: 'HOTWASH.SUBMIT', strengths: 'The framework kept the discussion on the principles. We moved fast.', improvements: 'Intelligence came late.',
    ratings: { scenario: 4, information: 2 }, comments: 'More time for attribution.', source: 'delegation',
  }, at(75));
  accept(db, south!.runId, {
    type: 'HOTWASH.SUBMIT', strengths: '', improvements: 'We lacked a legal adviser.', ratings: { scenario: 5 }, comments: '', source: 'paper',
  }, at(76));
  recordJointEntry(db, view.id, { kind: 'adopt', measureId: 'council-conclusions' }, at(80));
  recordJointEntry(db, view.id, { kind: 'adopt', measureId: 'hr-statement' }, at(81));
  recordJointEntry(db, view.id, { kind: 'block', measureId: 'travel-ban', note: 'Raised again after the Europol assessment.' }, at(82));
  const southDecision = runHistory(db, south!.runId).findIndex((e) => e.event.type === 'DECISION.SUBMIT') + 1;
  rateObjective(db, view.id, {
    objectiveId: 'shared-picture', rating: 'S', observations: 'South agreed its picture only after the second inject. Both did in the end.',
    entries: [`release:${south!.id}:csirt-technical-summary`, `run:${south!.runId}:${southDecision}`],
  }, at(85));
  rateObjective(db, view.id, { objectiveId: 'consensus', rating: 'P', observations: 'The plenary reached its decision without a vote.', entries: [`note:${view.id}-note-1`] }, at(86));
  saveReportDetails(db, view.id, {
    facilitator: 'Facilitator Ines Duarte',
    improvementPlan: [
      { id: 'i1', issue: 'Handouts printed late', correctiveAction: 'Print the day before', owner: 'Exercise cell', dueDate: '', objectiveId: '', priority: 'low' },
      { id: 'i2', issue: 'Intelligence reached the delegations late', correctiveAction: 'One channel through INTCEN', owner: 'INTCEN', dueDate: '2027-01-31', objectiveId: 'shared-picture', priority: 'high' },
      { id: 'i3', issue: 'No press line', correctiveAction: '', owner: '', dueDate: '', objectiveId: 'consensus', priority: '' },
    ],
  });
  const report = exerciseReport(db, view.id, { quoteLanguages: 'all', now: at(90) });
  // What the console offers a rating to link to.
  const linkable = timelineEntries(db, view.id).map((e) => e.ref);
  wb.close();
  return { report, north: north!, south: south!, exerciseId: view.id, linkable };
}

/** The text of every heading and block quotation a GFM reader finds. */
function read(markdown: string): { headings: { depth: number; text: string }[]; quotes: string[] } {
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const text = (node: Nodes): string =>
    node.type === 'text' ? node.value : node.type === 'html' && node.value === LINK_BREAK ? '' : 'children' in node ? node.children.map(text).join('') : '';
  const headings: { depth: number; text: string }[] = [];
  const quotes: string[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'heading') headings.push({ depth: node.depth, text: text(node) });
    if (node.type === 'blockquote') quotes.push(text(node));
    if ('children' in node) node.children.forEach(visit);
  };
  visit(tree);
  return { headings, quotes };
}

describe('the after-action report that evaluates', () => {
  const { report, north, south, linkable } = evaluatedExercise();
  const markdown = reportMarkdown(report);
  const json = JSON.parse(reportText(report, 'json')) as AfterActionReport;
  const { headings, quotes } = read(markdown);

  it('opens with the executive summary and has every section, headed as named, in order', () => {
    expect(json).toMatchObject({ format: 'cdt-after-action-report', version: 2 });
    expect(headings.filter((h) => h.depth === 2).map((h) => h.text)).toEqual(Object.values(REPORT_SECTIONS));
    // The JSON names the same sections, in the same order.
    expect(json.sections).toEqual(Object.values(REPORT_SECTIONS));
    expect(headings[1]).toEqual({ depth: 2, text: 'Executive summary' });
  });

  it('sums up the exercise: its joint decision, its objectives rated, its main strengths and areas for improvement', () => {
    expect(json.summary.jointDecision).toEqual([
      'Adopted: Council conclusions; Statement by the High Representative or declaration on behalf of the EU.',
      'Constructive abstention on Statement by the High Representative or declaration on behalf of the EU: Delegation South.',
      'Blocked: Travel ban (restrictions on admission of listed persons), by Delegation North.',
    ]);
    expect(json.summary.objectives.map((o) => [o.id, o.rating])).toEqual([['shared-picture', 'S'], ['principles-checked', null], ['consensus', 'P']]);
    expect(json.summary.strengths).toEqual([
      { text: 'The plenary reached its decision without a vote.', from: 'Objective O3 (rated P)' },
      { text: 'The framework kept the discussion on the principles. …', from: 'Hot wash: Delegation North' },
    ]);
    expect(json.summary.improvements.map((p) => p.from)).toEqual(['Objective O1 (rated S)', 'Hot wash: Delegation North', 'Hot wash: Delegation South']);
    const summary = markdown.slice(markdown.indexOf('## Executive summary'), markdown.indexOf('## Positions and unanimity'));
    expect(summary).toContain('| O1 | Agree a shared picture of the incident | S: Performed with some challenges |');
    expect(summary).toContain('| O2 | Check each measure against the six principles | Not rated |');
  });

  it('tables each delegation’s position on each measure in play, the rule, and who blocks', () => {
    const rows = new Map(json.positions!.rows.map((r) => [r.measureId, r]));
    expect(rows.get('council-conclusions')).toMatchObject({ rule: 'consensus', holds: true, cells: [{ stance: 'supports' }, { stance: 'supports' }] });
    expect(rows.get('travel-ban')).toMatchObject({ rule: 'unanimity', holds: false, blockedBy: ['Delegation North'], cells: [{ stance: 'opposes', text: OBJECTION }, { stance: 'undecided' }] });
    expect(rows.get('hr-statement')?.cells.map((c) => c.stance)).toEqual(['undecided', 'abstains']);
    expect(json.positions!.rows.length + json.positions!.otherMeasures).toBe(11);
    expect(markdown).toContain('| Travel ban (restrictions on admission of listed persons) | Unanimity | Opposes | Undecided | Fails: blocked by Delegation North |');
    expect(markdown).toContain('| Delegation North | 3 of 4 | 6 of 6 met |');
    // The texts of the objection and the declaration, once each in the positions, beside the joint decision that rests on them.
    expect(markdown).toContain(`| Delegation North | Travel ban (restrictions on admission of listed persons) | Opposes | ${OBJECTION} |`);
    expect(markdown).toContain(`| Delegation South | Statement by the High Representative or declaration on behalf of the EU | Abstains constructively | ${DECLARATION} |`);
  });

  it('gives the joint decision entry by entry, with the positions each rests on, verified', () => {
    const joint = json.jointDecision!;
    expect(joint.chain).toMatchObject({ intact: true, events: 3 });
    expect(joint.referenceProblems).toEqual([]);
    expect(joint.entries.map((e) => [e.seq, e.kind, e.measures])).toEqual([
      [1, 'adopted', ['Council conclusions']],
      [2, 'adopted', ['Statement by the High Representative or declaration on behalf of the EU']],
      [3, 'blocked', ['Travel ban (restrictions on admission of listed persons)']],
    ]);
    expect(joint.entries[1]!.abstentions).toEqual([{ delegation: 'Delegation South', declaration: DECLARATION }]);
    expect(joint.entries[2]!.blockedBy).toEqual([{ delegation: 'Delegation North', reason: OBJECTION }]);
    expect(joint.entries[0]!.restsOn).toEqual([
      { delegation: 'Delegation North', measure: 'Council conclusions', stance: 'supports' },
      { delegation: 'Delegation South', measure: 'Council conclusions', stance: 'supports' },
    ]);
    expect(markdown).toContain("Verified: the joint decision's 3 entries form an intact hash chain");
    expect(markdown).toContain('Delegation North supports; Delegation South supports');
    // The declaration and the objection the entries rest on are the positions' texts: quoted once, under the positions.
    expect(markdown).toContain('Abstains constructively: Delegation South (text under "Positions and unanimity")');
    for (const text of [DECLARATION, OBJECTION]) expect(markdown.split(text).length - 1, text).toBe(1);
  });

  it('rates each objective with its label and observations, and names the timeline entries it links by their number', () => {
    const [picture, principles, consensus] = json.objectives;
    const numberOf = (ref: string) => json.timeline.find((e) => e.ref === ref)?.n;
    expect(picture).toMatchObject({ n: 'O1', tiedTo: 'Step: Shared situational awareness', rating: 'S' });
    expect(picture!.entries).toEqual([numberOf(`release:${south.id}:csirt-technical-summary`), expect.stringMatching(/^T\d+$/)]);
    expect(principles).toMatchObject({ n: 'O2', rating: null, entries: [] });
    expect(consensus!.entries).toEqual([numberOf(`note:${json.timeline.find((e) => e.kind === 'observation')!.ref!.slice('note:'.length)}`)]);
    expect(markdown).toContain('| P: Performed without challenges | The plenary reached its decision without a vote. |');
  });

  it('gives the hot wash of each delegation, with each question’s average across them, and says which was on paper', () => {
    const h = json.hotWash!;
    expect(h.questions.find((q) => q.id === 'scenario')).toMatchObject({ average: 4.5, answers: 2 });
    expect(h.questions.find((q) => q.id === 'information')).toMatchObject({ average: 2, answers: 1 });
    expect(h.questions.find((q) => q.id === 'coordination')).toMatchObject({ average: null, answers: 0 });
    expect(h.answers.map((a) => [a.delegation, a.fromPaper])).toEqual([['Delegation North', false], ['Delegation South', true]]);
    expect(markdown).toContain('| The scenario was realistic and relevant to our work. | 4 | 5 | 4.5 |');
    expect(markdown).toContain('Delegation South (entered from paper)');
  });

  it('sorts the improvement plan by priority, each item with its objective', () => {
    expect(json.improvementPlan.map((i) => [i.id, i.priority, i.objective])).toEqual([
      ['i2', 'high', { n: 'O1', title: 'Agree a shared picture of the incident' }],
      ['i1', 'low', null],
      ['i3', '', { n: 'O3', title: 'Reach the decision by consensus' }],
    ]);
    // The objective by its number: its title is under the objectives.
    expect(markdown).toContain('| 1 | High | O1 | Intelligence reached the delegations late |');
  });

  it('numbers every timeline entry, with its exercise time and a reference by the timeline scheme, decisions and positions included', () => {
    expect(json.timeline.map((e) => e.n)).toEqual(json.timeline.map((_, i) => `T${i + 1}`));
    for (const e of json.timeline) {
      expect(e.exerciseTime, `${e.n} ${e.text}`).not.toBeNull();
      if (e.ref !== null) expect(parseTimelineRef(e.ref), e.ref).not.toBeNull();
    }
    // Every entry the console lets a rating link to is an entry of the report's timeline.
    const refs = new Set(json.timeline.map((e) => e.ref));
    expect(linkable.length).toBeGreaterThan(10);
    for (const ref of linkable) expect(refs, ref).toContain(ref);
    const kinds = new Set(json.timeline.map((e) => e.kind));
    for (const kind of ['release', 'decision', 'position', 'dissent', 'hot-wash', 'observation', 'joint-decision'] as const) expect(kinds).toContain(kind);
    // The clock was paused at 50 minutes (49 of exercise time) and never resumed: what came after stands at 49.
    const decision = json.timeline.find((e) => e.delegation === 'Delegation South' && e.eventType === 'DECISION.SUBMIT')!;
    expect(decision.ref).toBe(`run:${south.runId}:${runIndexOf(decision.ref!)}`);
    expect(decision.exerciseTime).toEqual({ ms: 49 * 60_000, basis: 'computed', earliestMs: 49 * 60_000, latestMs: 49 * 60_000 });
    // Before the first reading the clock's start is not stored: the readings bound it.
    const first = json.timeline.find((e) => e.delegation === north.name)!;
    expect(first.exerciseTime?.basis).toBe('range');
    expect(json.timelineClock).toMatch(/does not store when it was started, paused or resumed/);
    // A position's text is in its section, not repeated in the timeline.
    expect(json.timeline.filter((e) => e.kind === 'position').every((e) => !e.text.includes(OBJECTION) && !e.text.includes(DECLARATION))).toBe(true);
  });

  it('quotes every paragraph it cites once, in the appendix, and the sections refer to them by id', () => {
    const keys = json.citations.map((c) => `${c.docRef} ${c.anchor}`);
    expect(new Set(keys).size).toBe(keys.length);
    const all = json.citations.flatMap((c) => c.quotes.map((q) => q.text));
    for (const text of all) expect(quotes.filter((q) => q === text), text.slice(0, 40)).toHaveLength(1);
    expect(quotes).toHaveLength(all.length);
    const appendix = markdown.indexOf('## Appendix: Citations');
    expect(markdown.indexOf('> ')).toBeGreaterThan(appendix);
    expect(markdown).toMatch(/#### 1\. Shared situational awareness \(basis: C\d+/);
  });
});

const runIndexOf = (ref: string): number => Number(ref.slice(ref.lastIndexOf(':') + 1));
