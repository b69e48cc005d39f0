import { describe, expect, it } from 'vitest';
import { formatClock } from '../../../../renderer/src/ui/format';

describe('formatClock', () => {
  it('formats the exercise clock as mm:ss, minutes running past the hour', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(61_900)).toBe('01:01');
    expect(formatClock(150 * 60_000)).toBe('150:00');
  });
});
