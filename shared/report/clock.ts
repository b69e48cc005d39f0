/**
 * Exercise time at any instant, from what the exercise stores of its clock. The clock keeps
 * only its current state (accumulated time, running since, ended at) and its adjustments,
 * not the times it was started, paused or resumed; but every release, withdrawal and
 * observation was stamped with the clock's reading then. Those readings, the adjustments and
 * the clock's state now are points of a function that only ever runs at the wall clock's pace
 * or stands still (jumping at an adjustment), so between two readings the time of any
 * instant is known within bounds: exactly, where the clock ran throughout or stood still
 * throughout; otherwise as the range the two readings leave open (a pause fell in between).
 */

/** A reading of the exercise clock: at `at` it showed `elapsedMs`. */
export interface ClockReading {
  readonly at: string;
  readonly elapsedMs: number;
}

export interface ClockRecord {
  /** The exercise was created with its clock not started, at 0. */
  readonly createdAt: string;
  /** Readings stamped by the exercise (releases, withdrawals, observations), in any order. */
  readonly readings: readonly ClockReading[];
  readonly adjustments: readonly { readonly at: string; readonly elapsedBeforeMs: number; readonly deltaMs: number }[];
  /** The clock as stored now. */
  readonly status: 'not-started' | 'running' | 'paused';
  readonly accumulatedMs: number;
  readonly runningSince: string | null;
  readonly endedAt: string | null;
  /** When the report is made: a paused clock stopped at its accumulated time at some instant before. */
  readonly now: string;
}

/** How an entry's exercise time is known. */
export type ExerciseTimeBasis = 'recorded' | 'computed' | 'range';

export interface ExerciseTime {
  /** The time shown: exact, or the middle of the range. */
  readonly ms: number;
  /** recorded: stamped by the clock; computed: exact from the readings around it; range: within earliest-latest. */
  readonly basis: ExerciseTimeBasis;
  readonly earliestMs: number;
  readonly latestMs: number;
}

interface Point {
  readonly t: number;
  /** The clock's value arriving at t (from the left) and leaving it (to the right): they differ at an adjustment. */
  readonly before: number;
  readonly after: number;
}

/** The clock as a function of wall time, ready to be read at any instant. */
export interface ExerciseClock {
  readonly at: (iso: string) => ExerciseTime;
}

const ms = (iso: string): number => Date.parse(iso);

export function exerciseClock(record: ClockRecord): ExerciseClock {
  const points: Point[] = [{ t: ms(record.createdAt), before: 0, after: 0 }];
  for (const r of record.readings) points.push({ t: ms(r.at), before: r.elapsedMs, after: r.elapsedMs });
  for (const a of record.adjustments) points.push({ t: ms(a.at), before: a.elapsedBeforeMs, after: a.elapsedBeforeMs + a.deltaMs });
  // The stored state is the last reading of all: where a running clock last ran from, or where it stopped.
  if (record.status === 'running' && record.runningSince !== null) {
    points.push({ t: ms(record.runningSince), before: record.accumulatedMs, after: record.accumulatedMs });
  } else if (record.endedAt !== null) {
    points.push({ t: ms(record.endedAt), before: record.accumulatedMs, after: record.accumulatedMs });
  } else if (record.status === 'paused') {
    points.push({ t: Math.max(ms(record.now), ...points.map((p) => p.t)), before: record.accumulatedMs, after: record.accumulatedMs });
  }
  const valid = points.filter((p) => Number.isFinite(p.t));
  // Stable: two points of one instant keep their order (an adjustment's reading before the next one).
  valid.sort((a, b) => a.t - b.t);
  const running = record.status === 'running' && record.runningSince !== null;

  const exact = (value: number, basis: ExerciseTimeBasis): ExerciseTime => ({ ms: value, basis, earliestMs: value, latestMs: value });

  return {
    at(iso) {
      const t = ms(iso);
      if (!Number.isFinite(t) || record.status === 'not-started') return exact(0, 'computed');
      // The last point at or before t, and the first after it.
      let i = -1;
      while (i + 1 < valid.length && valid[i + 1]!.t <= t) i += 1;
      const left = i >= 0 ? valid[i]! : null;
      const right = valid[i + 1] ?? null;
      if (left === null) return exact(0, 'computed');
      if (left.t === t) return exact(left.after, 'recorded');
      if (right === null) {
        // After the last reading: a running clock runs on with the wall clock; a stopped one stands.
        return exact(running ? left.after + (t - left.t) : left.after, 'computed');
      }
      const earliest = Math.max(left.after, right.before - (right.t - t));
      const latest = Math.min(right.before, left.after + (t - left.t));
      // Readings that contradict each other (a wall clock set back) leave no range: the last one stands.
      if (earliest >= latest) return exact(Math.max(0, earliest > latest ? left.after : earliest), 'computed');
      return { ms: Math.round((earliest + latest) / 2), basis: 'range', earliestMs: earliest, latestMs: latest };
    },
  };
}

/** "0:03:12" on the exercise clock. */
export function formatClock(msValue: number): string {
  const seconds = Math.floor(msValue / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** "0:03:12", or "0:03:00–0:05:30" where the readings leave a range. */
export function formatExerciseTime(time: ExerciseTime): string {
  return time.basis === 'range' ? `${formatClock(time.earliestMs)}–${formatClock(time.latestMs)}` : formatClock(time.ms);
}
