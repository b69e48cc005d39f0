import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { tempDir } from '../../support/temp';

const temp = tempDir();
const dbPath = join(temp.dir, 'cli.sqlite');
afterAll(temp.cleanup);

function cli(...args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCli([...args, '--db', dbPath], { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
  return { code, out, err };
}

describe('cdt command line', () => {
  it('corpus --json lists documents with paragraphs and footnotes in the documented shape', () => {
    const { code, out } = cli('corpus', '--json');
    expect(code).toBe(0);
    const corpus = JSON.parse(out);
    expect(corpus).toHaveLength(5);
    const toolbox = corpus.find((d: { docRef: string; lang: string }) => d.docRef === '10474/17' && d.lang === 'lv');
    expect(Object.keys(toolbox).sort()).toEqual(['adopted', 'docRef', 'footnotes', 'lang', 'paragraphs', 'title']);
    expect(Object.keys(toolbox.paragraphs[0]).sort()).toEqual(['anchor', 'footnoteMarks', 'footnotes', 'inferred', 'kind', 'number', 'text']);
    expect(toolbox.footnotes[0]).toEqual({ n: 1, text: '12109/13.', anchor: 'p1', inferred: false });
  });

  it('corpus --json lists each paragraph in source order, closing words after the items, with its footnotes', () => {
    type Para = { anchor: string; kind: string; footnotes: number[] };
    const corpus = JSON.parse(cli('corpus', '--json').out) as { docRef: string; paragraphs: Para[]; footnotes: { n: number; inferred: boolean }[] }[];
    const doc = (docRef: string) => corpus.find((d) => d.docRef === docRef)!;
    const resilience = doc('10119/24').paragraphs;
    const at = resilience.findIndex((p) => p.anchor === 'p6');
    expect(resilience.slice(at, at + 6).map((p) => [p.anchor, p.kind, p.footnotes])).toEqual([
      ['p6', 'paragraph', [2]],
      ['p6.i1', 'indent', [3]],
      ['p6.i2', 'indent', []],
      ['p6.i3', 'indent', []],
      ['p6.closing', 'closing', [4, 5]],
      ['p7', 'paragraph', []],
    ]);
    expect(doc('10119/24').footnotes.filter((f) => f.inferred).map((f) => f.n)).toEqual([6, 7, 8]);
    const strategy = doc('7290/21').paragraphs;
    expect(strategy.slice(2, 21).map((p) => [p.anchor, p.footnotes])).toEqual([
      ['r1', []],
      ...Array.from({ length: 17 }, (_, i) => [`r1.i${i + 1}`, [i + 1]]),
      ['r1.closing', [18]],
    ]);
    expect(doc('10474/17').paragraphs.filter((p) => p.footnotes.length > 0).map((p) => [p.anchor, p.footnotes])).toEqual([
      ['p1', [1, 2]],
      ['p3', [3, 4]],
    ]);
  });

  it('show fnN prints the footnote, the paragraph that carries it, and an inferred number', () => {
    const { code, out } = cli('show', '10474/17', 'fn3', '--lang', 'nl');
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toEqual(['10474/17 fn3 (nl)', 'A/68/98 en A/70/174.', 'Its marker stands in p3.']);
    expect(cli('show', '10119/24', 'fn7').out).toContain('10119/24 fn7 (nl) [number inferred]');
    expect(JSON.parse(cli('show', '10474/17', 'fn1', '--json').out)).toEqual([
      { docRef: '10474/17', lang: 'lv', n: 1, text: '12109/13.', anchor: 'p1', inferred: false },
      { docRef: '10474/17', lang: 'nl', n: 1, text: 'Doc. 12109/13.', anchor: 'p1', inferred: false },
    ]);
    expect(cli('show', '10474/17', 'fn9')).toMatchObject({ code: 1, err: expect.stringContaining('No footnote 9 in 10474/17') });
  });

  it('show prints a paragraph with the footnotes its markers call', () => {
    const { out } = cli('show', '10474/17', 'p1', '--lang', 'nl');
    expect(out).toContain('\n  fn1: Doc. 12109/13.\n  fn2: Doc. 6122/15.\n');
    expect(JSON.parse(cli('show', '10474/17', 'p3', '--lang', 'lv', '--json').out)[0].notes.map((f: { n: number }) => f.n)).toEqual([3, 4]);
  });

  it('show prints one paragraph verbatim in each language', () => {
    const { code, out } = cli('show', '10474/17', 'p5.i5');
    expect(code).toBe(0);
    expect(out).toContain('10474/17 p5.i5 (nl)');
    expect(out).toContain('10474/17 p5.i5 (lv)');
    expect(out).toMatch(/samērība/);
    expect(cli('show', '10474/17', 'p5.i5', '--lang', 'lv').out).not.toContain('(nl)');
  });

  it('show says so when the anchor does not exist', () => {
    const { code, err } = cli('show', '10474/17', 'p99');
    expect(code).toBe(1);
    expect(err).toContain('No paragraph p99 in 10474/17');
  });

  it('search --json returns {query, total, hits} with highlighted snippets', () => {
    const { code, out } = cli('search', 'sameriba', '--lang', 'lv', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.query).toBe('sameriba');
    expect(result.total).toBeGreaterThan(0);
    expect(result.hits[0]).toMatchObject({ docRef: '10474/17', lang: 'lv', anchor: 'p5.i5' });
    expect(result.hits[0].snippet).toContain('**samērība**');
  });

  it('explains bad input instead of crashing', () => {
    expect(cli('search', '"').err).toMatch(/type at least one word/);
    expect(cli('search', 'x', '--lang', 'fr')).toMatchObject({ code: 2, err: expect.stringMatching(/--lang must be one of nl, lv, da/) });
    expect(cli('search', 'x', '--limit', 'many').err).toMatch(/--limit must be a whole number/);
    expect(cli('frobnicate').err).toMatch(/Unknown command "frobnicate"/);
  });

  it('assess --json gives the documented shape for an attempt on a State function', () => {
    const file = join(temp.dir, 'attempt.json');
    const low = { scope: 1, scale: 1, duration: 1, intensity: 1, complexity: 1, sophistication: 2, impact: 1 };
    writeFileSync(file, JSON.stringify({
      dimensions: low,
      attribution: { status: 'skipped' },
      attempt: { potential: { ...low, intensity: 3, impact: 3 } },
      external: true,
      actorsIdentified: true,
      targets: ['state-functions'],
    }));
    const { code, out } = cli('assess', file, '--json');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(Object.keys(result).sort()).toEqual(['categories', 'facts', 'formula', 'level', 'measures', 'parts', 'profile', 'whatWouldChange']);
    expect(result.formula).toContain('max(1, 3)');
    const restrictive = result.categories.find((c: { id: string }) => c.id === 'restrictive');
    expect(restrictive.proportionate).toBe(true);
    const support = result.measures.find((m: { id: string }) => m.id === 'support-lawful-responses');
    expect(support).toMatchObject({ category: 'support', allowed: false });
    expect(support.reasons.join(' ')).toMatch(/attribution to a State/i);
  });

  it('assess opens no listing when the attribution names no one, and says what is missing, what the level rests on and what would change it', () => {
    const file = join(temp.dir, 'unnamed.json');
    // An external intrusion into a ministry that stole data, attributed to a State that is not named.
    writeFileSync(file, JSON.stringify({
      dimensions: { scope: 1, scale: 1, duration: 2, intensity: 2, complexity: 2, sophistication: 2, impact: 2 },
      attribution: { status: 'attributed', actorType: 'state', actorNamed: false },
      external: true,
      actorsIdentified: false,
      targets: ['state-functions'],
    }));
    const json = JSON.parse(cli('assess', file, '--json').out);
    expect(json.level).toBe(3);
    expect(json.parts.find((p: { id: string }) => p.id === 'sanctions-floor')).toMatchObject({ level: 3, decisive: true });
    expect(json.categories.find((c: { id: string }) => c.id === 'restrictive')).toMatchObject({ proportionate: true, available: false });
    const travelBan = json.measures.find((m: { id: string }) => m.id === 'travel-ban');
    expect(travelBan.allowed).toBe(false);
    expect(travelBan.reasons).toContain(
      'Restrictive measures need responsible persons or entities identified: no one is recorded as identified, and the attribution names no one.',
    );
    expect(json.whatWouldChange.close.options.map((o: { change: { kind: string } }) => o.change.kind)).toEqual(['rating', 'external', 'target']);
    const { code, out } = cli('assess', file);
    expect(code).toBe(0);
    expect(out).toMatch(/^Overall level 3, the highest of four figures, from \(4\) the cyber sanctions regime's floor; without it, \(1\) to \(3\) give 2\./);
    expect(out).toContain('  Persons or entities identified: No: no one is recorded as identified, and the attribution names no one.\n');
    expect(out).toContain('  External threat: Yes: recorded as an external threat to the Union or its member states.\n');
    expect(out).toContain('What would change the outcome:\n');
    expect(out).toContain('  Restrictive measures would no longer be suggested with any one of these changes: intensity 1 instead of 2 (level 2);');
    expect(out).toContain('[x] restrictive (suggested, but no measure of it is allowed):');
    expect(out).toMatch(/^not allowed travel-ban \(restrictive\): /m);
  });

  it('assess names the file, the field and what was expected', () => {
    const file = join(temp.dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ dimensions: { scope: 7 }, attribution: { status: 'maybe' } }));
    const { code, err } = cli('assess', file);
    expect(code).toBe(1);
    expect(err).toContain(`${file} is not a valid assessment`);
    expect(err).toContain('dimensions.scope: expected an integer from 0 to 4, got 7');
    expect(err).toContain('attribution.status: expected "attributed" or "skipped", got "maybe"');
    writeFileSync(file, '{"dimensions": ');
    expect(cli('assess', file).err).toMatch(/bad\.json: not valid JSON/);
    expect(cli('assess', join(temp.dir, 'missing.json')).err).toMatch(/missing\.json: there is no such file/);
  });

  it('creates a database only in a folder that exists, and says so; reading commands leave it as it was', () => {
    const io = () => {
      const lines = { out: '', err: '' };
      return { lines, io: { out: (t: string) => void (lines.out += t + '\n'), err: (t: string) => void (lines.err += t + '\n') } };
    };
    const missing = join(temp.dir, 'no-such-folder', 'typo.sqlite');
    const first = io();
    expect(runCli(['exercise', 'list', '--db', missing], first.io)).toBe(1);
    expect(first.lines.err).toMatch(/no-such-folder/);
    expect(existsSync(join(temp.dir, 'no-such-folder'))).toBe(false);
    const fresh = join(temp.dir, 'fresh.sqlite');
    const created = io();
    expect(runCli(['exercise', 'list', '--json', '--db', fresh], created.io)).toBe(0);
    expect(created.lines.err).toBe(`Created a new database at ${fresh}.\n`);
    expect(JSON.parse(created.lines.out)).toEqual([]);
    const before = readFileSync(fresh);
    const again = io();
    expect(runCli(['search', 'proportionality', '--db', fresh], again.io)).toBe(0);
    expect(again.lines.err).toBe('');
    expect(readFileSync(fresh).equals(before)).toBe(true);
  });

  it('runs as `npm run cli`', () => {
    const out = execFileSync('npm', ['run', '--silent', 'cli', '--', 'search', 'modstandsdygtighed', '--json', '--db', dbPath], {
      encoding: 'utf8',
    });
    expect(JSON.parse(out).hits[0].docRef).toBe('7290/21');
  }, 60_000);
});
