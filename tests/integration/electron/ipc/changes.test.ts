import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch, type Desktop } from '../../../../electron/ipc/handlers';
import { watchDatabase } from '../../../../electron/ipc/changes';
import { openWorkbench } from '../../../../electron/workbench';
import { createRun } from '../../../../electron/workflow/runs';
import { SAMPLE_EXERCISE, SCENARIOS_DIR, SEEDS_DIR, tempDir } from '../../../support/temp';
import type { DataChange } from '../../../../shared/ipc/contract';

const temp = tempDir();
afterAll(temp.cleanup);

describe('the change channel', () => {
  const file = join(temp.dir, 'app.sqlite');
  const wb = openWorkbench(file, SEEDS_DIR, SCENARIOS_DIR);
  const announced: DataChange[] = [];
  const none = () => {
    throw new Error('no dialogs here');
  };
  const desktop: Desktop = {
    writeClipboard: none, chooseSaveFile: none, chooseOpenFile: none, chooseExchangeFiles: none, chooseFolder: none, printPdf: none,
    announceChange: (change) => announced.push(change),
  };
  const handlers = createHandlers(wb.db, desktop, { sampleExercise: SAMPLE_EXERCISE });

  it('tells the windows after an action changed what is stored, and not after a read or a refusal', async () => {
    expect(await dispatch(handlers, 'runs:create', { name: 'A run' })).toMatchObject({ ok: true });
    expect(announced).toEqual([{ origin: 'window' }]);
    await dispatch(handlers, 'runs:list', {});
    await dispatch(handlers, 'corpus:search', { query: 'sanctions' });
    expect(await dispatch(handlers, 'runs:rename', { id: 'no-such-run', name: 'x' })).toMatchObject({ ok: false });
    expect(announced).toHaveLength(1);
  });

  it('notices a commit by another connection to the same file (the command line, the worker)', async () => {
    const seen: DataChange[] = [];
    const stop = watchDatabase(wb.db, (c) => seen.push(c), 20);
    try {
      await new Promise((r) => setTimeout(r, 80));
      expect(seen).toEqual([]);
      const other = openWorkbench(file, SEEDS_DIR, SCENARIOS_DIR);
      createRun(other.db, 'Written by the command line');
      other.close();
      await expect.poll(() => seen, { timeout: 2_000 }).toEqual([{ origin: 'elsewhere' }]);
      // This connection's own writes are announced by the action, never twice by the watch.
      createRun(wb.db, 'Written here');
      await new Promise((r) => setTimeout(r, 80));
      expect(seen).toHaveLength(1);
    } finally {
      stop();
    }
  });
});
