// Where a line or a polygon's ring crosses or touches itself, in the plane of its lon/lat
// coordinates (a reach spans kilometres: the crossing test needs no projection).
import type { LineString, Polygon, Position } from 'geojson';

/** Where a geometry meets itself: two segments (0-based, of its ring or line) and a point. */
export interface SelfIntersection {
  /** the ring (0 = outer) for a polygon; 0 for a line */
  ring: number;
  /** indexes of the two segments that meet, after repeated points are dropped */
  segments: [number, number];
  /** a point where they meet (lon, lat) */
  at: Position;
}

type P = readonly [number, number];

function distinct(coords: readonly Position[]): P[] {
  const out: P[] = [];
  for (const c of coords) {
    const p: P = [c[0] as number, c[1] as number];
    const last = out.at(-1);
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

const cross = (o: P, a: P, b: P) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

function within(a: P, b: P, p: P): boolean {
  return (
    Math.min(a[0], b[0]) <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= p[1] &&
    p[1] <= Math.max(a[1], b[1])
  );
}

/** A point shared by segments ab and cd (touching counts), or null. */
function meet(a: P, b: P, c: P, d: P): P | null {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    const t = d1 / (d1 - d2);
    return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
  }
  if (d1 === 0 && within(c, d, a)) return a;
  if (d2 === 0 && within(c, d, b)) return b;
  if (d3 === 0 && within(a, b, c)) return c;
  if (d4 === 0 && within(a, b, d)) return d;
  return null;
}

/** Two consecutive segments a→b→c that fold back over each other (b is a spike's tip). */
function foldsBack(a: P, b: P, c: P): boolean {
  if (cross(a, b, c) !== 0) return false;
  return (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]) < 0;
}

function segmentsOf(points: P[], closed: boolean): [P, P][] {
  const segs: [P, P][] = [];
  for (let i = 0; i + 1 < points.length; i++) segs.push([points[i] as P, points[i + 1] as P]);
  if (closed) segs.push([points.at(-1) as P, points[0] as P]);
  return segs;
}

/** The first place where the segments of one path meet other than at their shared vertices. */
function firstMeeting(points: P[], closed: boolean): Omit<SelfIntersection, 'ring'> | null {
  const segs = segmentsOf(points, closed);
  const n = segs.length;
  for (let i = 0; i < n; i++) {
    const [a, b] = segs[i] as [P, P];
    for (let j = i + 1; j < n; j++) {
      const [c, d] = segs[j] as [P, P];
      const adjacent = j === i + 1 || (closed && i === 0 && j === n - 1);
      if (adjacent) {
        // neighbours share one vertex: they meet wrongly only when one folds back over the other
        const spike = j === i + 1 ? foldsBack(a, b, d) : foldsBack(c, a, b);
        if (spike) return { segments: [i, j], at: j === i + 1 ? [b[0], b[1]] : [a[0], a[1]] };
        continue;
      }
      const at = meet(a, b, c, d);
      if (at) return { segments: [i, j], at: [at[0], at[1]] };
    }
  }
  return null;
}

/**
 * Where a line, or a ring of a polygon, crosses or touches itself; null when it does not (or has
 * too few distinct points to tell: a line being drawn, a ring of fewer than 3 corners). Repeated
 * consecutive points are ignored; a line that ends on itself or folds back counts as meeting itself.
 * @example findSelfIntersection({ type: 'LineString', coordinates: [[0,0],[2,2],[2,0],[0,2]] }) // { segments: [0, 2], at: [1, 1], ring: 0 }
 */
export function findSelfIntersection(geometry: LineString | Polygon): SelfIntersection | null {
  if (geometry.type === 'LineString') {
    const points = distinct(geometry.coordinates);
    if (points.length < 3) return null;
    const hit = firstMeeting(points, false);
    return hit ? { ring: 0, ...hit } : null;
  }
  for (const [ring, coords] of geometry.coordinates.entries()) {
    const points = distinct(coords);
    const first = points[0];
    const last = points.at(-1);
    if (points.length > 1 && first && last && first[0] === last[0] && first[1] === last[1])
      points.pop();
    if (points.length < 3) continue;
    const hit = firstMeeting(points, true);
    if (hit) return { ring, ...hit };
  }
  return null;
}
