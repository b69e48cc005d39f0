import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch, type Desktop } from '../../../../electron/ipc/handlers';
import { openWorkbench } from '../../../../electron/workbench';
import { populatedExercise } from '../../../support/exercise';
import { saveScenarioWithObjectives } from '../../../support/objectives';
import { SAMPLE_EXERCISE, SCENARIOS_DIR, SEEDS_DIR, tempDir } from '../../../support/temp';
import type { DataChange } from '../../../../shared/ipc/contract';
import { buildBridge, apiOver } from '../../../../shared/ipc/contract';

const temp = tempDir();
afterAll(temp.cleanup);

describe('rating objectives over IPC', () => {
  const wb = openWorkbench(join(temp.dir, 'app.sqlite'), SEEDS_DIR, SCENARIOS_DIR);
  saveScenarioWithObjectives(wb.db);
  const exercise = populatedExercise(wb.db, { scenarioId: 'hospital-objectives' });
  const announced: DataChange[] = [];
  const none = () => {
    throw new Error('no dialogs here');
  };
  const desktop: Desktop = {
    writeClipboard: none, chooseSaveFile: none, chooseOpenFile: none, chooseExchangeFiles: none, chooseFolder: none, printPdf: none,
    announceChange: (change) => announced.push(change),
  };
  const handlers = createHandlers(wb.db, desktop, { sampleExercise: SAMPLE_EXERCISE });
  const api = apiOver(buildBridge((channel, payload) => dispatch(handlers, channel, payload)));

  it('reads, rates and clears through the page’s API, telling the windows after each change only', async () => {
    const read = await api.getObjectives({ exerciseId: exercise.id });
    expect(read.objectives.map((o) => o.rating)).toEqual([null, null, null]);
    expect(announced).toEqual([]);
    const ref = read.entries.find((e) => e.eventType === 'DECISION.SUBMIT')!.ref;
    const rated = await api.rateObjective({ exerciseId: exercise.id, objectiveId: 'consensus', rating: 'M', observations: 'Two blocked.', entries: [ref] });
    expect(rated.objectives[2]!.rating).toMatchObject({ rating: 'M', observations: 'Two blocked.', entries: [ref] });
    expect(announced).toHaveLength(1);
    expect((await api.clearObjectiveRating({ exerciseId: exercise.id, objectiveId: 'consensus' })).objectives[2]!.rating).toBeNull();
    expect(announced).toHaveLength(2);
  });

  it('refuses a rating off the scale at the contract and an unknown objective in the service, as errors the form can place, announcing nothing', async () => {
    const offScale = await dispatch(handlers, 'objectives:rate', { exerciseId: exercise.id, objectiveId: 'consensus', rating: 'A', observations: '', entries: [] });
    expect(offScale).toMatchObject({ ok: false, error: { kind: 'user', problems: [{ path: 'rating', message: 'expected one of "P", "S", "M", "U"' }] } });
    await expect(api.rateObjective({ exerciseId: exercise.id, objectiveId: 'speed', rating: 'P', observations: '', entries: [] })).rejects.toMatchObject({
      headline: 'The rating was not saved.', problems: [{ path: 'objectiveId', message: expect.stringContaining('has no objective "speed"') }],
    });
    expect(announced).toHaveLength(2);
  });
});
