import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { posix, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY, CONTENT_SECURITY_POLICY, DEFAULT_BOUNDS, ROOM_ENTRY, appUrlToRelativePath, isAllowedNavigation, isAllowedRequest, isAppUrl, mainWindowOptions, roomWindowOptions,
  REPORT_PARTITION, REPORT_URL, reportWindowPreferences, restoreBounds, startFailureText, type WindowBounds,
} from '../../../electron/window';

// These options are what Electronegativity cannot see (they are built by a function, not
// written as a literal at `new BrowserWindow`): security/electronegativity-allow.json relies
// on this file to prove them.

describe('the window that prints reports', () => {
  it('runs no script, in its own session, isolated and sandboxed', () => {
    expect(reportWindowPreferences(REPORT_PARTITION)).toEqual({
      partition: 'report-print', // no "persist:" prefix: an in-memory session, gone when the app quits
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
    });
  });
});

describe('the main window options', () => {
  it('isolate and sandbox the renderer, with no Node, no webviews and no relaxed web security', () => {
    // The whole object, on purpose: any new preference is a security decision and must show up here.
    expect(mainWindowOptions('/app/out/preload/preload.cjs').webPreferences).toEqual({
      preload: '/app/out/preload/preload.cjs',
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
      devTools: false,
    });
  });

  it('take the restored bounds without touching the web preferences, and show the window only when ready', () => {
    const bounds = { x: 10, y: 20, width: 1400, height: 900 };
    const options = mainWindowOptions('/p.cjs', bounds);
    expect(options).toMatchObject({ ...bounds, show: false, minWidth: 1024, minHeight: 700 });
    expect(options.webPreferences).toEqual(mainWindowOptions('/p.cjs').webPreferences);
    expect(mainWindowOptions('/p.cjs')).toMatchObject(DEFAULT_BOUNDS);
  });
});

/** The policy as directive -> sources. */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/);
    expect(map.has(name!), `directive ${name} appears twice`).toBe(false);
    map.set(name!, sources);
  }
  return map;
}

describe('the content security policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it("starts from default-src 'none'", () => {
    expect(CONTENT_SECURITY_POLICY.startsWith("default-src 'none'")).toBe(true);
    expect(csp.get('default-src')).toEqual(["'none'"]);
  });

  it('allows only the app itself (and data: images): no remote origin, no inline code, no eval', () => {
    for (const [name, sources] of csp) {
      for (const source of sources) {
        const allowed = ["'self'", "'none'", ...(name === 'img-src' ? ['data:'] : [])];
        expect(allowed, `${name} ${source}`).toContain(source);
      }
    }
    for (const forbidden of ["'unsafe-inline'", "'unsafe-eval'", "'wasm-unsafe-eval'", "'unsafe-hashes'", 'http:', 'https:', 'ws:', 'wss:', 'blob:', 'file:', '*']) {
      expect(CONTENT_SECURITY_POLICY).not.toContain(forbidden);
    }
  });

  it('refuses connections, plugins, base changes, form posts and framing', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    for (const name of ['connect-src', 'object-src', 'base-uri', 'form-action', 'frame-ancestors']) {
      expect(csp.get(name), name).toEqual(["'none'"]);
    }
  });

  it('is also in the page itself, the same but for frame-ancestors (which a meta policy cannot carry)', () => {
    const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const header = new Map(csp);
    header.delete('frame-ancestors');
    expect(directives(meta!)).toEqual(header);
  });
});

describe('which URLs are the app', () => {
  it.each([APP_ENTRY, 'app://workbench/', 'app://workbench/assets/index-abc.js', 'app://workbench/index.html?x=1#top'])('%s is', (url) => {
    expect(isAppUrl(url)).toBe(true);
    expect(isAllowedRequest(url, { devTools: false })).toBe(true);
  });

  it.each([
    'http://workbench/index.html',
    'https://workbench/index.html',
    'https://example.org/',
    'http://localhost:5173/',
    'ws://workbench/',
    'file:///etc/passwd',
    'file://workbench/index.html',
    'app://other/index.html',
    'app://workbench.example.org/index.html',
    'app://evil-workbench/index.html',
    'app://workbench:8080/index.html',
    'blob:app://workbench/5b0c4c1e',
    'data:text/html,<script>alert(1)</script>',
    'javascript:alert(1)',
    'about:blank',
    'chrome://settings',
    '',
    'not a url',
  ])('%s is not, and no request may go there', (url) => {
    expect(isAppUrl(url)).toBe(false);
    expect(isAllowedRequest(url, { devTools: true })).toBe(false);
  });

  it("lets Chromium's own devtools:// requests through in development only (and nothing that merely looks like them)", () => {
    expect(isAllowedRequest('devtools://devtools/bundled/devtools_app.html', { devTools: true })).toBe(true);
    expect(isAllowedRequest('devtools://devtools/bundled/devtools_app.html', { devTools: false })).toBe(false);
    expect(isAllowedRequest('https://evil.example/devtools://', { devTools: true })).toBe(false);
    expect(isAppUrl('devtools://devtools/bundled/devtools_app.html')).toBe(false);
  });
});

