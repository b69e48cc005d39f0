import { describe, expect, it } from 'vitest';
import {
  formatVerdict, inlineSuppressions, judge, NO_FILE, normaliseFile, parseAllowList, parseSarif, withSource,
  type AllowEntry,
} from '../../support/sarif';

// Shaped like Electronegativity 1.10's SARIF (`-o x.sarif -r`): a rule list, then one result per finding.
const SAMPLE = {
  $schema: 'http://json.schemastore.org/sarif-2.1.0',
  version: '2.1.0',
  runs: [
    {
      tool: { driver: { name: 'Electronegativity', rules: [{ id: 'SANDBOX_JS_CHECK', fullDescription: { text: 'Use sandbox for untrusted origins' } }] } },
      results: [
        {
          ruleId: 'CONTEXT_ISOLATION_JS_CHECK',
          level: 'warning',
          message: { text: 'Review the use of the contextIsolation option' },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'electron/main.ts' }, region: { startLine: 3, startColumn: 18 } } }],
        },
        {
          ruleIndex: 0,
          level: 'warning',
          locations: [{ physicalLocation: { artifactLocation: { uri: 'electron/extra.ts' }, region: { startLine: 2, startColumn: 1 } } }],
        },
        {
          ruleId: 'CSP_GLOBAL_CHECK',
          level: 'warning',
          message: { text: 'No CSP has been detected in the target application' },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'file:///' }, region: { startLine: 1, startColumn: 1 } } }],
        },
      ],
    },
  ],
};

const SOURCES: Record<string, string> = {
  'electron/main.ts': "import { BrowserWindow } from 'electron';\n\nconst win = new BrowserWindow(mainWindowOptions(preload));\n",
  'electron/extra.ts': "// a second window\nnew BrowserWindow({ webPreferences: { sandbox: false } });\n",
};

const REASON = 'The options come from mainWindowOptions(), whose values the unit tests assert.';
const ALLOW = {
  excludedChecks: [{ check: 'AvailableSecurityFixesGlobalCheck', justification: 'Needs the network to list Electron releases; the tests never use it.' }],
  allow: [
    { check: 'CONTEXT_ISOLATION_JS_CHECK', file: 'electron/main.ts', code: 'new BrowserWindow(mainWindowOptions(', justification: REASON },
    { check: 'AUXCLICK_JS_CHECK', file: 'electron/main.ts', code: 'new BrowserWindow(mainWindowOptions(', justification: REASON },
    { check: 'CSP_GLOBAL_CHECK', file: NO_FILE, justification: 'A sample entry for a global finding that names no file at all.' },
  ],
};

const findings = () => withSource(parseSarif(SAMPLE), (file) => SOURCES[file]);

describe('reading Electronegativity SARIF', () => {
  it('gives check, file, line, message and the flagged source line of each result', () => {
    expect(findings()).toEqual([
      {
        check: 'CONTEXT_ISOLATION_JS_CHECK', file: 'electron/main.ts', line: 3, level: 'warning',
        message: 'Review the use of the contextIsolation option', source: 'const win = new BrowserWindow(mainWindowOptions(preload));',
      },
      // No ruleId: the check and the message come from the rule the result points at.
      {
        check: 'SANDBOX_JS_CHECK', file: 'electron/extra.ts', line: 2, level: 'warning',
        message: 'Use sandbox for untrusted origins', source: "new BrowserWindow({ webPreferences: { sandbox: false } });",
      },
      { check: 'CSP_GLOBAL_CHECK', file: NO_FILE, line: 1, level: 'warning', message: 'No CSP has been detected in the target application' },
    ]);
  });

  it('refuses what is not a SARIF log', () => {
    expect(() => parseSarif({})).toThrow(/no "runs" array/);
    expect(() => parseSarif({ runs: [{ results: 'none' }] })).toThrow(/runs\[0\]\.results/);
    expect(parseSarif({ runs: [{ tool: {} }] })).toEqual([]);
  });

  it.each([
    ['electron/main.ts', '', 'electron/main.ts'],
    ['./electron/main.ts', '', 'electron/main.ts'],
    ['electron\\main.ts', '', 'electron/main.ts'],
    ['file:///tmp/scan/electron/main.ts', '/tmp/scan', 'electron/main.ts'],
    ['file:///C:/scan/electron/main.ts', 'C:\\scan\\', 'electron/main.ts'],
    ['file:///tmp/scan%20dir/a.ts', '/tmp/scan dir', 'a.ts'],
    ['file:///', '', NO_FILE],
    ['', '', NO_FILE],
  ])('names %s as %s-relative %s', (uri, root, file) => {
    expect(normaliseFile(uri, root)).toBe(file);
  });
});

