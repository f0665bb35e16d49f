import type { XY } from './planar';

/** A place on a closed ring: segment index plus the fraction along it. */
interface RingPosition {
  at: number;
  point: XY;
  distance: number;
}

/**
 * The outward anchor of a bank line's end: the end point moved `offset` metres square to the
 * first (start) or last (end) segment, to the left of travel for the left bank and to the right
 * for the right bank. With flat end caps this is the corner where a zone's side meets its end.
 * @example bankAnchor([[0, 0], [0, 100]], 'left', 'start', 30) // [-30, 0]
 */
function bankAnchor(
  line: readonly XY[],
  bank: 'left' | 'right',
  end: 'start' | 'end',
  offset: number,
): XY {
  const [a, b] =
    end === 'start' ? [line[0] as XY, line[1] as XY] : [line.at(-2) as XY, line.at(-1) as XY];
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const side = bank === 'left' ? 1 : -1;
  const nx = (-(b[1] - a[1]) / len) * side;
  const ny = ((b[0] - a[0]) / len) * side;
  const p = end === 'start' ? a : b;
  return [p[0] + nx * offset, p[1] + ny * offset];
}

/**
 * The sides of a zone along both banks: for each bank, the part of the outer ring (of the polygon
 * nearest to the anchors) between that bank's upstream and downstream anchors that does not pass the
 * other bank's anchors. `offsets` are the distances of each bank's zone edge from its line.
 * @example bankSides(polygons, left, right, { left: 30, right: 30 }) // { left: [...], right: [...] }
 */
export function bankSides(
  polygons: readonly (readonly (readonly XY[])[])[],
  left: readonly XY[],
  right: readonly XY[],
  offsets: { left: number; right: number },
): { left: XY[]; right: XY[] } {
  const l: [XY, XY] = [
    bankAnchor(left, 'left', 'start', offsets.left),
    bankAnchor(left, 'left', 'end', offsets.left),
  ];
  const r: [XY, XY] = [
    bankAnchor(right, 'right', 'start', offsets.right),
    bankAnchor(right, 'right', 'end', offsets.right),
  ];
  // the polygon whose outer ring passes nearest the four anchors, and where they sit on it
  let best = {
    ring: [] as readonly XY[],
    at: [] as RingPosition[],
    miss: Number.POSITIVE_INFINITY,
  };
  for (const poly of polygons) {
    const ring = poly[0] ?? [];
    const at = [...l, ...r].map((p) => locate(ring, p));
    const miss = at.reduce((sum, p) => sum + p.distance, 0);
    if (miss < best.miss) best = { ring, at, miss };
  }
  const [ls, le, rs, re] = best.at as [RingPosition, RingPosition, RingPosition, RingPosition];
  return {
    left: sideOfRing(best.ring, ls, le, [rs.at, re.at]),
    right: sideOfRing(best.ring, rs, re, [ls.at, le.at]),
  };
}

/**
 * The part of a closed ring from one place to another, walking the way that does not pass the
 * other bank's places (so never across the reach ends).
 */
function sideOfRing(
  ring: readonly XY[],
  from: RingPosition,
  to: RingPosition,
  others: readonly number[],
): XY[] {
  const n = ring.length - 1; // closed ring: last = first
  const ahead = (x: number) => (x - from.at + n) % n;
  const behind = (x: number) => (from.at - x + n) % n;
  const useAhead = !others.some((o) => ahead(o) > 0 && ahead(o) < ahead(to.at));
  const along = useAhead ? ahead : behind;
  const span = along(to.at);
  const path: XY[] = [from.point];
  const step = useAhead ? 1 : -1;
  let i = useAhead ? Math.floor(from.at) + 1 : Math.ceil(from.at) - 1;
  for (let k = 0; k < n; k++, i += step) {
    const idx = ((i % n) + n) % n;
    const d = along(idx);
    if (d >= span) break;
    if (d > 0) path.push(ring[idx] as XY);
  }
  path.push(to.point);
  return dropRepeats(path);
}

/** The nearest place on a closed ring to a point. */
function locate(ring: readonly XY[], p: XY): RingPosition {
  let best: RingPosition = { at: 0, point: ring[0] as XY, distance: Number.POSITIVE_INFINITY };
  for (let i = 0; i < ring.length - 1; i++) {
    const a = ring[i] as XY;
    const b = ring[i + 1] as XY;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len2 = dx * dx + dy * dy;
    const t =
      len2 === 0 ? 0 : Math.min(1, Math.max(0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
    const q: XY = [a[0] + t * dx, a[1] + t * dy];
    const d = Math.hypot(p[0] - q[0], p[1] - q[1]);
    if (d < best.distance)
      best = {
        at: t === 1 ? (i + 1) % (ring.length - 1) : i + t,
        point: t === 0 ? a : t === 1 ? b : q,
        distance: d,
      };
  }
  return best;
}

function dropRepeats(path: XY[]): XY[] {
  return path.filter(
    (p, i) =>
      i === 0 || Math.hypot(p[0] - (path[i - 1] as XY)[0], p[1] - (path[i - 1] as XY)[1]) > 1e-9,
  );
}