const RENDERER = { posix: '/opt/cdt/resources/app.asar/out/renderer', win32: 'C:\\Program Files\\CDT\\resources\\app.asar\\out\\renderer' };
/** True when the file the protocol handler would join stays inside the renderer folder, by POSIX and by Windows path rules. */
function staysInside(relative: string): boolean {
  return (
    posix.join(RENDERER.posix, relative).startsWith(`${RENDERER.posix}/`) &&
    win32.join(RENDERER.win32, relative).toLowerCase().startsWith(`${RENDERER.win32.toLowerCase()}\\`)
  );
}

describe('mapping app:// URLs to files of the renderer folder', () => {
  it.each([
    ['app://workbench/', 'index.html'],
    ['app://workbench/index.html', 'index.html'],
    ['app://workbench/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://workbench/assets/index-abc.js?v=1#x', 'assets/index-abc.js'],
    ['app://workbench/fonts/Noto%20Sans.woff2', 'fonts/Noto Sans.woff2'],
  ])('%s is %s', (url, path) => {
    expect(appUrlToRelativePath(url)).toBe(path);
  });

  it.each(['https://workbench/index.html', 'file:///etc/passwd', 'app://other/index.html'])('%s is not a file of the app', (url) => {
    expect(appUrlToRelativePath(url)).toBeNull();
  });

  it.each([
    'app://workbench/..%2f..%2fetc%2fpasswd',
    'app://workbench/assets/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://workbench/assets/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    'app://workbench/assets/..%2F..%2F..%2Fetc%2Fpasswd',
    'app://workbench/a%2f%2fb',
  ])('refuses %s, which climbs out (or is not a plain path) once decoded', (url) => {
    expect(appUrlToRelativePath(url)).toBeNull();
  });

  it.each(['app://workbench/../../etc/passwd', 'app://workbench/%2e%2e/%2e%2e/etc/passwd', 'app://workbench/assets/./../../x'])(
    'keeps %s inside the folder (the URL parser resolves its dot segments first)',
    (url) => {
      const path = appUrlToRelativePath(url);
      expect(path === null || staysInside(path)).toBe(true);
    },
  );

  it('never names a file outside the folder, whatever the mix of segments (POSIX and Windows rules)', () => {
    const segment = fc.constantFrom('..', '.', '%2e%2e', '%2E%2e', '%2e', '..%2f', '%2f', '%2f%2f', '%5c', '..%5c', 'a', 'assets', 'index.html', '', '%00', 'C:', '~');
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        const path = appUrlToRelativePath(`app://workbench/${segments.join('/')}`);
        return path === null || staysInside(path);
      }),
      { numRuns: 2000 },
    );
  });

  // %5c decodes to '\', which Windows' path functions treat as a separator.
  it('refuses encoded backslashes, which climb out on Windows', () => {
    for (const url of ['app://workbench/..%5c..%5c..%5cUsers%5cme%5csecret.png', 'app://workbench/assets%5c..%5c..%5cx', 'app://workbench/C:%5cWindows%5cwin.ini']) {
      const path = appUrlToRelativePath(url);
      expect(path === null || staysInside(path), url).toBe(true);
    }
  });

  it('answers null, not an exception, for malformed percent-encoding', () => {
    expect(appUrlToRelativePath('app://workbench/%E0%A4%A')).toBeNull();
  });
});