describe('holding findings against the allow-list', () => {
  it('explains the listed finding, reports the unlisted one, and the entry that matches nothing as stale', () => {
    const list = parseAllowList(ALLOW);
    const verdict = judge(findings(), list.allow);
    expect(verdict.explained.map((e) => [e.finding.check, e.entry.check])).toEqual([
      ['CONTEXT_ISOLATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK'],
      ['CSP_GLOBAL_CHECK', 'CSP_GLOBAL_CHECK'],
    ]);
    expect(verdict.unexplained.map((f) => `${f.check} ${f.file}:${f.line}`)).toEqual(['SANDBOX_JS_CHECK electron/extra.ts:2']);
    expect(verdict.stale.map((e) => e.check)).toEqual(['AUXCLICK_JS_CHECK']);

    const report = formatVerdict(verdict, 'security/electronegativity-allow.json');
    expect(report).toContain('1 finding(s) not explained in security/electronegativity-allow.json');
    expect(report).toContain('SANDBOX_JS_CHECK  electron/extra.ts:2  [warning] Use sandbox for untrusted origins');
    expect(report).toContain('> new BrowserWindow({ webPreferences: { sandbox: false } });');
    expect(report).toContain('1 allow-list entry(ies) in security/electronegativity-allow.json no longer match any finding');
    expect(report).toContain('AUXCLICK_JS_CHECK  electron/main.ts  (code "new BrowserWindow(mainWindowOptions(")');
  });

  it('reports nothing when every finding is explained and every entry used', () => {
    const allow: AllowEntry[] = [
      { check: 'CONTEXT_ISOLATION_JS_CHECK', file: 'electron/main.ts', line: 3, justification: REASON },
      { check: 'SANDBOX_JS_CHECK', file: 'electron/extra.ts', justification: REASON },
      { check: 'CSP_GLOBAL_CHECK', file: NO_FILE, justification: REASON },
    ];
    expect(formatVerdict(judge(findings(), allow), 'list.json')).toBe('');
  });

  it('needs the check, the file, the line and the code, when given, to agree', () => {
    const [finding] = findings();
    const entry = { check: 'CONTEXT_ISOLATION_JS_CHECK', file: 'electron/main.ts', justification: REASON };
    const explains = (e: AllowEntry) => judge([finding!], [e]).unexplained.length === 0;
    expect(explains(entry)).toBe(true);
    expect(explains({ ...entry, check: 'SANDBOX_JS_CHECK' })).toBe(false);
    expect(explains({ ...entry, file: 'electron/window.ts' })).toBe(false);
    expect(explains({ ...entry, line: 3 })).toBe(true);
    expect(explains({ ...entry, line: 4 })).toBe(false);
    // The window is now built from a literal, not from mainWindowOptions(): the reason no longer holds.
    expect(explains({ ...entry, code: 'new BrowserWindow({' })).toBe(false);
    // Without the source line, an entry that needs code cannot match.
    expect(judge(parseSarif(SAMPLE).slice(0, 1), [{ ...entry, code: 'mainWindowOptions' }]).unexplained).toHaveLength(1);
  });
});

describe('the allow-list file', () => {
  it('reads entries and excluded checks', () => {
    const list = parseAllowList(ALLOW);
    expect(list.allow).toHaveLength(3);
    expect(list.allow[0]).toEqual(ALLOW.allow[0]);
    expect(list.excludedChecks).toEqual(ALLOW.excludedChecks);
  });

  it('lists every problem at once: missing or thin justification, unknown keys, bad lines, bad check names', () => {
    const bad = {
      allow: [
        { check: 'SANDBOX_JS_CHECK', file: 'electron/main.ts' },
        { check: 'SANDBOX_JS_CHECK', file: 'electron/main.ts', justification: 'fine' },
        { check: 'SANDBOX_JS_CHECK', file: 'electron/main.ts', lines: 3, justification: REASON },
        { check: '', file: 'electron/main.ts', line: 0, justification: REASON },
        'SANDBOX_JS_CHECK',
      ],
      excludedChecks: [{ check: 'AVAILABLE SECURITY FIXES', justification: REASON }],
    };
    let message = '';
    try {
      parseAllowList(bad);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n').slice(1).map((l) => l.trim())).toEqual([
      'allow[0]: "justification" must be a non-empty string.',
      'allow[1]: the justification must explain why (at least 40 characters).',
      'allow[2]: unknown key "lines".',
      'allow[3]: "check" must be a non-empty string.',
      'allow[3]: "line" must be a positive integer.',
      'allow[4] must be an object.',
      'excludedChecks[0]: "check" must be a check\'s class name, e.g. AvailableSecurityFixesGlobalCheck.',
    ]);
    expect(() => parseAllowList([])).toThrow(/JSON object/);
  });
});

describe('inline suppressions', () => {
  it('finds eng-disable comments in code and HTML', () => {
    const files = [
      { file: 'electron/main.ts', text: 'const a = 1;\nnew BrowserWindow(opts); // eng-disable SANDBOX_JS_CHECK\n' },
      { file: 'renderer/index.html', text: '<!-- eng-disable CSP_GLOBAL_CHECK -->\n<p>ok</p>' },
      { file: 'shared/x.ts', text: 'export const engine = "disabled";\n' },
    ];
    expect(inlineSuppressions(files)).toEqual([
      'electron/main.ts:2: new BrowserWindow(opts); // eng-disable SANDBOX_JS_CHECK',
      'renderer/index.html:1: <!-- eng-disable CSP_GLOBAL_CHECK -->',
    ]);
  });
});
