import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../support/temp';
import { databaseProblem } from '../../../../electron/db/errors';

describe("SQLite's refusals as the user's to act on", () => {
  it('says what a busy, full, read-only or damaged database means, and leaves faults to the log', () => {
    const sqliteError = (code: string) => Object.assign(new Error('SQLite says'), { code });
    expect(databaseProblem(sqliteError('SQLITE_BUSY'), '/data/cdt.sqlite')?.message).toBe(
      'The database /data/cdt.sqlite is busy: another program (the app, or another command) held it for more than 5 seconds. Nothing was changed; try again.',
    );
    expect(databaseProblem(sqliteError('SQLITE_IOERR_WRITE'), '')?.message).toMatch(/^This database could not be read or written/);
    expect(databaseProblem(sqliteError('SQLITE_FULL'), 'x.sqlite')?.message).toMatch(/the disk is full/);
    // A constraint or a syntax error is a bug of ours, not something the user can fix.
    expect(databaseProblem(sqliteError('SQLITE_CONSTRAINT_PRIMARYKEY'), 'x.sqlite')).toBeNull();
    expect(databaseProblem(new TypeError('x is undefined'), 'x.sqlite')).toBeNull();
  });

  it('recognises a real busy database', () => {
    const temp = tempDir();
    const file = join(temp.dir, 'busy.sqlite');
    const holder = new Database(file);
    holder.pragma('journal_mode = WAL');
    holder.exec('CREATE TABLE t (x)');
    holder.exec('BEGIN IMMEDIATE');
    const other = new Database(file, { timeout: 10 });
    try {
      expect(() => other.exec('BEGIN IMMEDIATE')).toThrow();
      let caught: unknown;
      try {
        other.exec('BEGIN IMMEDIATE');
      } catch (error) {
        caught = error;
      }
      expect(databaseProblem(caught, file)?.message).toContain('is busy');
    } finally {
      other.close();
      holder.exec('ROLLBACK');
      holder.close();
      temp.cleanup();
    }
  });
});