describe('restoring the window where the user left it', () => {
  const laptop = { x: 0, y: 0, width: 1920, height: 1050 };
  const leftMonitor = { x: -2560, y: 0, width: 2560, height: 1400 };

  it('uses the default size when nothing was saved, or when the saved size is too small', () => {
    expect(restoreBounds(null, [laptop])).toEqual(DEFAULT_BOUNDS);
    expect(restoreBounds({ x: 10, y: 10, width: 799, height: 700 }, [laptop])).toEqual(DEFAULT_BOUNDS);
    expect(restoreBounds({ x: 10, y: 10, width: 1000, height: 599 }, [laptop])).toEqual(DEFAULT_BOUNDS);
  });

  it('restores size and place on a screen that is still there (any of them)', () => {
    expect(restoreBounds({ x: 100, y: 50, width: 1200, height: 800 }, [laptop])).toEqual({ x: 100, y: 50, width: 1200, height: 800 });
    expect(restoreBounds({ x: -2000, y: 100, width: 1200, height: 800 }, [laptop, leftMonitor])).toEqual({ x: -2000, y: 100, width: 1200, height: 800 });
    expect(restoreBounds({ x: 800, y: 600, width: 800, height: 600 }, [laptop])).toEqual({ x: 800, y: 600, width: 800, height: 600 });
  });

  it('keeps the size but lets Electron centre the window when its place is on no screen (a monitor was unplugged)', () => {
    expect(restoreBounds({ x: -2000, y: 100, width: 1200, height: 800 }, [laptop])).toEqual({ width: 1200, height: 800 });
    expect(restoreBounds({ x: 100, y: 5000, width: 1200, height: 800 }, [laptop])).toEqual({ width: 1200, height: 800 });
    expect(restoreBounds({ x: 100, y: 100, width: 1200, height: 800 }, [])).toEqual({ width: 1200, height: 800 });
  });

  it('needs a grip on screen: the title bar may not sit above the screen or within a sliver of its edges', () => {
    expect(restoreBounds({ x: 100, y: -10, width: 1200, height: 800 }, [laptop])).toEqual({ width: 1200, height: 800 });
    expect(restoreBounds({ x: -1150, y: 100, width: 1200, height: 800 }, [laptop])).toEqual({ width: 1200, height: 800 });
    expect(restoreBounds({ x: 1850, y: 100, width: 1200, height: 800 }, [laptop])).toEqual({ width: 1200, height: 800 });
    expect(restoreBounds({ x: 100, y: 1010, width: 1200, height: 800 }, [laptop])).toEqual({ width: 1200, height: 800 });
  });

  it('keeps only the size when the saved place has no position', () => {
    expect(restoreBounds({ width: 1200, height: 800 }, [laptop])).toEqual({ width: 1200, height: 800 });
    expect(restoreBounds({ x: 100, width: 1200, height: 800 }, [laptop])).toEqual({ width: 1200, height: 800 });
  });

  // main.ts reads window-state.json from disk: an edited or foreign file must not reach the window.
  it('falls back to the default size for a state file that does not hold numbers', () => {
    for (const saved of [{}, { width: 'wide', height: 'tall' }, { x: 0, y: 0, width: null, height: 900 }]) {
      expect(restoreBounds(saved as unknown as WindowBounds, [laptop])).toEqual(DEFAULT_BOUNDS);
    }
  });
});

describe('navigation and start-up failures', () => {
  it('lets a frame go only to the app or the print page, whether by link, script or redirect', () => {
    expect(isAllowedNavigation(APP_ENTRY)).toBe(true);
    expect(isAllowedNavigation(REPORT_URL)).toBe(true);
    for (const url of ['https://example.org/', 'file:///etc/passwd', 'devtools://devtools/bundled/devtools_app.html', `${REPORT_URL}?x=1`, 'about:blank', 'data:text/html,hi']) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
  });

  it('names the database, the reason and what to do when the app cannot start', () => {
    const text = startFailureText('/home/ana/.config/CDT Workbench/cdt-workbench.sqlite', new Error('The file is not a CDT Workbench database.'), null);
    expect(text).toContain('The database /home/ana/.config/CDT Workbench/cdt-workbench.sqlite could not be opened');
    expect(text).toContain('The file is not a CDT Workbench database.');
    expect(text).toContain('Move the file aside');
    expect(text).not.toContain('details of this fault');
    expect(startFailureText('x.sqlite', new TypeError('boom'), '/tmp/logs/cdt-workbench.log')).toContain('The details of this fault are in /tmp/logs/cdt-workbench.log.');
  });
});

describe("the room's window options", () => {
  it("harden the projector's window exactly as the main window, and open it on the room's page", () => {
    expect(roomWindowOptions('/p.cjs').webPreferences).toEqual(mainWindowOptions('/p.cjs').webPreferences);
    expect(ROOM_ENTRY).toBe(`${APP_ENTRY}#room`);
    expect(isAppUrl(ROOM_ENTRY)).toBe(true);
  });
});
