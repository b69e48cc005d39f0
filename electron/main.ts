import { app, BrowserWindow, clipboard, dialog, Menu, protocol, screen, session } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHandlers, type Desktop, type Handlers } from './ipc/handlers';
import { registerIpc } from './ipc/register';
import { menuTemplate } from './menu';
import { CHANGES_CHANNEL, MENU_CHANNEL, PROGRESS_CHANNEL, type DataChange, type MenuCommand } from '../shared/ipc/contract';
import { DB_FILE_NAME, SAMPLE_EXERCISE_FILE } from './paths';
import { openWorkbench, type Workbench } from './workbench';
import { logUnexpected } from './log';
import { workerRunner } from './work/thread';
import { UserError } from '../shared/errors';
import { KIT_SUFFIX, RETURN_SUFFIX } from '../shared/exchange/format';
import { keyOfDatabase } from './exchange/keys';
import { watchDatabase } from './ipc/changes';
import {
  APP_ENTRY, APP_SCHEME, ROOM_ENTRY, roomWindowOptions, CONTENT_SECURITY_POLICY, appUrlToRelativePath, contentTypeOf, isAllowedNavigation, isAllowedRequest, startFailureText,
  mainWindowOptions, REPORT_CSP, REPORT_PARTITION, REPORT_SCHEME, REPORT_URL, reportWindowPreferences, restoreBounds, type WindowBounds,
} from './window';

const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));
const workerPath = fileURLToPath(new URL('./worker.js', import.meta.url));
const seedsDir = (): string => (app.isPackaged ? join(process.resourcesPath, 'seeds') : join(app.getAppPath(), 'seeds'));
const scenariosDir = (): string =>
  app.isPackaged ? join(process.resourcesPath, 'scenarios') : join(app.getAppPath(), 'resources', 'scenarios');
const sampleExercise = (): string =>
  join(app.isPackaged ? join(process.resourcesPath, 'exercises') : join(app.getAppPath(), 'resources', 'exercises'), SAMPLE_EXERCISE_FILE);
/** Save dialogs offer the kind of file being saved; open dialogs read packages and scenarios. */
const FILE_FILTERS: Record<string, { name: string; extensions: string[] }> = {
  pdf: { name: 'PDF document', extensions: ['pdf'] },
  md: { name: 'Markdown text', extensions: ['md'] },
  json: { name: 'CDT Workbench files', extensions: ['json'] },
  [KIT_SUFFIX.slice(1)]: { name: 'Delegation kit', extensions: [KIT_SUFFIX.slice(1)] },
  [RETURN_SUFFIX.slice(1)]: { name: 'Delegation return', extensions: [RETURN_SUFFIX.slice(1)] },
};
const filtersFor = (fileName: string) => [FILE_FILTERS[extname(fileName).slice(1)] ?? FILE_FILTERS.json!];
const windowStateFile = (): string => join(app.getPath('userData'), 'window-state.json');

let mainWindow: BrowserWindow | null = null;
/** The room's screen for the projector, while it is open. */
let roomWindow: BrowserWindow | null = null;
let handlers: Handlers | null = null;

function openRoomWindow(): void {
  if (roomWindow && !roomWindow.isDestroyed()) {
    roomWindow.show();
    return;
  }
  const window = new BrowserWindow(roomWindowOptions(preloadPath));
  roomWindow = window;
  window.setMenu(null);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    roomWindow = null;
    // Closed by hand: the console must no longer offer to close it, nor the room's view answer.
    void handlers?.closeRoom({});
  });
  void window.loadURL(ROOM_ENTRY);
}

/** Every window of the app re-reads what it shows when the data changed. */
function announceToWindows(change: DataChange): void {
  for (const window of BrowserWindow.getAllWindows()) if (!window.isDestroyed()) window.webContents.send(CHANGES_CHANNEL, change);
}
/** The report the print window is showing, and the queue that keeps prints one at a time. */
let pendingReport = '';
let printQueue: Promise<unknown> = Promise.resolve();
let workbench: Workbench | null = null;

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true } },
  { scheme: REPORT_SCHEME, privileges: { standard: true, secure: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    // Every way a frame can be moved elsewhere: links, form posts, script, server redirects, subframes.
    const refuseAway = (event: { preventDefault(): void }, url: string): void => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    };
    contents.on('will-navigate', (event, url) => refuseAway(event, url));
    contents.on('will-redirect', (event, url) => refuseAway(event, url));
    contents.on('will-frame-navigate', (event) => refuseAway(event, event.url));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => workbench?.close());
  process.on('uncaughtException', (error) => logFault(error));
  void app.whenReady().then(start);
}

const logFault = (error: unknown): string | null => logUnexpected(error, app.getPath('logs'));

