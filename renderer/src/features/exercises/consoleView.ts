import { errorMessage } from '../../api';
import type { Loaded } from '../../ui/loaded';
import { refusalLines } from '../../ui/messages';

/**
 * Reading and changing one view of the exercise open in the console (its objectives, its
 * consensus): an answer that comes back after the console moved to another exercise is
 * dropped; a change resolves to null when done, else to the main process's reasons.
 */
export function consoleView<V>(
  openExercise: () => string | null,
  keep: (view: Loaded<V>) => void,
  fetch: (exerciseId: string) => Promise<V>,
): {
  read(exerciseId: string): Promise<void>;
  change(run: (exerciseId: string) => Promise<V>): Promise<readonly string[] | null>;
} {
  const keepFor = (exerciseId: string, view: Loaded<V>): void => {
    if (openExercise() === exerciseId) keep(view);
  };
  return {
    async read(exerciseId) {
      try {
        keepFor(exerciseId, { status: 'ready', value: await fetch(exerciseId) });
      } catch (error) {
        keepFor(exerciseId, { status: 'error', message: errorMessage(error) });
      }
    },
    async change(run) {
      const exerciseId = openExercise();
      if (exerciseId === null) return null;
      try {
        keepFor(exerciseId, { status: 'ready', value: await run(exerciseId) });
        return null;
      } catch (error) {
        return refusalLines(error);
      }
    },
  };
}
