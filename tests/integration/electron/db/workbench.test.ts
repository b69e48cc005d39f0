import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkbench } from '../../../../electron/workbench';
import { listExercises } from '../../../../electron/exercise/exercises';
import { listScenarios } from '../../../../electron/exercise/scenarios';
import { populatedExercise } from '../../../support/exercise';
import { fileState } from '../../../support/database-files';
import { SCENARIOS_DIR, SEEDS_DIR, tempDir } from '../../../support/temp';

const temp = tempDir();
afterAll(temp.cleanup);

describe('opening the workbench', () => {
  const file = join(temp.dir, 'workbench.sqlite');

  it('creates, then opens without writing: corpus, evidence links and bundled scenarios are written only when they differ', () => {
    const first = openWorkbench(file, SEEDS_DIR, SCENARIOS_DIR);
    expect(first.opening).toMatchObject({ created: true, migrated: null, readOnly: false });
    expect(first.corpus).toMatchObject({ rebuilt: true, current: true });
    populatedExercise(first.db, { id: 'ex-1' });
    first.close();

    const before = fileState(file);
    const mtime = statSync(file).mtimeMs;
    const again = openWorkbench(file, SEEDS_DIR, SCENARIOS_DIR);
    expect(again.opening).toMatchObject({ created: false, migrated: null });
    expect(again.corpus).toMatchObject({ rebuilt: false, current: true });
    again.close();
    expect(fileState(file)).toEqual(before);
    expect(statSync(file).mtimeMs).toBe(mtime);
  });

  it('lists exercises read-only, leaving the file, its mtime and its absent -wal and -shm as they were', () => {
    const before = fileState(file);
    const mtime = statSync(file).mtimeMs;
    const wb = openWorkbench(file, SEEDS_DIR, SCENARIOS_DIR, { readOnly: true });
    expect(wb.opening.readOnly).toBe(true);
    expect(wb.corpus).toMatchObject({ rebuilt: false, current: true });
    expect(listExercises(wb.db).map((e) => e.id)).toEqual(['ex-1']);
    expect(listScenarios(wb.db).length).toBeGreaterThan(0);
    wb.close();
    expect(fileState(file)).toEqual(before);
    expect(before).toMatchObject({ wal: false, shm: false });
    expect(statSync(file).mtimeMs).toBe(mtime);
  });

  it('refuses a mistyped path instead of creating a database and its folders', () => {
    expect(() => openWorkbench(join(temp.dir, 'no-such-folder', 'db.sqlite'), SEEDS_DIR)).toThrow(/does not exist/);
    expect(() => openWorkbench(join(temp.dir, 'missing.sqlite'), SEEDS_DIR, undefined, { readOnly: true })).toThrow(/There is no database/);
  });
});
