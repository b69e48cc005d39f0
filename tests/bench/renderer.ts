import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { APP_BASE, closeBrowser, openApp } from '../e2e/harness';
import { tempDir } from '../support/temp';
import type { Report } from './report';
import { round, summarise } from './stats';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RENDERER_OUT = join(ROOT, 'out', 'renderer');
const ASSETS = join(RENDERER_OUT, 'assets');
/** The renderer's JavaScript, gzipped, must stay under this (KB = 1000 bytes, as Vite prints sizes). */
const JS_TARGET_KB = 350;

/**
 * The same page markers the library has when it is usable (a document in the list, an
 * enabled search field), in a static page: what a navigation costs before any app code runs.
 */
const BASELINE_PATH = '__bench-baseline.html';
const BASELINE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Baseline</title></head>
<body><main><input id="library-search" type="search"><ul class="document-list"><li class="document">10474/17</li></ul></main></body></html>`;

/**
 * Runs in every page before its own scripts: notes the time (from the start of the
 * navigation) of the first animation frame after the document list has an entry and the
 * search field is enabled. Plain JavaScript in a string: tests/bench has no DOM types.
 */
const READY_PROBE = `(() => {
  const ready = () => {
    const field = document.getElementById('library-search');
    return document.querySelector('ul.document-list > li') !== null && field instanceof HTMLInputElement && !field.disabled;
  };
  const observer = new MutationObserver(() => {
    if (!ready()) return;
    observer.disconnect();
    window.__benchDomReady = performance.now();
    requestAnimationFrame(() => { window.__benchReady = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
})();`;

/** Newest modification time of the files below `dir`. */
function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .reduce((max, entry) => Math.max(max, statSync(join(entry.parentPath, entry.name)).mtimeMs), 0);
}

function ensureBuilt(report: Report): void {
  if (!existsSync(join(RENDERER_OUT, 'index.html'))) {
    report.note('renderer', 'out/renderer is missing: building (npx electron-vite build)…');
    const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
    if (build.status !== 0) throw new Error(`electron-vite build failed (exit ${build.status}).`);
    return;
  }
  const built = statSync(join(RENDERER_OUT, 'index.html')).mtimeMs;
  if (Math.max(newest(join(ROOT, 'renderer')), newest(join(ROOT, 'shared'))) > built) {
    report.note('renderer', 'warning: out/renderer is older than renderer/ or shared/; these numbers are for the last build (npm run build).');
  }
}

/** (b) All .js under out/renderer/assets, each gzipped at level 9, summed. */
function benchBundleSize(report: Report): void {
  const files = readdirSync(ASSETS, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name)));
  const raw = files.reduce((sum, f) => sum + f.length, 0);
  const gzipped = files.reduce((sum, f) => sum + gzipSync(f, { level: 9 }).length, 0);
  const kb = round(gzipped / 1000, 1);
  report.value('renderer', 'JavaScript gzip -9 (out/renderer/assets/**/*.js)', kb, 'KB', {
    target: `< ${JS_TARGET_KB} KB`,
    result: kb < JS_TARGET_KB ? 'pass' : 'FAIL',
    raw: `${round(raw / 1000, 1)} KB`,
    files: files.length,
  });
}

/** What READY_PROBE leaves on the page's global object. */
interface Probe {
  __benchReady?: number;
  __benchDomReady?: number;
}

/** Opens `url` in a fresh page of the context and answers the probe's times, in ms from the navigation's start. */
async function loadOnce(context: BrowserContext, url: string): Promise<{ frame: number; dom: number }> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    // Functions, not strings: the app's CSP forbids eval, which string predicates need.
    await page.waitForFunction(() => (globalThis as Probe).__benchReady !== undefined, undefined, { timeout: 30_000 });
    return await page.evaluate(() => ({ frame: (globalThis as Probe).__benchReady!, dom: (globalThis as Probe).__benchDomReady! }));
  } finally {
    await page.close();
  }
}

/**
 * (a) From navigation to a usable library (documents listed, search field enabled), in
 * Debian's Chromium through the e2e harness: the built renderer, the real handlers on a real
 * seeded database, Playwright's router instead of the app:// protocol. The baseline is a
 * static page with the same markers served by the same router in the same browser, measured
 * in alternation with the app, so the ratio is what the app itself adds.
 */
async function benchStartup(report: Report, quick: boolean): Promise<void> {
  const runs = quick ? 5 : 30;
  const warmup = quick ? 1 : 3;
  const temp = tempDir('cdt-bench-renderer-');
  const app = await openApp({ dbPath: join(temp.dir, 'bench.sqlite') });
  try {
    const { context } = app;
    await context.addInitScript({ content: READY_PROBE });
    // Registered after the harness's route, so it answers first (Playwright runs the latest match first).
    await context.route(`${APP_BASE}${BASELINE_PATH}`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: BASELINE_HTML }),
    );
    const appUrl = `${APP_BASE}index.html`;
    const baselineUrl = `${APP_BASE}${BASELINE_PATH}`;
    const samples = { app: [] as number[], appDom: [] as number[], baseline: [] as number[], baselineDom: [] as number[] };
    for (let i = 0; i < warmup + runs; i++) {
      // Alternate which goes first, so that neither always runs on a just-warmed browser.
      const order = i % 2 === 0 ? (['app', 'baseline'] as const) : (['baseline', 'app'] as const);
      for (const kind of order) {
        const t = await loadOnce(context, kind === 'app' ? appUrl : baselineUrl);
        if (i < warmup) continue;
        if (kind === 'app') {
          samples.app.push(t.frame);
          samples.appDom.push(t.dom);
        } else {
          samples.baseline.push(t.frame);
          samples.baselineDom.push(t.dom);
        }
      }
    }
    if (app.foreignRequests.length > 0) throw new Error(`The page asked for foreign URLs: ${app.foreignRequests.join(', ')}`);

    const baseline = summarise(samples.baseline);
    const usable = summarise(samples.app);
    report.row('renderer', 'baseline: static page, same router, to first frame', baseline, {
      domReadyP50: `${summarise(samples.baselineDom).p50} ms`,
      warmup,
    });
    report.row('renderer', 'library usable: documents listed + search enabled, to first frame', usable, {
      ratioP50: `${round(usable.p50 / baseline.p50, 2)}x`,
      ratioP95: `${round(usable.p95 / baseline.p95, 2)}x`,
      addedP50: `${round(usable.p50 - baseline.p50, 1)} ms`,
      domReadyP50: `${summarise(samples.appDom).p50} ms`,
    });
  } finally {
    await app.close();
    await closeBrowser();
    temp.cleanup();
  }
}

/** The renderer's benchmarks: size of its JavaScript, and time to a usable library. */
export async function benchRenderer(report: Report, quick: boolean): Promise<void> {
  ensureBuilt(report);
  benchBundleSize(report);
  await benchStartup(report, quick);
}
