import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { openWorkbench } from '../../../electron/workbench';
import { exportExercise, packageText } from '../../../electron/exercise/package';
import { dumpDatabase } from '../../support/db';
import { populatedExercise } from '../../support/exercise';
import { SCENARIOS_DIR, SEEDS_DIR, tempDir } from '../../support/temp';

// Every way a file comes in or goes out of the command line, tried as a careless user and a
// hostile package author would: no stack trace, no hang, nothing changed that was not asked for.

const temp = tempDir();
const db = join(temp.dir, 'workbench.sqlite');
const logDir = join(temp.dir, 'logs');
let exerciseId = '';
let packageFile = '';

beforeAll(() => {
  const wb = openWorkbench(db, SEEDS_DIR, SCENARIOS_DIR);
  exerciseId = populatedExercise(wb.db).id;
  packageFile = join(temp.dir, 'cold-ward.cdt-exercise.json');
  writeFileSync(packageFile, packageText(exportExercise(wb.db, exerciseId)));
  wb.close();
});
afterAll(temp.cleanup);

function cli(...args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCli([...args, '--db', db], { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n'), logDir });
  return { code, out, err };
}

/** What the database holds, read through SQLite (a file written over would no longer open), and its bytes. */
function databaseContent(): string {
  const handle = new Database(db, { readonly: true });
  try {
    return `${createHash('sha256').update(readFileSync(db)).digest('hex')}\n${dumpDatabase(handle)}`;
  } finally {
    handle.close();
  }
}
const partialsIn = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith('.partial'));

describe('outputs never destroy what the user did not name', () => {
  it('refuses to write a report or a package over the open database or its journal files', () => {
    for (const target of [db, `${db}-wal`, `${db}-shm`, join(temp.dir, '.', 'workbench.sqlite')]) {
      const before = databaseContent();
      for (const args of [['report', exerciseId, '--format', 'md', '--out', target], ['exercise', 'export', exerciseId, '--out', target]]) {
        const result = cli(...args);
        expect(result).toMatchObject({ code: 1, out: '' });
        expect(result.err).toContain('is the database CDT Workbench has open');
        expect(result.err).toContain('Nothing was written.');
      }
      expect(databaseContent()).toEqual(before);
    }
    // The database still opens and holds its exercise.
    expect(JSON.parse(cli('exercise', 'list', '--json').out)).toHaveLength(1);
  });

  it('refuses a hard link to the database, a symbolic link, a folder, a FIFO and a missing folder, leaving no partial file', () => {
    const link = join(temp.dir, 'looks-harmless.md');
    execFileSync('ln', [db, link]);
    const symlink = join(temp.dir, 'report-link.md');
    const pointedAt = join(temp.dir, 'precious.txt');
    writeFileSync(pointedAt, 'keep me');
    symlinkSync(pointedAt, symlink);
    const folder = join(temp.dir, 'a-folder');
    mkdirSync(folder);
    const fifo = join(temp.dir, 'a-fifo');
    execFileSync('mkfifo', [fifo]);
    const cases: [string, RegExp][] = [
      [link, /is the database CDT Workbench has open/],
      [symlink, /is a symbolic link/],
      [folder, /is a folder/],
      [fifo, /is not a regular file/],
      [join(temp.dir, 'no-such-folder', 'report.md'), /the folder .*no-such-folder does not exist/],
    ];
    for (const [target, message] of cases) {
      const result = cli('report', exerciseId, '--format', 'md', '--out', target);
      expect(result.code, target).toBe(1);
      expect(result.err).toMatch(message);
      expect(result.err).not.toMatch(/\n\s+at /); // no stack trace
    }
    expect(readFileSync(pointedAt, 'utf8')).toBe('keep me');
    expect(lstatSync(symlink).isSymbolicLink()).toBe(true);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(existsSync(join(temp.dir, 'no-such-folder'))).toBe(false);
    expect(partialsIn(temp.dir)).toEqual([]);
    expect(partialsIn(folder)).toEqual([]);
  });

  it('writes a report whole to an ordinary file, replacing an older one', () => {
    const out = join(temp.dir, 'report.md');
    writeFileSync(out, 'an older report');
    expect(cli('report', exerciseId, '--format', 'md', '--out', out)).toMatchObject({ code: 0, err: '' });
    expect(readFileSync(out, 'utf8')).toContain('# After-action report: Cold Ward, table 1');
    expect(partialsIn(temp.dir)).toEqual([]);
  });
});

describe('inputs are read as hostile files', () => {
  const refused = (file: string, message: RegExp, command: string[] = ['exercise', 'import']): void => {
    const before = databaseContent();
    const result = cli(...command, file);
    expect(result.code, file).toBe(1);
    expect(result.err.trim().split('\n')).toHaveLength(1);
    expect(result.err).toContain(`${file}: `);
    expect(result.err).toMatch(message);
    expect(databaseContent()).toEqual(before);
  };

  it('refuses devices, pipes and folders without reading them or hanging', () => {
    refused('/dev/zero', /is not a regular file/);
    refused('/dev/null', /is not a regular file/, ['scenario', 'validate']);
    const fifo = join(temp.dir, 'input-fifo');
    execFileSync('mkfifo', [fifo]);
    refused(fifo, /is not a regular file/);
    refused(temp.dir, /is a folder/, ['assess']);
  });

  it('caps the bytes read, not the size a file reports', () => {
    const big = join(temp.dir, 'big.json');
    writeFileSync(big, Buffer.alloc(21 * 1024 * 1024, 0x20));
    refused(big, /larger than 20 MB/);
    refused(big, /larger than 1 MB/, ['assess']);
  });

  it('says what is wrong with the encoding: UTF-16, UTF-32, not text, empty; a UTF-8 byte-order mark is fine', () => {
    const text = readFileSync(packageFile, 'utf8');
    const utf16 = join(temp.dir, 'utf16.json');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    refused(utf16, /is UTF-16 text; save it as UTF-8/);
    const utf16NoBom = join(temp.dir, 'utf16-nobom.json');
    writeFileSync(utf16NoBom, Buffer.from('{"a": 1}', 'utf16le'));
    refused(utf16NoBom, /is UTF-16 text/);
    const utf32 = join(temp.dir, 'utf32.json');
    writeFileSync(utf32, Buffer.from([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0]));
    refused(utf32, /is UTF-32 text/);
    const binary = join(temp.dir, 'binary.json');
    writeFileSync(binary, Buffer.from([0x7b, 0xc3, 0x28, 0x7d]));
    refused(binary, /is not UTF-8 text/);
    const empty = join(temp.dir, 'empty.json');
    writeFileSync(empty, '');
    refused(empty, /is empty/);
    const bom = join(temp.dir, 'bom.json');
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect(cli('exercise', 'import', bom)).toMatchObject({ code: 0, out: expect.stringContaining('Already imported') });
  });

  it('refuses repeated keys and deep nesting, with the line and column, never a stack trace', () => {
    const text = readFileSync(packageFile, 'utf8');
    const repeated = join(temp.dir, 'repeated.json');
    // The forger's trick: the first "name" is what a reviewer reads, the last is what JSON.parse keeps.
    writeFileSync(repeated, text.replace('"name": "Cold Ward, table 1"', '"name": "Cold Ward, table 1", "name": "Something else"'));
    refused(repeated, /the key "name" appears twice in one object \(line \d+, column \d+\)/);
    const escaped = join(temp.dir, 'escaped.json');
    writeFileSync(escaped, '{"format": "x", "\\u0066ormat": "y"}');
    refused(escaped, /the key "format" appears twice/, ['assess']);
    const deep = join(temp.dir, 'deep.json');
    writeFileSync(deep, '['.repeat(20_000) + ']'.repeat(20_000));
    refused(deep, /nested more than 64 levels deep \(line 1, column 65\)/);
    const broken = join(temp.dir, 'broken.json');
    writeFileSync(broken, '{\n  "format": "cdt-exercise-package",\n  "version": 1,,\n}');
    refused(broken, /not valid JSON \(Expected double-quoted property name at line 3, column 16\)/);
  });
});

describe('the command line reads its options strictly', () => {
  it('refuses an unknown or misplaced option as a usage error', () => {
    expect(cli('exercise', 'list', '--jsno')).toMatchObject({ code: 2, err: expect.stringContaining('--jsno is not an option of cdt exercise list') });
    expect(cli('search', 'proportionality', '--out', 'x.md')).toMatchObject({ code: 2, err: expect.stringContaining('--out is not an option of cdt search') });
    expect(cli('exercise', 'import', packageFile, '--run')).toMatchObject({ code: 2, err: expect.stringContaining('--run is not an option') });
    expect(cli('exercise', 'list', '--json=yes')).toMatchObject({ code: 2, err: expect.stringContaining('--json takes no value') });
    expect(cli('report', exerciseId, '--format', 'md', '--out')).toMatchObject({ code: 2, err: expect.stringContaining('--out needs a value') });
    expect(cli('report', exerciseId, '--format', 'md', '--out', join(temp.dir, 'x.md'), '--chromium', '/usr/bin/chromium')).toMatchObject({
      code: 2, err: expect.stringContaining('--chromium applies to --format pdf only'),
    });
  });

  it('still takes options before or after the command and --name=value', () => {
    expect(runCli(['--db', db, 'exercise', 'list', '--json'], { out: () => undefined, err: () => undefined })).toBe(0);
    expect(cli('search', 'sameriba', '--limit=3', '--json').code).toBe(0);
  });
});
