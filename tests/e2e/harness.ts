import { buildSync } from 'esbuild';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createHandlers, dispatch } from '../../electron/ipc/handlers';
import { contentTypeOf } from '../../electron/window';
import { openWorkbench, type Workbench } from '../../electron/workbench';
import { SAMPLE_EXERCISE, SCENARIOS_DIR, SEEDS_DIR, tempDir } from '../support/temp';
import type { Action, DataChange, Envelope, Input, Results, WorkProgress } from '../../shared/ipc/contract';
import { watchDatabase } from '../../electron/ipc/changes';

/** The origin the built renderer is served from, by Playwright's router: no server, no network. */
export const APP_BASE = 'http://workbench.test/';
const RENDERER_DIR = fileURLToPath(new URL('../../out/renderer/', import.meta.url));
export const SCREENSHOTS_DIR = fileURLToPath(new URL('./screenshots/', import.meta.url));

const bridgeScript = (): string =>
  buildSync({
    entryPoints: [fileURLToPath(new URL('./bridge.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
    target: 'chrome120',
  }).outputFiles[0]!.text;

export interface AppUnderTest {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly workbench: Workbench;
  /** Every URL the page asked for that is not the app's own (must stay empty). */
  readonly foreignRequests: string[];
  readonly dbPath: string;
  /** What the app wrote to the clipboard, newest last. */
  readonly clipboard: readonly string[];
  /** Makes the desktop's clipboard refuse writes, as a locked-down machine may. */
  refuseClipboard(refuse: boolean): void;
  /** What the fake save/open dialogs answer next (null: the user cancels); both cancel until set. */
  answerSaveDialog(path: string | null): void;
  answerOpenDialog(path: string | null): void;
  /** What the open dialog for kits and returns answers next (empty: the user cancels). */
  answerExchangeDialog(paths: readonly string[]): void;
  /** What the folder dialog (where kits are written) answers next (null: the user cancels). */
  answerFolderDialog(path: string | null): void;
  /** Every progress report of long work the main process sent the window, null when work ended. */
  readonly progress: readonly (WorkProgress | null)[];
  /** The default file names the app proposed in save dialogs, newest last. */
  readonly saveDialogs: readonly string[];
  screenshot(name: string): Promise<void>;
  /** Tells every page the data changed elsewhere, as the main process does after another connection commits (the command line). */
  announceChange(): Promise<void>;
  /** Opens the room's screen (the projector's window) as a second page: the app's page with #room, in the same context. */
  openRoomPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** Closes the page and database, keeping the database file for a restart. */
  close(): Promise<void>;
}

/** Debian's Chromium as root, headless, with everything that would reach a network off. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];

let browser: Browser | null = null;

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('The renderer is not built: run `npm run build` first (npm test does).');
  }
  browser ??= await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return browser;
}

/** The app prints with Electron's Chromium; the tests with Debian's, from the same HTML and the same page CSS. */
export async function printWithPlaywright(b: Browser, html: string): Promise<Uint8Array> {
  const context = await b.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' });
  try {
    await context.route('**/*', (route) => route.abort('blockedbyclient'));
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true, format: 'A4' });
  } finally {
    await context.close();
  }
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = null;
}

/** Opens the built renderer against the real handlers on a real SQLite database. */
export async function openApp(
  options: { dbPath?: string; viewport?: { width: number; height: number } } = {},
): Promise<AppUnderTest> {
  const b = await launchBrowser();
  const temp = options.dbPath ? null : tempDir('cdt-e2e-');
  const dbPath = options.dbPath ?? join(temp!.dir, 'e2e.sqlite');
  const workbench = openWorkbench(dbPath, SEEDS_DIR, SCENARIOS_DIR);
  const clipboard: string[] = [];
  let clipboardRefuses = false;
  const saveDialogs: string[] = [];
  let saveAnswer: string | null = null;
  let openAnswer: string | null = null;
  let exchangeAnswer: readonly string[] = [];
  let folderAnswer: string | null = null;
  const progress: (WorkProgress | null)[] = [];
  let page: Page | null = null;
  const handlers = createHandlers(workbench.db, {
    writeClipboard: (text) => {
      if (clipboardRefuses) throw new Error('The clipboard is not available.');
      clipboard.push(text);
    },
    chooseSaveFile: (defaultName) => {
      saveDialogs.push(defaultName);
      return saveAnswer;
    },
    chooseOpenFile: () => openAnswer,
    chooseExchangeFiles: () => exchangeAnswer,
    chooseFolder: () => folderAnswer,
    printPdf: (html) => printWithPlaywright(b, html),
    showProgress: (p) => {
      progress.push(p);
      void page?.evaluate((sent) => (globalThis as unknown as { __cdtProgress(p: unknown): void }).__cdtProgress(sent), p);
    },
    announceChange: (change) => void announce(change),
  }, { sampleExercise: SAMPLE_EXERCISE });
  // As the main process does: what this page changed, and what another connection committed,
  // told to every window (the room's screen too).
  function announce(change: DataChange): Promise<unknown> {
    return Promise.all(
      (page?.context().pages() ?? []).map((p) =>
        p.evaluate((sent) => (globalThis as unknown as { __cdtChanged(c: unknown): void }).__cdtChanged(sent), change).catch(() => undefined),
      ),
    );
  }
  const stopWatching = watchDatabase(workbench.db, announce, 250);
  const context = await b.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const foreignRequests: string[] = [];

  await context.exposeBinding('__cdtInvoke', (_source, channel: string, payload: unknown) =>
    dispatch(handlers, channel, payload),
  );
  await context.addInitScript({ content: bridgeScript() });
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(APP_BASE) && !url.startsWith('data:')) foreignRequests.push(url);
  });
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith(APP_BASE)) return route.abort('blockedbyclient');
    const relative = normalize(decodeURIComponent(new URL(url).pathname).slice(1) || 'index.html');
    const file = join(RENDERER_DIR, relative);
    if (relative.startsWith('..') || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({
      status: 200,
      contentType: contentTypeOf(file),
      body: readFileSync(file),
    });
  });

  page = await context.newPage();
  await page.goto(`${APP_BASE}index.html`);
  const shown = page;
  return {
    page: shown,
    progress,
    context,
    workbench,
    foreignRequests,
    dbPath,
    clipboard,
    refuseClipboard: (refuse) => {
      clipboardRefuses = refuse;
    },
    answerSaveDialog: (path) => {
      saveAnswer = path;
    },
    answerOpenDialog: (path) => {
      openAnswer = path;
    },
    answerExchangeDialog: (paths) => {
      exchangeAnswer = paths;
    },
    answerFolderDialog: (path) => {
      folderAnswer = path;
    },
    saveDialogs,
    async screenshot(name) {
      mkdirSync(SCREENSHOTS_DIR, { recursive: true });
      await shown.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), fullPage: false });
    },
    async announceChange() {
      await announce({ origin: 'elsewhere' });
    },
    async openRoomPage(viewport) {
      const room = await context.newPage();
      if (viewport) await room.setViewportSize(viewport);
      await room.goto(`${APP_BASE}index.html#room`);
      return room;
    },
    async close() {
      stopWatching();
      await context.close();
      workbench.close();
    },
  };
}

/** Calls an action through the page's own bridge, as the renderer does, and unwraps its envelope. */
export async function call<A extends Action>(page: Page, action: A, input: Input<A>): Promise<Results[A]> {
  const reply = await page.evaluate(
    ([name, payload]) => (globalThis as unknown as { cdt: Record<string, (input: unknown) => Promise<Envelope<unknown>>> }).cdt[name]!(payload),
    [action, input] as const,
  );
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as Results[A];
}
