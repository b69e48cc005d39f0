// Geometry of the proportionality radar chart, kept apart from React so it can be tested.
// Axis 0 points up; the others follow clockwise, as a reader scans a clock face.

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface RadarFrame {
  readonly cx: number;
  readonly cy: number;
  /** Radius of the outermost ring, the highest rating. */
  readonly radius: number;
  /** The highest rating (4 in the rubric). */
  readonly max: number;
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** Angle of axis `i` of `n`, in radians, clockwise from twelve o'clock. */
export function axisAngle(i: number, n: number): number {
  return -Math.PI / 2 + (2 * Math.PI * i) / n;
}

export function polar(frame: RadarFrame, value: number, angle: number): Point {
  const r = (Math.min(Math.max(value, 0), frame.max) / frame.max) * frame.radius;
  return { x: round(frame.cx + r * Math.cos(angle)), y: round(frame.cy + r * Math.sin(angle)) };
}

/** One point per axis; an unrated axis (null) sits at the centre. */
export function radarPoints(frame: RadarFrame, values: readonly (number | null)[]): readonly Point[] {
  return values.map((v, i) => polar(frame, v ?? 0, axisAngle(i, values.length)));
}

/** The `points` attribute of an SVG polygon. */
export function pointsAttr(points: readonly Point[]): string {
  return points.map((p) => `${p.x},${p.y}`).join(' ');
}

/** A ring at one rating across `n` axes (the grid of the chart). */
export function ringPoints(frame: RadarFrame, value: number, n: number): readonly Point[] {
  return Array.from({ length: n }, (_, i) => polar(frame, value, axisAngle(i, n)));
}

/**
 * Where an axis label goes: the centre of its block just outside the outer ring, pushed out
 * further above and below by half the block's height, and how it aligns horizontally.
 */
export function labelPlacement(
  frame: RadarFrame,
  i: number,
  n: number,
  gap: number,
  halfHeight = 0,
): Point & { readonly anchor: 'start' | 'middle' | 'end' } {
  const angle = axisAngle(i, n);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const r = frame.radius + gap + halfHeight * Math.abs(sin);
  const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
  return { x: round(frame.cx + r * cos), y: round(frame.cy + r * sin), anchor };
}
