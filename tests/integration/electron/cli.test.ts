import { execFileSync } from 'node:child_process';
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
    expect(Object.keys(toolbox.paragraphs[0]).sort()).toEqual(['anchor', 'inferred', 'kind', 'number', 'text']);
    expect(toolbox.footnotes[0]).toEqual({ n: 1, text: expect.any(String) });
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

  it('runs as `npm run cli`', () => {
    const out = execFileSync('npm', ['run', '--silent', 'cli', '--', 'search', 'modstandsdygtighed', '--json', '--db', dbPath], {
      encoding: 'utf8',
    });
    expect(JSON.parse(out).hits[0].docRef).toBe('7290/21');
  }, 60_000);
});
