import { create } from 'zustand';
import type { HseepRating } from '../../../../shared/evaluation/objectives';
import type { ObjectivesView } from '../../../../shared/evaluation/ratings';
import { api, errorMessage } from '../../api';
import type { Loaded } from '../../ui/loaded';
import { refusalLines } from '../../ui/messages';

/**
 * The objectives of the exercise open in the console, with their ratings and the timeline
 * entries they can link: a store of its own, re-read with every other view when the data
 * changes (app/live.ts), whoever rated (this window, another, the command line).
 */
interface ObjectivesState {
  readonly exerciseId: string | null;
  readonly objectives: Loaded<ObjectivesView> | null;
  load(exerciseId: string): Promise<void>;
  refresh(): Promise<void>;
  /** null when saved; else the main process's reasons, one per line. */
  rate(objectiveId: string, rating: HseepRating, observations: string, entries: readonly string[]): Promise<readonly string[] | null>;
  clear(objectiveId: string): Promise<readonly string[] | null>;
}

export const useObjectives = create<ObjectivesState>()((set, get) => {
  /** The answer for the exercise still open: one that comes back after the console moved on is dropped. */
  const keep = (exerciseId: string, objectives: Loaded<ObjectivesView>): void => {
    if (get().exerciseId === exerciseId) set({ objectives });
  };
  const read = async (exerciseId: string): Promise<void> => {
    try {
      keep(exerciseId, { status: 'ready', value: await api().getObjectives({ exerciseId }) });
    } catch (error) {
      keep(exerciseId, { status: 'error', message: errorMessage(error) });
    }
  };
  const change = async (run: (exerciseId: string) => Promise<ObjectivesView>): Promise<readonly string[] | null> => {
    const { exerciseId } = get();
    if (exerciseId === null) return null;
    try {
      keep(exerciseId, { status: 'ready', value: await run(exerciseId) });
      return null;
    } catch (error) {
      return refusalLines(error);
    }
  };
  return {
    exerciseId: null,
    objectives: null,
    async load(exerciseId) {
      // Another exercise shows nothing of the one before while it loads.
      if (get().exerciseId !== exerciseId) set({ exerciseId, objectives: { status: 'loading' } });
      await read(exerciseId);
    },
    async refresh() {
      const { exerciseId } = get();
      if (exerciseId !== null) await read(exerciseId);
    },
    rate: (objectiveId, rating, observations, entries) =>
      change((exerciseId) => api().rateObjective({ exerciseId, objectiveId, rating, observations, entries: [...entries] })),
    clear: (objectiveId) => change((exerciseId) => api().clearObjectiveRating({ exerciseId, objectiveId })),
  };
});
