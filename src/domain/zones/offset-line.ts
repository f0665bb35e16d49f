import type { XY } from './planar';

/**
 * A polyline offset sideways by `distance` metres (positive: left of travel), vertex by vertex along
 * the bisector, the mitre capped at 4 × distance. For deriving demonstration toe lines from a
 * centre line; the zone engine refuses the result if it crosses itself.
 * @example offsetLine([[0, 0], [0, 100]], 40) // [[-40, 0], [-40, 100]]
 */
export function offsetLine(points: readonly XY[], distance: number): XY[] {
  const n = points.length;
  if (n < 2) throw new Error('offsetLine needs at least 2 points');
  const normals = points.slice(1).map((b, i) => {
    const a = points[i] as XY;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len = Math.hypot(dx, dy);
    return [-dy / len, dx / len] as XY;
  });
  return points.map((p, i) => {
    const before = normals[Math.max(0, i - 1)] as XY;
    const after = normals[Math.min(normals.length - 1, i)] as XY;
    const bx = before[0] + after[0];
    const by = before[1] + after[1];
    const blen = Math.hypot(bx, by);
    if (blen < 1e-9) return [p[0] + before[0] * distance, p[1] + before[1] * distance];
    const cos = (bx * before[0] + by * before[1]) / blen;
    const miter =
      Math.min(distance / Math.max(cos, 1e-9), 4 * Math.abs(distance)) * Math.sign(distance || 1);
    return [
      p[0] + (bx / blen) * Math.abs(miter) * Math.sign(distance),
      p[1] + (by / blen) * Math.abs(miter) * Math.sign(distance),
    ];
  });
}
