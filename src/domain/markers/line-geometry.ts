// Polyline measures in a Gauss-Krüger plane (metres): chainage, points at a chainage, the turn of
// the line over a window, and the projection of a point onto the line.

/** A point in the plane: [x = easting, y = northing], metres. */
export type XY = [number, number];

/** A polyline with its cumulative lengths (chainage of every vertex). */
export interface MeasuredLine {
  points: readonly XY[];
  /** chainage of each vertex, metres from the first; `cum[0] = 0` */
  cum: readonly number[];
  length: number;
}

/**
 * Measures a polyline: the chainage of each vertex. Repeated vertices are kept (zero-length segments).
 * @example measureLine([[0, 0], [3, 4]]).length // 5
 */
export function measureLine(points: readonly XY[]): MeasuredLine {
  if (points.length < 2) throw new Error('a line needs at least 2 points');
  const cum = [0];
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1] as XY;
    const [bx, by] = points[i] as XY;
    total += Math.hypot(bx - ax, by - ay);
    cum.push(total);
  }
  return { points, cum, length: total };
}

/** Index i of the segment [i, i+1] that holds chainage s (the first one on a tie). */
function segmentAt(line: MeasuredLine, s: number): number {
  const { cum } = line;
  let lo = 0;
  let hi = cum.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((cum[mid] as number) <= s) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The point at chainage s (clamped to the line's ends).
 * @example pointAt(measureLine([[0, 0], [10, 0]]), 4) // [4, 0]
 */
export function pointAt(line: MeasuredLine, s: number): XY {
  const t = Math.min(Math.max(s, 0), line.length);
  const i = segmentAt(line, t);
  const a = line.points[i] as XY;
  const b = line.points[i + 1] as XY;
  const c0 = line.cum[i] as number;
  const len = (line.cum[i + 1] as number) - c0;
  if (len === 0) return [a[0], a[1]];
  const f = (t - c0) / len;
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
}

/**
 * How much the line turns at chainage s, in degrees (0–180): the angle between the chord that
 * arrives at s from s − w and the chord that leaves s towards s + w (clamped at the ends). A
 * window rather than a vertex, so that an arc drawn as many short segments counts as one bend.
 * @example turnAt(measureLine([[0, 0], [50, 0], [50, 50]]), 50, 20) // 90
 */
export function turnAt(line: MeasuredLine, s: number, w: number): number {
  const p = pointAt(line, s);
  const a = pointAt(line, s - w);
  const b = pointAt(line, s + w);
  const ux = p[0] - a[0];
  const uy = p[1] - a[1];
  const vx = b[0] - p[0];
  const vy = b[1] - p[1];
  if ((ux === 0 && uy === 0) || (vx === 0 && vy === 0)) return 0;
  const angle = Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
  return Math.abs((angle * 180) / Math.PI);
}

/**
 * The nearest point of the line to p: its chainage and distance (the first one on a tie).
 * @example locateOnLine(measureLine([[0, 0], [10, 0]]), [4, 3]) // { chainage: 4, distance: 3 }
 */
export function locateOnLine(line: MeasuredLine, p: XY): { chainage: number; distance: number } {
  let best = { chainage: 0, distance: Number.POSITIVE_INFINITY };
  for (let i = 0; i + 1 < line.points.length; i++) {
    const a = line.points[i] as XY;
    const b = line.points[i + 1] as XY;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len2 = dx * dx + dy * dy;
    const f =
      len2 === 0 ? 0 : Math.min(1, Math.max(0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
    const d = Math.hypot(a[0] + dx * f - p[0], a[1] + dy * f - p[1]);
    if (d < best.distance) {
      best = { chainage: (line.cum[i] as number) + f * Math.sqrt(len2), distance: d };
    }
  }
  return best;
}
