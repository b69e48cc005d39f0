import { describe, expect, it } from 'vitest';
import { formatClock, formatTimeOfDay, spokenClock } from '../../../../renderer/src/ui/format';

describe('formatClock', () => {
  it('formats the exercise clock as mm:ss within the first hour', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(61_900)).toBe('01:01');
    expect(formatClock(59 * 60_000 + 59_999)).toBe('59:59');
  });

  it('formats long times as h:mm:ss, never as minutes past 59', () => {
    expect(formatClock(60 * 60_000)).toBe('1:00:00');
    expect(formatClock(150 * 60_000)).toBe('2:30:00');
    expect(formatClock(195 * 60_000 + 7_000)).toBe('3:15:07');
    expect(formatClock(-5_000)).toBe('00:00');
  });

  it('says the time in words for a screen reader', () => {
    expect(spokenClock(0)).toBe('0 seconds');
    expect(spokenClock(61_000)).toBe('1 minute 1 second');
    expect(spokenClock(2 * 3_600_000 + 5 * 60_000)).toBe('2 hours 5 minutes');
  });

  it('gives the time of day of an instant', () => {
    expect(formatTimeOfDay('2025-03-14T09:05:03.000Z', 'UTC')).toBe('09:05:03');
    expect(formatTimeOfDay('not a time')).toBe('not a time');
  });
});
