import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/run';
import { openWorkbench } from '../../../../electron/workbench';
import { saveReportDetails } from '../../../../electron/exercise/plan';
import { exerciseReport } from '../../../../electron/report/collect';
import { SCREENSHOTS_DIR } from '../../../e2e/harness';
import { populatedExercise } from '../../../support/exercise';
import { SCENARIOS_DIR, SEEDS_DIR, tempDir } from '../../../support/temp';

// The PDF as a reader gets it: `cdt report` prints the report's HTML with Debian's Chromium
// (the engine the app prints with), and poppler reads the pages back.
const temp = tempDir();
afterAll(temp.cleanup);
const dbPath = join(temp.dir, 'pdf.sqlite');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let exerciseId = '';

function cli(...args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCli([...args, '--db', dbPath], { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
  return { code, out, err };
}

/** One whitespace-normalised string per page. */
function pdfPages(file: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return text.split('\f').filter((page) => page.trim() !== '').map((page) => page.replace(/\s+/g, ' '));
}

beforeAll(() => {
  const wb = openWorkbench(dbPath, SEEDS_DIR, SCENARIOS_DIR);
  exerciseId = populatedExercise(wb.db).id;
  saveReportDetails(wb.db, exerciseId, {
    facilitator: 'Facilitator Ines Duarte',
    improvementPlan: [{ id: 'i1', issue: 'Findings reached the delegations late', correctiveAction: 'One channel', owner: 'INTCEN', dueDate: '2027-01-31' }],
  });
  wb.close();
});

describe('cdt report --format pdf', () => {
  it('prints an A4 report whose every page carries EXERCISE, the classification and its page number', () => {
    const file = join(temp.dir, 'report.pdf');
    const result = cli('report', exerciseId, '--format', 'pdf', '--out', file, '--lang', 'nl', '--chromium', CHROMIUM);
    expect(result).toMatchObject({ code: 0, out: expect.stringContaining(`to ${file}`) });
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);

    const pages = pdfPages(file);
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain('EXERCISE · EXERCISE — FICTIONAL SCENARIO · TLP:GREEN · EXERCISE');
      expect(page, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    const all = pages.join(' ');
    expect(all).toContain('After-action report: Cold Ward, table 1');
    expect(all).toContain('Facilitator Ines Duarte');
    expect(all).toContain('Findings reached the delegations late');

    // Every quotation is in the PDF, word for word, under its citation.
    const wb = openWorkbench(dbPath, SEEDS_DIR, SCENARIOS_DIR);
    const report = exerciseReport(wb.db, exerciseId, { quoteLanguages: 'nl' });
    wb.close();
    for (const quote of report.citations.flatMap((c) => c.quotes)) {
      expect(all).toContain(quote.citation);
      // Line breaks and hyphenation aside, the words of the paragraph are all there in order, once.
      const words = quote.text.replace(/\s+/g, ' ').trim().slice(0, 120);
      expect(all, quote.citation).toContain(words);
      expect(all.split(words).length - 1, quote.citation).toBe(1);
    }
    // The sections in their order, the summary first and the quotations last; a short exercise makes a short report.
    let from = 0;
    for (const section of report.sections) {
      const found = all.indexOf(section, from);
      expect(found, section).toBeGreaterThan(-1);
      from = found + section.length;
    }
    expect(pages.findIndex((p) => p.includes('Improvement plan'))).toBeLessThan(2);
    expect(pages.length).toBeLessThanOrEqual(8);

    // Pages as pictures, for people to look at (the e2e screenshots folder).
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    for (const old of readdirSync(SCREENSHOTS_DIR).filter((f) => f.startsWith('report-pdf-page-'))) rmSync(join(SCREENSHOTS_DIR, old));
    const prefix = join(SCREENSHOTS_DIR, 'report-pdf-page');
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '4', file, prefix]);
    const pngs = readdirSync(SCREENSHOTS_DIR).filter((f) => f.startsWith('report-pdf-page-'));
    expect(pngs.length).toBe(4);
    for (const png of pngs) renameSync(join(SCREENSHOTS_DIR, png), join(SCREENSHOTS_DIR, png.replace(/-0*(\d+)\.png$/, '-$1.png')));
  });

  it('writes Markdown and JSON, and refuses bad requests with a clear message and no file', () => {
    const md = join(temp.dir, 'report.md');
    expect(cli('report', 'Cold Ward, table 1', '--format', 'md', '--out', md).code).toBe(0);
    expect(readFileSync(md, 'utf8')).toContain('# After-action report: Cold Ward, table 1');
    const json = join(temp.dir, 'report.json');
    expect(cli('report', exerciseId, '--format', 'json', '--out', json, '--lang', 'lv').code).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({ format: 'cdt-after-action-report', version: 2, quoteLanguages: 'lv' });

    const missing = join(temp.dir, 'never.pdf');
    expect(cli('report', exerciseId, '--format', 'docx', '--out', missing)).toMatchObject({ code: 2, err: expect.stringContaining('--format must be one of pdf, md, json, got "docx"') });
    expect(cli('report', exerciseId, '--format', 'md', '--out', missing, '--lang', 'fr')).toMatchObject({ code: 2, err: expect.stringContaining('--lang must be one of nl, lv, da, all') });
    expect(cli('report', 'No such exercise', '--format', 'md', '--out', missing)).toMatchObject({ code: 1, err: expect.stringContaining('There is no exercise with id or name "No such exercise"') });
    expect(cli('report', 'nope', '--run', '--format', 'md', '--out', missing)).toMatchObject({ code: 1, err: expect.stringContaining('There is no run with id nope') });
    expect(cli('report', exerciseId, '--format', 'pdf', '--out', missing, '--chromium', join(temp.dir, 'no-chromium'))).toMatchObject({
      code: 1, err: expect.stringContaining('is not an executable file'),
    });
    expect(cli('report', exerciseId)).toMatchObject({ code: 2, err: expect.stringContaining('report needs an exercise') });
    expect(existsSync(missing)).toBe(false);
  });
});
