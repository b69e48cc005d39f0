import { create } from 'zustand';
import type { HseepRating } from '../../../../shared/evaluation/objectives';
import type { ObjectivesView } from '../../../../shared/evaluation/ratings';
import { api } from '../../api';
import type { Loaded } from '../../ui/loaded';
import { consoleView } from './consoleView';

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
  const { read, change } = consoleView<ObjectivesView>(
    () => get().exerciseId,
    (objectives) => set({ objectives }),
    (exerciseId) => api().getObjectives({ exerciseId }),
  );
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
