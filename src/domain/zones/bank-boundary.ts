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
  let ring = polygons[0]?.[0] ?? [];
  let bestMiss = Number.POSITIVE_INFINITY;
  for (const poly of polygons) {
    const outer = poly[0] ?? [];
    const miss = [...l, ...r].reduce((sum, p) => sum + locate(outer, p).distance, 0);
    if (miss < bestMiss) [ring, bestMiss] = [outer, miss];
  }
  return { left: sideOfRing(ring, l, r), right: sideOfRing(ring, r, l) };
}

/**
 * The side of a zone along one bank: the part of its outer ring from the anchor at the reach's
 * upstream end to the anchor at its downstream end, the way that does not pass the other bank's
 * anchors (so never across the reach ends). Drawn upstream → downstream.
 * @example sideOfRing(ring, [from, to], [otherFrom, otherTo]) // [[x, y], …]
 */
function sideOfRing(
  ring: readonly XY[],
  anchors: readonly [XY, XY],
  otherAnchors: readonly [XY, XY],
): XY[] {
  const n = ring.length - 1; // closed ring: last = first
  const [from, to] = anchors.map((p) => locate(ring, p)) as [RingPosition, RingPosition];
  const ahead = (x: number) => (x - from.at + n) % n;
  const behind = (x: number) => (from.at - x + n) % n;
  const others = otherAnchors.map((p) => locate(ring, p).at);
  const useAhead = !others.some((o) => ahead(o) > 0 && ahead(o) < ahead(to.at));
  const along = useAhead ? ahead : behind;
  const span = along(to.at);
  const between = ring
    .slice(0, n)
    .map((p, i) => ({ p, d: along(i) }))
    .filter(({ d }) => d > 0 && d < span)
    .sort((a, b) => a.d - b.d)
    .map(({ p }) => p);
  return dropRepeats([from.point, ...between, to.point]);
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
