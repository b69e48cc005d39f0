// The exercise clock and what is due at the time it shows. Pure: unit tests call it.
import type { ExerciseView, InjectStatus } from '../../../../shared/exercise/exercises';

/** The clock as the renderer shows it: the main process's elapsed time plus what passed since. */
export function displayedElapsed(view: Pick<ExerciseView, 'clock'>, fetchedAt: number, now: number): number {
  return view.clock.status === 'running' ? view.clock.elapsedMs + Math.max(0, now - fetchedAt) : view.clock.elapsedMs;
}

/** An inject still not released this long after its planned time is overdue, not just due. */
export const OVERDUE_AFTER_MS = 5 * 60_000;

export type InjectState = 'planned' | 'due' | 'overdue' | 'partial' | 'released';

/**
 * Where an inject stands at the clock shown: not yet, its time has come, long past, released
 * to some, to all. An ended exercise has nothing due any more.
 */
export function injectState(status: InjectStatus, delegationCount: number, elapsedMs: number, ended = false): InjectState {
  if (delegationCount > 0 && status.releasedTo.length >= delegationCount) return 'released';
  if (!ended && status.plannedAtMs <= elapsedMs) return elapsedMs - status.plannedAtMs >= OVERDUE_AFTER_MS ? 'overdue' : 'due';
  return status.releasedTo.length > 0 ? 'partial' : 'planned';
}

const isDue = (state: InjectState): boolean => state === 'due' || state === 'overdue';

/** The injects whose time has come and that someone still lacks, in planned order. */
export function dueInjects(view: ExerciseView, elapsedMs: number): readonly InjectStatus[] {
  const ended = view.clock.status === 'ended';
  return view.injects.filter((s) => isDue(injectState(s, view.delegations.length, elapsedMs, ended)));
}

/** The injects that auto-release should send to all now: their time has come and someone lacks them. */
export function injectsToAutoRelease(view: ExerciseView, elapsedMs: number, skip: ReadonlySet<string>): readonly string[] {
  if (view.clock.status !== 'running') return [];
  return dueInjects(view, elapsedMs)
    .filter((s) => !skip.has(s.inject.id))
    .map((s) => s.inject.id);
}

/** The next inject planned after the clock shown that someone still lacks, and how long until then. */
export function nextInject(view: ExerciseView, elapsedMs: number): { readonly status: InjectStatus; readonly inMs: number } | null {
  if (view.clock.status === 'ended') return null;
  const next = view.injects
    .filter((s) => s.plannedAtMs > elapsedMs && injectState(s, view.delegations.length, elapsedMs) !== 'released')
    .reduce<InjectStatus | null>((best, s) => (best === null || s.plannedAtMs < best.plannedAtMs ? s : best), null);
  return next ? { status: next, inMs: next.plannedAtMs - elapsedMs } : null;
}
