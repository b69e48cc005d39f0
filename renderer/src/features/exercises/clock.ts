// The exercise clock and what is due at the time it shows. Pure: unit tests call it.
import type { ExerciseView, InjectStatus } from '../../../../shared/exercise/exercises';

/** The clock as the renderer shows it: the main process's elapsed time plus what passed since. */
export function displayedElapsed(view: Pick<ExerciseView, 'clock'>, fetchedAt: number, now: number): number {
  return view.clock.status === 'running' ? view.clock.elapsedMs + Math.max(0, now - fetchedAt) : view.clock.elapsedMs;
}

export type InjectState = 'planned' | 'due' | 'partial' | 'released';

/** Where an inject stands at the clock shown: not yet, its time has come, released to some, to all. */
export function injectState(status: InjectStatus, delegationCount: number, elapsedMs: number): InjectState {
  if (delegationCount > 0 && status.releasedTo.length >= delegationCount) return 'released';
  if (status.plannedAtMs <= elapsedMs) return 'due';
  return status.releasedTo.length > 0 ? 'partial' : 'planned';
}

/** The injects that auto-release should send to all now: their time has come and someone lacks them. */
export function injectsToAutoRelease(view: ExerciseView, elapsedMs: number, skip: ReadonlySet<string>): readonly string[] {
  if (view.clock.status !== 'running') return [];
  return view.injects
    .filter((s) => !skip.has(s.inject.id) && injectState(s, view.delegations.length, elapsedMs) === 'due')
    .map((s) => s.inject.id);
}
