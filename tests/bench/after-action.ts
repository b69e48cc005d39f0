import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import type { Db } from '../../electron/db/open';
import { addFacilitatorNote, createExercise, readExercise, releaseInject } from '../../electron/exercise/exercises';
import { saveReportDetails } from '../../electron/exercise/plan';
import { exerciseReport } from '../../electron/report/collect';
import { printPdfWithChromium } from '../../electron/report/pdf';
import { openWorkbench } from '../../electron/workbench';
import { runChain, sendEvent } from '../../electron/workflow/runs';
import { allIntact, type AfterActionReport } from '../../shared/report/model';
import { reportText } from '../../shared/report/files';
import { reportHtml } from '../../shared/report/html';
import type { Scenario } from '../../shared/exercise/scenario';
import type { IncomingEvent } from '../../shared/workflow/event-schema';
import { CHROMIUM_ARGS } from '../e2e/harness';
import { SCENARIOS_DIR, SEEDS_DIR } from '../support/temp';
import { TO_DECISION } from '../support/workflow';
import { round, summarise, time, type Summary } from './stats';
import type { Report } from './report';

/** Targets from the issue, for the exercise of 10 delegations x 200 events. */
const HTML_TARGET_MS = 1_000;
const PDF_TARGET_MS = 5_000;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';


const kb = (text: string | Uint8Array): number => round((typeof text === 'string' ? Buffer.byteLength(text) : text.length) / 1024, 1);

/**
 * A large exercise on a seeded workbench (corpus and evidence map, so quotations resolve):
 * every delegation receives the scenario's first inject, goes to a decision, adds discussion
 * notes and receives the other injects, `perDelegation` events in all; plus facilitator notes
 * and an improvement plan. Built with sendEvent in one transaction, as in exercise.ts.
 */
function buildExercise(db: Db, delegations: number, perDelegation: number): { exerciseId: string; runIds: string[] } {
  const exercise = createExercise(db, {
    name: 'Bench after-action exercise',
    scenarioId: 'hospital-ransomware',
    delegationNames: Array.from({ length: delegations }, (_, i) => `Delegation ${i + 1}`),
  });
  const scenario = JSON.parse(readExercise(db, exercise.id).scenario_json) as Scenario;
  const [first, ...later] = scenario.injects.map((i) => i.id);
  const notes = perDelegation - TO_DECISION.length - scenario.injects.length;
  if (first === undefined || notes < 0) throw new Error(`bench: ${perDelegation} events per delegation is too few for this scenario`);
  db.transaction(() => {
    releaseInject(db, exercise.id, first, 'all');
    for (const d of exercise.delegations) {
      const events: IncomingEvent[] = [
        ...TO_DECISION,
        ...Array.from({ length: notes }, (_, i): IncomingEvent => ({
          type: 'NOTE.ADD', id: `n${i}`, text: `Delegation remark ${i}: the response must remain proportionate to the disruption of health services.`,
        })),
      ];
      for (const event of events) {
        const sent = sendEvent(db, d.runId, event);
        if (!sent.accepted) throw new Error(`bench event refused: ${sent.reasons.join(' ')}`);
      }
    }
    for (const injectId of later) releaseInject(db, exercise.id, injectId, 'all');
    for (let i = 0; i < 20; i++) addFacilitatorNote(db, exercise.id, `Observation ${i + 1}: the delegations compared their ratings before choosing a measure.`);
    saveReportDetails(db, exercise.id, {
      facilitator: 'Bench facilitator',
      improvementPlan: Array.from({ length: 10 }, (_, i) => ({
        id: `item-${i + 1}`,
        issue: `Issue ${i + 1}: intelligence sharing among member states was slow.`,
        correctiveAction: 'Agree a template for sharing technical indicators before the next exercise.',
        owner: 'CERT-EU',
        dueDate: '2026-06-30',
      })),
    });
  })();
  return { exerciseId: exercise.id, runIds: exercise.delegations.map((d) => d.runId) };
}