function start(): void {
  hardenSession();
  const dbFile = join(app.getPath('userData'), DB_FILE_NAME);
  try {
    workbench = openWorkbench(dbFile, seedsDir(), scenariosDir(), { createFolder: true });
  } catch (error) {
    // No window can open without the database: say which file and what to do, then quit.
    const log = error instanceof UserError ? null : logFault(error);
    dialog.showErrorBox('CDT Workbench cannot start', startFailureText(dbFile, error, log));
    app.quit();
    return;
  }
  // The installation's key is made at first start, so its fingerprint can be shown before any kit.
  keyOfDatabase(workbench.db);
  const stopWatching = watchDatabase(workbench.db, announceToWindows);
  app.on('will-quit', stopWatching);
  const background = workerRunner(workerPath, dbFile);
  app.on('will-quit', () => void background.close());
  handlers = createHandlers(workbench.db, desktop, { sampleExercise: sampleExercise() }, background);
  registerIpc(
    handlers,
    () => ({ main: mainWindow?.webContents ?? null, room: roomWindow?.webContents ?? null }),
    logFault,
  );
  const send = (command: MenuCommand): void => mainWindow?.webContents.send(MENU_CHANNEL, command);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(send, process.platform === 'darwin')));
  createWindow();
}

// Native dialogs, modal to the window: the user picks the path, the renderer never names one.
const desktop: Desktop = {
  writeClipboard: (text) => clipboard.writeText(text),
  chooseSaveFile(defaultName) {
    const options = { defaultPath: join(app.getPath('documents'), defaultName), filters: filtersFor(defaultName) };
    return (mainWindow ? dialog.showSaveDialogSync(mainWindow, options) : dialog.showSaveDialogSync(options)) ?? null;
  },
  chooseOpenFile() {
    const options = { properties: ['openFile' as const], filters: [FILE_FILTERS.json!] };
    const chosen = mainWindow ? dialog.showOpenDialogSync(mainWindow, options) : dialog.showOpenDialogSync(options);
    return chosen?.[0] ?? null;
  },
  chooseExchangeFiles(kind) {
    const filter = FILE_FILTERS[(kind === 'kit' ? KIT_SUFFIX : RETURN_SUFFIX).slice(1)]!;
    const options = { properties: kind === 'kit' ? ['openFile' as const] : ['openFile' as const, 'multiSelections' as const], filters: [filter] };
    return (mainWindow ? dialog.showOpenDialogSync(mainWindow, options) : dialog.showOpenDialogSync(options)) ?? [];
  },
  chooseFolder() {
    const options = { properties: ['openDirectory' as const, 'createDirectory' as const] };
    return (mainWindow ? dialog.showOpenDialogSync(mainWindow, options) : dialog.showOpenDialogSync(options))?.[0] ?? null;
  },
  printPdf: printReportPdf,
  showProgress: (progress) => mainWindow?.webContents.send(PROGRESS_CHANNEL, progress),
  announceChange: (change) => announceToWindows(change),
  openRoomWindow,
  closeRoomWindow: () => roomWindow?.close(),
};

/**
 * Prints the report's HTML in a hidden window of its own session: no script, no preload,
 * and a request filter that lets through only the one page, served from memory. The
 * page's CSS sets A4 and puts the markings and page numbers on every page.
 */
function printReportPdf(html: string): Promise<Uint8Array> {
  // One print at a time: the print window's page is served from `pendingReport`.
  const job = printQueue.then(() => printOnce(html));
  printQueue = job.catch(() => undefined);
  return job;
}

async function printOnce(html: string): Promise<Uint8Array> {
  const printSession = session.fromPartition(REPORT_PARTITION);
  if (!printSession.protocol.isProtocolHandled(REPORT_SCHEME)) {
    printSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    printSession.setPermissionCheckHandler(() => false);
    printSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith(REPORT_URL) }));
    printSession.protocol.handle(REPORT_SCHEME, () =>
      new Response(pendingReport, { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': REPORT_CSP } }),
    );
  }
  pendingReport = html;
  const window = new BrowserWindow({ show: false, webPreferences: reportWindowPreferences(REPORT_PARTITION) });
  try {
    await window.loadURL(REPORT_URL);
    return await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    window.destroy();
    pendingReport = '';
  }
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // No network: every request that is not for the app's own files is cancelled.
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, { devTools: !app.isPackaged }) }));
  // The renderer's files are read from disk here rather than fetched, so serving them
  // never depends on how the request filter above treats the main process's own requests.
  protocol.handle(APP_SCHEME, async (request) => {
    const relative = appUrlToRelativePath(request.url);
    const file = relative === null ? null : resolve(rendererDir, relative);
    if (file === null || !file.startsWith(rendererDir)) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'Content-Type': contentTypeOf(file),
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

function readSavedBounds(): WindowBounds | null {
  try {
    return JSON.parse(readFileSync(windowStateFile(), 'utf8')) as WindowBounds;
  } catch {
    return null;
  }
}

function createWindow(): void {
  const bounds = restoreBounds(readSavedBounds(), screen.getAllDisplays().map((d) => d.workArea));
  const window = new BrowserWindow(mainWindowOptions(preloadPath, bounds, { devTools: !app.isPackaged }));
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('close', () => writeFileSync(windowStateFile(), JSON.stringify(window.getNormalBounds())));
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(APP_ENTRY);
}
