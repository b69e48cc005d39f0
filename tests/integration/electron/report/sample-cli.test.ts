// The check of the evaluating report, as a user makes it: the sample exercise imported
// and reported through the command line alone, in Markdown and in JSON.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/run';
import { SAMPLE_EXERCISE_ID } from '../../../support/sample-exercise';
import { SAMPLE_EXERCISE, tempDir } from '../../../support/temp';

const temp = tempDir();
afterAll(temp.cleanup);
const db = join(temp.dir, 'cdt.sqlite');

function cli(...args: string[]): string {
  let out = '';
  let err = '';
  const code = runCli([...args, '--db', db], { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
  expect(code, err).toBe(0);
  return out;
}

const SECTIONS = [
  'Executive summary', 'Positions and unanimity', 'Joint decision', 'Objectives', 'Hot wash', 'Improvement plan', 'Timeline',
  'Integrity of the record', "The delegations' records", "Facilitator's observations", 'Appendix: Citations',
];

describe("the sample exercise's after-action report, through the command line", () => {
  let markdown = '';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the file as a reader's program would parse it
  let report: any;
  beforeAll(() => {
    cli('exercise', 'import', SAMPLE_EXERCISE);
    const md = join(temp.dir, 'report.md');
    const json = join(temp.dir, 'report.json');
    cli('report', SAMPLE_EXERCISE_ID, '--format', 'md', '--out', md);
    cli('report', SAMPLE_EXERCISE_ID, '--format', 'json', '--out', json);
    markdown = readFileSync(md, 'utf8');
    report = JSON.parse(readFileSync(json, 'utf8'));
  });
  const section = (heading: string): string => {
    const start = markdown.indexOf(`\n## ${heading}\n`);
    const next = markdown.indexOf('\n## ', start + 4);
    return markdown.slice(start, next < 0 ? undefined : next);
  };

  it('opens with the executive summary, and heads its sections as named, in order, in both formats', () => {
    const headings = [...markdown.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(SECTIONS);
    expect(report.sections).toEqual(SECTIONS);
    expect(section('Executive summary')).toContain('Blocked: Travel ban');
    expect(report.summary.jointDecision).toContain('Adopted: Statement by the High Representative or declaration on behalf of the EU.');
  });

  it('tables the positions and says where unanimity fails and who blocks', () => {
    const travelBan = report.positions.rows.find((r: { measureId: string }) => r.measureId === 'travel-ban');
    expect(travelBan).toMatchObject({ rule: 'unanimity', holds: false, blockedBy: ['Delegation Aurelia'] });
    expect(travelBan.cells.map((c: { stance: string }) => c.stance)).toEqual(['opposes', 'supports', 'abstains']);
    expect(section('Positions and unanimity')).toMatch(/\| Travel ban [^\n]*\| Unanimity \| Opposes \| Supports \| Abstains constructively \| Fails: blocked by Delegation Aurelia \|/);
  });

  it('gives the joint decision, verified: the declaration adopted with the abstention, the listings blocked, the statement', () => {
    expect(report.jointDecision.chain).toMatchObject({ intact: true, events: 4 });
    expect(report.jointDecision.referenceProblems).toEqual([]);
    expect(report.jointDecision.entries.map((e: { kind: string }) => e.kind)).toEqual(['adopted', 'blocked', 'blocked', 'statement']);
    expect(report.jointDecision.entries[0].abstentions).toEqual([expect.objectContaining({ delegation: 'Delegation Aurelia' })]);
    expect(section('Joint decision')).toContain('Verified');
  });

  it('rates the objectives on the HSEEP scale, all four ratings in use, and gives each delegation\'s hot wash', () => {
    expect(report.objectives.map((o: { rating: string }) => o.rating)).toEqual(['P', 'M', 'S', 'S', 'U']);
    for (const label of ['P: Performed without challenges', 'S: Performed with some challenges', 'M: Performed with major challenges', 'U: Unable to be performed']) {
      expect(section('Objectives')).toContain(label);
    }
    expect(report.hotWash.answers.map((a: { delegation: string }) => a.delegation)).toEqual(['Delegation Aurelia', 'Delegation Borealis', 'Delegation Castellan']);
    expect(section('Hot wash')).toContain('Delegation Castellan (entered from paper)');
    expect(report.improvementPlan.every((i: { objectiveId: string; priority: string }) => i.objectiveId !== '' && i.priority !== '')).toBe(true);
  });

  it('quotes each paragraph it cites once, in the appendix, and nowhere else', () => {
    const appendix = section('Appendix: Citations');
    expect(report.citations.length).toBeGreaterThan(0);
    for (const citation of report.citations) {
      for (const quote of citation.quotes) {
        const text = quote.text.split('\n')[0];
        expect(markdown.split(text).length - 1, `${citation.id} ${quote.lang}`).toBe(1);
        expect(appendix).toContain(text);
      }
    }
  });
});