/** Pages of a PDF: pdfinfo when the machine has it, else the page objects in the file. */
function pageCount(pdf: Uint8Array, dir: string): number {
  const file = join(dir, 'bench-report.pdf');
  writeFileSync(file, pdf);
  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = /^Pages:\s+(\d+)/m.exec(info.stdout ?? '');
  if (info.status === 0 && pages) return Number(pages[1]);
  return (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/**
 * Alternates `a` and `b` (which one goes first swaps each round), after `warmup` unrecorded
 * rounds; each answers the milliseconds of the part it measures.
 */
async function alternate(rounds: number, warmup: number, a: () => Promise<number>, b: () => Promise<number>): Promise<{ a: number[]; b: number[] }> {
  const samples = { a: [] as number[], b: [] as number[] };
  for (let i = 0; i < warmup + rounds; i++) {
    for (const kind of i % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const)) {
      const ms = await (kind === 'a' ? a() : b());
      if (i >= warmup) samples[kind].push(ms);
    }
  }
  return samples;
}

/** Times a synchronous function, for `alternate`. */
const timed = (fn: () => void) => (): Promise<number> => Promise.resolve(time(fn).ms);

const ratios = (app: Summary, base: Summary): Record<string, string> => ({
  ratioP50: `${round(app.p50 / base.p50, 1)}x`,
  ratioP95: `${round(app.p95 / base.p95, 1)}x`,
});

const verdict = (ms: number, target: number): string => (ms < target ? `met (${round(ms, 0)} ms < ${target} ms)` : `NOT met (${round(ms, 0)} ms >= ${target} ms)`);

/**
 * The after-action report of a large exercise, 10 delegations x 200 events (quick: 3 x 50).
 * HTML: collecting the report (every log read, its chain verified, replayed, quotes resolved)
 * and rendering it, against reading the same logs bare. PDF: the same HTML printed by a warm
 * Debian Chromium through Playwright (the app prints with Electron's Chromium), against a
 * one-page document with the report's own styles printed the same way; and the command
 * line's path, a cold Chromium per print.
 */
export async function benchAfterAction(report: Report, dir: string, quick: boolean): Promise<void> {
  const delegations = quick ? 3 : 10;
  const perDelegation = quick ? 50 : 200;
  const label = `${delegations} x ${perDelegation} events`;
  const workbench = openWorkbench(join(dir, 'after-action.sqlite'), SEEDS_DIR, SCENARIOS_DIR);
  try {
    const { db } = workbench;
    const build = time(() => buildExercise(db, delegations, perDelegation));
    const { exerciseId, runIds } = build.value;
    report.note('report', `built ${label} (+ 20 observations, 10 improvement items) in ${round(build.ms / 1000, 2)} s`);

    // (a) HTML: collect + render, against the bare read of the same logs.
    let last: AfterActionReport | null = null;
    let html = '';
    const makeHtml = (): void => {
      last = exerciseReport(db, exerciseId, { quoteLanguages: 'all' });
      html = reportHtml(last);
    };
    const bareRead = (): void => {
      for (const runId of runIds) for (const e of runChain(db, runId)) JSON.parse(e.event);
    };
    const htmlSamples = await alternate(quick ? 5 : 15, quick ? 1 : 2, timed(makeHtml), timed(bareRead));
    const collected = last as AfterActionReport | null;
    if (collected === null || !allIntact(collected)) throw new Error('bench: the report says a chain is broken');
    const events = collected.delegations.reduce((n, d) => n + d.chain.events, 0);
    if (events !== delegations * perDelegation) throw new Error(`bench: the report counts ${events} events, expected ${delegations * perDelegation}`);
    const bare = summarise(htmlSamples.b);
    const htmlTime = summarise(htmlSamples.a);
    report.row('report', `baseline: read the logs bare (runChain + JSON.parse, ${label})`, bare);
    report.row('report', `report HTML: exerciseReport (quotes: all) + reportHtml (${label})`, htmlTime, ratios(htmlTime, bare));

    const md = reportText(collected, 'md');
    const json = reportText(collected, 'json');
    const quotes = (html.match(/<figure class="quote">/g) ?? []).length;
    report.value('report', 'size: HTML', kb(html), 'KB', { quotes });
    report.value('report', 'size: Markdown', kb(md), 'KB');
    report.value('report', 'size: JSON', kb(json), 'KB');

    if (!existsSync(CHROMIUM)) {
      report.note('report', `no Chromium at ${CHROMIUM} (set CHROMIUM_PATH): PDF not measured; HTML target ${verdict(htmlTime.p95, HTML_TARGET_MS)} at p95`);
      return;
    }

    // (b) PDF in a warm browser, against a one-page document with the same styles.
    const onePage = `${html.slice(0, html.indexOf('<body>'))}<body><h1>Baseline</h1><p>One page with the report's own styles and page margin boxes.</p></body></html>\n`;
    const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    let pdf: Uint8Array = new Uint8Array();
    let basePdf: Uint8Array = new Uint8Array();
    let pdfSamples: { a: number[]; b: number[] };
    const newPageMs: number[] = [];
    try {
      // As the app: a session of its own, no script, no request, a fresh page (window) per print.
      // Timed: setContent + pdf; opening the page (a new renderer process) is noted apart.
      const context: BrowserContext = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' });
      await context.route('**/*', (route) => route.abort('blockedbyclient'));
      const print = async (doc: string, keep: (pdf: Uint8Array) => void): Promise<number> => {
        const opened = process.hrtime.bigint();
        const page = await context.newPage();
        const start = process.hrtime.bigint();
        newPageMs.push(Number(start - opened) / 1e6);
        try {
          await page.setContent(doc, { waitUntil: 'load' });
          keep(await page.pdf({ preferCSSPageSize: true, printBackground: true, format: 'A4' }));
          return Number(process.hrtime.bigint() - start) / 1e6;
        } finally {
          await page.close();
        }
      };
      pdfSamples = await alternate(
        quick ? 3 : 8,
        1,
        () => print(html, (p) => { pdf = p; }),
        () => print(onePage, (p) => { basePdf = p; }),
      );
    } finally {
      await browser.close();
    }
    const pages = pageCount(pdf, dir);
    const basePages = pageCount(basePdf, dir);
    if (basePages !== 1) report.note('report', `warning: the baseline document printed on ${basePages} pages, not 1`);
    const basePrint = summarise(pdfSamples.b);
    const warm = summarise(pdfSamples.a);
    report.row('report', 'baseline: print a one-page document, same styles (warm browser)', basePrint, {
      pages: basePages,
      newPageP50: `${summarise(newPageMs).p50} ms (not included)`,
    });
    report.row('report', `report PDF (warm browser): setContent + page.pdf (${label})`, warm, {
      ...ratios(warm, basePrint),
      pages,
      megabytes: round(pdf.length / 1024 / 1024, 2),
    });

    // (c) The command line's path: a cold Chromium per print, as `cdt report --format pdf`.
    const coldRuns = quick ? 1 : 3;
    const coldMs: number[] = [];
    const coldBaseMs: number[] = [];
    for (let i = 0; i < coldRuns; i++) {
      coldBaseMs.push(time(() => printPdfWithChromium(onePage, CHROMIUM)).ms);
      coldMs.push(time(() => printPdfWithChromium(html, CHROMIUM)).ms);
    }
    const coldBase = summarise(coldBaseMs);
    const cold = summarise(coldMs);
    report.row('report', 'baseline: one-page document, printPdfWithChromium (cold Chromium)', coldBase);
    report.row('report', `report PDF (cdt, cold Chromium): printPdfWithChromium (${label})`, cold, ratios(cold, coldBase));

    if (quick) report.note('report', 'quick sizes: the targets below are set for 10 x 200 events, run the full bench to check them');
    report.note('report', `target HTML < 1 s: ${verdict(htmlTime.p95, HTML_TARGET_MS)} at p95 (collect + render)`);
    // Typical (medians added) and cautious (p95s added): a busy laptop sees the second.
    const newPage = summarise(newPageMs);
    report.note('report', `target PDF < 5 s, app (HTML + new page + warm print): typical ${verdict(htmlTime.p50 + warm.p50 + newPage.p50, PDF_TARGET_MS)}; p95s added ${verdict(htmlTime.p95 + warm.p95 + newPage.p95, PDF_TARGET_MS)}`);
    report.note('report', `target PDF < 5 s, cdt (HTML + cold Chromium): typical ${verdict(htmlTime.p50 + cold.p50, PDF_TARGET_MS)}; p95s added ${verdict(htmlTime.p95 + cold.p95, PDF_TARGET_MS)}`);
  } finally {
    workbench.close();
  }
}
