import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { REPORT_CSP } from '../shared/report/html';

/** The renderer is served from this origin by our own protocol handler; nothing else is trusted. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;
/** The room's screen: the same page, which shows only the room's view under this hash. */
export const ROOM_ENTRY = `${APP_ENTRY}#room`;

/** Only the app's own files may load: no remote scripts, styles, fonts, frames or connections. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Reports are printed to PDF in a hidden window of their own in-memory session, which
 * serves the one page from this scheme and cancels every other request. The page has no
 * script and needs none: JavaScript is off.
 */
export const REPORT_SCHEME = 'cdt-report';
export const REPORT_URL = `${REPORT_SCHEME}://print/report.html`;
export const REPORT_PARTITION = 'report-print';
export { REPORT_CSP };

export function reportWindowPreferences(partition: string): WebPreferences {
  return {
    partition,
    javascript: false,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: false,
  };
}

export interface WindowBounds {
  readonly x?: number | undefined;
  readonly y?: number | undefined;
  readonly width: number;
  readonly height: number;
}

export const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 800 };

/** The projector's window: as hardened as the main one, large, without a menu. */
export function roomWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  const main = mainWindowOptions(preloadPath, { width: 1280, height: 800 });
  return { ...main, title: 'CDT Workbench — the room', autoHideMenuBar: true, backgroundColor: '#0d2c54', minWidth: 640, minHeight: 400 };
}

export function mainWindowOptions(
  preloadPath: string,
  bounds: WindowBounds = DEFAULT_BOUNDS,
  { devTools = false }: { devTools?: boolean } = {},
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    backgroundColor: '#f7f7f4',
    title: 'CDT Workbench',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Only in development: the packaged app offers no way into the page's internals.
      devTools,
    },
  };
}

/** True for URLs of the app's own files; the only ones a request, a navigation or an IPC sender may have. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Where any frame may navigate or be redirected to: the app's own pages and the one print page. */
export const isAllowedNavigation = (url: string): boolean => isAppUrl(url) || url === REPORT_URL;

/**
 * Only the app's own files. In development Chromium's devtools:// pages are let through too;
 * the packaged app has no devtools, so nothing but app:// passes there.
 */
export function isAllowedRequest(url: string, options: { readonly devTools: boolean }): boolean {
  return isAppUrl(url) || (options.devTools && url.startsWith('devtools://'));
}

/**
 * Maps an app:// URL to a file below the renderer folder, refusing anything that could
 * climb out of it on any platform: dot segments, backslashes (a separator on Windows),
 * drive letters, NUL, and malformed percent-encoding.
 */
export function appUrlToRelativePath(url: string): string | null {
  if (!isAppUrl(url)) return null;
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, '') || 'index.html';
  } catch {
    return null;
  }
  if (/[\\:\0]/.test(path)) return null;
  if (path.split('/').some((part) => part === '..' || part === '.' || part === '')) return null;
  return path;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  woff2: 'font/woff2',
  json: 'application/json',
};

/** The content type of one of the renderer's files; unknown kinds are served as opaque bytes. */
export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[path.slice(path.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
}

const SAVED_BOUNDS_MIN = { width: 800, height: 600 };

/**
 * Restores the window where the user left it, unless that place is no longer on any
 * screen (a monitor was unplugged): then the default size, centred by Electron.
 */
export function restoreBounds(
  saved: WindowBounds | null,
  workAreas: readonly { x: number; y: number; width: number; height: number }[],
): WindowBounds {
  // The state file is ours but lives on disk: anything that is not a number is ignored.
  const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  if (!saved || !isNumber(saved.width) || !isNumber(saved.height)) return DEFAULT_BOUNDS;
  if (saved.width < SAVED_BOUNDS_MIN.width || saved.height < SAVED_BOUNDS_MIN.height) return DEFAULT_BOUNDS;
  if (!isNumber(saved.x) || !isNumber(saved.y)) return { width: saved.width, height: saved.height };
  const { x, y } = saved;
  const visible = workAreas.some(
    (area) => x + 100 > area.x && x < area.x + area.width - 100 && y >= area.y && y < area.y + area.height - 50,
  );
  return visible ? saved : { width: saved.width, height: saved.height };
}

/**
 * The start-failure dialog's text: which database, what is wrong with it, and what the user
 * can do. A fault of the app (not a UserError) also says where its details were logged.
 */
export function startFailureText(dbFile: string, error: unknown, logFile: string | null): string {
  const what = error instanceof Error ? error.message : String(error);
  const lines = [`The database ${dbFile} could not be opened:`, '', what, ''];
  lines.push(
    'Nothing in it was changed. Move the file aside (or restore a backup that lies beside it) and start CDT Workbench again; it then creates a new, empty database.',
  );
  if (logFile) lines.push('', `The details of this fault are in ${logFile}.`);
  return lines.join('\n');
}
