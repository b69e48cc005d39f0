import { describe, expect, it } from 'vitest';
import { axisAngle, labelPlacement, pointsAttr, polar, radarPoints, ringPoints, type RadarFrame } from '../../../shared/radar';

const frame: RadarFrame = { cx: 100, cy: 100, radius: 80, max: 4 };

describe('radar geometry', () => {
  it('starts the first axis at twelve o’clock and goes clockwise', () => {
    expect(axisAngle(0, 4)).toBeCloseTo(-Math.PI / 2);
    expect(axisAngle(1, 4)).toBeCloseTo(0);
    expect(polar(frame, 4, axisAngle(0, 4))).toEqual({ x: 100, y: 20 });
    expect(polar(frame, 4, axisAngle(1, 4))).toEqual({ x: 180, y: 100 });
    expect(polar(frame, 2, axisAngle(2, 4))).toEqual({ x: 100, y: 140 });
  });

  it('scales a rating to the radius and keeps it inside 0..max', () => {
    expect(polar(frame, 0, 0)).toEqual({ x: 100, y: 100 });
    expect(polar(frame, 9, 0)).toEqual({ x: 180, y: 100 });
    expect(polar(frame, -1, 0)).toEqual({ x: 100, y: 100 });
  });

  it('puts an unrated axis at the centre', () => {
    const points = radarPoints(frame, [4, null, 0, null]);
    expect(points[1]).toEqual({ x: 100, y: 100 });
    expect(points[0]).toEqual({ x: 100, y: 20 });
  });

  it('draws seven axes for the seven characteristics, and a higher rating moves only its own point', () => {
    const before = radarPoints(frame, [1, 2, 3, 4, 3, 2, 1]);
    const after = radarPoints(frame, [1, 2, 3, 4, 3, 2, 4]);
    expect(before).toHaveLength(7);
    expect(after.slice(0, 6)).toEqual(before.slice(0, 6));
    expect(after[6]).not.toEqual(before[6]);
    const distance = (p: { x: number; y: number }) => Math.hypot(p.x - 100, p.y - 100);
    expect(distance(after[6]!)).toBeCloseTo(80, 1);
  });

  it('formats polygon points for SVG', () => {
    expect(pointsAttr([{ x: 1, y: 2 }, { x: 3.5, y: 4 }])).toBe('1,2 3.5,4');
    expect(ringPoints(frame, 4, 4).map((p) => [p.x, p.y])).toEqual([
      [100, 20],
      [180, 100],
      [100, 180],
      [20, 100],
    ]);
  });

  it('places labels outside the ring, aligned away from the chart', () => {
    expect(labelPlacement(frame, 0, 4, 10)).toMatchObject({ x: 100, y: 10, anchor: 'middle' });
    expect(labelPlacement(frame, 1, 4, 10)).toMatchObject({ x: 190, y: 100, anchor: 'start' });
    expect(labelPlacement(frame, 3, 4, 10)).toMatchObject({ x: 10, y: 100, anchor: 'end' });
    // A two-line label above or below the chart is pushed out by half its height.
    expect(labelPlacement(frame, 0, 4, 10, 15).y).toBe(-5);
    expect(labelPlacement(frame, 1, 4, 10, 15).x).toBe(190);
  });
});
