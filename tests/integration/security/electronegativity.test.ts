import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatVerdict, inlineSuppressions, judge, parseAllowList, parseSarif, withSource, type AllowList, type Finding } from '../../support/sarif';
import { tempDir } from '../../support/temp';

// Electronegativity always exits 0, so this test reads its SARIF report and fails on every
// finding that security/electronegativity-allow.json does not explain.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ALLOW_LIST = 'security/electronegativity-allow.json';
/** What is scanned: the code that ships (main process, preload, renderer, shared) and package.json. */
const SCANNED = ['electron', 'renderer', 'shared', 'package.json'];
const SCANNED_EXTENSIONS = /\.(js|jsx|ts|tsx|html|htm)$/;
/** Extensions Electronegativity skips without a word; none may appear in the scanned folders. */
const SKIPPED_EXTENSIONS = /\.(mjs|cjs|mts|cts)$/;
/** A deliberately insecure window, staged beside the code: proves the scanner runs, reads TypeScript and reports. */
const CANARY = '__canary__/insecure-window.ts';
const CANARY_SOURCE = `import { BrowserWindow } from 'electron';

export const canary = new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: false } });
`;
const CANARY_CHECKS = ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK'];

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const cli = join(packageDir, (require('@doyensec/electronegativity/package.json') as { bin: { electronegativity: string } }).bin.electronegativity);
const electronVersion = (require('electron/package.json') as { version: string }).version;
const offline = pathToFileURL(fileURLToPath(new URL('../../support/electronegativity-offline.mjs', import.meta.url))).href;

const temp = tempDir('cdt-electronegativity-');
const stage = join(temp.dir, 'scan');
let allowList: AllowList;
let findings: Finding[];
let files: { file: string; text: string }[];

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    return entry.isDirectory() ? listFiles(dir, rel) : [rel];
  });
}

beforeAll(() => {
  allowList = parseAllowList(JSON.parse(readFileSync(join(ROOT, ALLOW_LIST), 'utf8')));
  // A copy of exactly what ships, so that the report's paths are the repository's and
  // tests/, out/ and the rest stay out of the scan.
  for (const path of SCANNED) cpSync(join(ROOT, path), join(stage, path), { recursive: true });
  mkdirSync(join(stage, dirname(CANARY)), { recursive: true });
  writeFileSync(join(stage, CANARY), CANARY_SOURCE);
  files = listFiles(stage)
    .filter((file) => SCANNED_EXTENSIONS.test(file) && file !== CANARY)
    .map((file) => ({ file, text: readFileSync(join(stage, file), 'utf8') }));

  const sarifPath = join(temp.dir, 'electronegativity.sarif');
  const excluded = allowList.excludedChecks.map((c) => c.check);
  const run = spawnSync(
    process.execPath,
    [
      '--import', offline, cli,
      '-i', stage, '-o', sarifPath, '-r',
      // The installed Electron, not a guess from package.json's range.
      '-e', electronVersion,
      ...(excluded.length > 0 ? ['-x', excluded.join(',')] : []),
    ],
    { encoding: 'utf8', timeout: 150_000, env: { ...process.env, LANG: 'en-US', FORCE_COLOR: '0' } },
  );
  if (run.status !== 0 || !existsSync(sarifPath)) {
    throw new Error(`Electronegativity did not produce a report (exit ${run.status}, ${run.error?.message ?? 'no spawn error'}):\n${run.stdout}\n${run.stderr}`);
  }
  const read = (file: string): string | undefined => (existsSync(join(stage, file)) ? readFileSync(join(stage, file), 'utf8') : undefined);
  findings = withSource(parseSarif(JSON.parse(readFileSync(sarifPath, 'utf8')), stage), read);
}, 180_000);

afterAll(() => temp.cleanup());

describe('Electronegativity', () => {
  it('reads every file of the code: none it would skip, none it cannot parse', () => {
    expect(listFiles(stage).filter((f) => SKIPPED_EXTENSIONS.test(f))).toEqual([]);
    // With a SARIF output the CLI drops parse errors silently and skips the file: parse
    // every file with its own parser, the way its runner does, to know none was skipped.
    const { Parser } = require(join(packageDir, 'dist/parser/parser.js')) as {
      Parser: new (babelFirst: boolean, typescriptBabelFirst: boolean) => { parse(name: string, content: Buffer): [unknown, unknown] };
    };
    const parser = new Parser(false, true);
    const unreadable = files.flatMap(({ file }) => {
      try {
        return parser.parse(file, readFileSync(join(stage, file)))[1] ? [] : [`${file}: no syntax tree`];
      } catch (error) {
        return [`${file}: ${(error as Error).message}`];
      }
    });
    expect(unreadable).toEqual([]);
    expect(files.length).toBeGreaterThan(20);
  });

  it('still reports a deliberately insecure window staged beside the code', () => {
    const canary = findings.filter((f) => f.file === CANARY).map((f) => f.check);
    expect(canary).toEqual(expect.arrayContaining(CANARY_CHECKS));
  });

  it('finds nothing that the allow-list does not explain, and every entry of the list still explains a finding', () => {
    const verdict = judge(findings.filter((f) => f.file !== CANARY), allowList.allow);
    const report = formatVerdict(verdict, ALLOW_LIST);
    if (report !== '') expect.fail(`\n${report}`);
  });

  it('is never silenced in the code (eng-disable comments): the allow-list is the one place for reasons', () => {
    expect(inlineSuppressions(files)).toEqual([]);
  });
});
