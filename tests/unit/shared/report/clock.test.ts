import { describe, expect, it } from 'vitest';
import { exerciseClock, formatClock, formatExerciseTime, type ClockRecord } from '../../../../shared/report/clock';

const T0 = Date.parse('2026-10-14T08:00:00.000Z');
const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();
const min = (m: number): number => m * 60_000;

/** Created at 0, started at 5 (not stored), a release at 10 (reading 5 min), paused at 20 (not stored), resumed at 30 (not stored), a note at 40 (reading 25 min). */
const played: ClockRecord = {
  createdAt: at(0),
  readings: [{ at: at(40), elapsedMs: min(25) }, { at: at(10), elapsedMs: min(5) }],
  adjustments: [],
  status: 'running',
  accumulatedMs: min(25),
  runningSince: at(40),
  endedAt: null,
  now: at(60),
};

describe('exercise time from what the clock stores', () => {
  it('is the reading where the clock stamped one, and runs on with the wall clock after the last', () => {
    const clock = exerciseClock(played);
    expect(clock.at(at(10))).toEqual({ ms: min(5), basis: 'recorded', earliestMs: min(5), latestMs: min(5) });
    expect(clock.at(at(50))).toEqual({ ms: min(35), basis: 'computed', earliestMs: min(35), latestMs: min(35) });
  });

  it('gives the range two readings leave open where a pause fell between them, exact where the clock ran throughout', () => {
    const clock = exerciseClock(played);
    // Between 10 (5 min) and 40 (25 min) the clock ran 20 of 30 minutes: at 15 it showed between 5 and 10.
    expect(clock.at(at(15))).toEqual({ ms: min(7.5), basis: 'range', earliestMs: min(5), latestMs: min(10) });
    // Before the first reading: started at some time after its creation, at 0.
    expect(clock.at(at(8))).toEqual({ ms: min(4), basis: 'range', earliestMs: min(3), latestMs: min(5) });
    expect(clock.at(at(-5))).toEqual({ ms: 0, basis: 'computed', earliestMs: 0, latestMs: 0 });
    const steady = exerciseClock({ ...played, readings: [...played.readings, { at: at(20), elapsedMs: min(15) }] });
    expect(steady.at(at(15)).basis).toBe('computed');
    expect(steady.at(at(15)).ms).toBe(min(10));
  });

  it('jumps at an adjustment, and stands still once the exercise ended or while it is paused', () => {
    const adjusted = exerciseClock({
      ...played,
      adjustments: [{ at: at(45), elapsedBeforeMs: min(30), deltaMs: min(10) }],
      accumulatedMs: min(40),
      runningSince: at(45),
    });
    expect(adjusted.at(at(44)).ms).toBe(min(29));
    expect(adjusted.at(at(45))).toMatchObject({ ms: min(40), basis: 'recorded' });
    expect(adjusted.at(at(46))).toMatchObject({ ms: min(41), basis: 'computed' });

    const ended = exerciseClock({ ...played, status: 'paused', accumulatedMs: min(30), runningSince: null, endedAt: at(45) });
    expect(ended.at(at(50))).toMatchObject({ ms: min(30), basis: 'computed' });
    expect(ended.at(at(42))).toMatchObject({ ms: min(27), basis: 'computed' });

    // Paused at some time after the last reading, at 30 min: the range is what the readings allow.
    const paused = exerciseClock({ ...played, status: 'paused', accumulatedMs: min(30), runningSince: null });
    expect(paused.at(at(42))).toMatchObject({ basis: 'range', earliestMs: min(25), latestMs: min(27) });
    expect(paused.at(at(59))).toMatchObject({ basis: 'range', earliestMs: min(29), latestMs: min(30) });
  });

  it('is 0 throughout while the clock has not started, and never contradicts itself on readings that disagree', () => {
    expect(exerciseClock({ ...played, readings: [], status: 'not-started', accumulatedMs: 0, runningSince: null }).at(at(30)).ms).toBe(0);
    // A wall clock set back: a later reading lower than the pace allows leaves no range.
    const odd = exerciseClock({ ...played, readings: [{ at: at(10), elapsedMs: min(20) }, { at: at(11), elapsedMs: min(5) }] });
    const t = odd.at(at(10.5));
    expect(t.basis).toBe('computed');
    expect(t.earliestMs).toBe(t.latestMs);
  });

  it('reads as h:mm:ss, and a range as its two ends', () => {
    expect(formatClock(min(3) + 12_000)).toBe('0:03:12');
    expect(formatClock(min(125))).toBe('2:05:00');
    expect(formatExerciseTime({ ms: min(7.5), basis: 'range', earliestMs: min(5), latestMs: min(10) })).toBe('0:05:00–0:10:00');
  });
});
