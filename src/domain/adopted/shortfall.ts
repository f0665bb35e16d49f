// Where an approved boundary falls short of the range a standard gives, in a metric plane (GK).
import type { Geometry, Planar, XY } from '../zones/planar';

/**
 * Noise the check ignores: a part smaller than 1 m², or whose every point lies within 5 cm of the
 * approved polygon (a sliver along a boundary digitised on another grid).
 */
const SHORTFALL_TOLERANCE = { minAreaM2: 1, minDistanceM: 0.05 } as const;

/** The precision of the largest shortfall distance, metres. */
const DISTANCE_PRECISION_M = 0.001;

/** One part of the range outside the approved polygon, in the plane. */
export interface ShortfallPart {
  /** outer ring first, then holes; closed */
  rings: XY[][];
  areaM2: number;
  /** the largest distance from a point of the part to the approved polygon, metres */
  maxDistanceM: number;
  /** the point where it is reached */
  farthest: XY;
}

/** The shortfall of an approved polygon against a range: its parts, and how many were noise. */
export interface Shortfall {
  parts: ShortfallPart[];
  ignored: number;
}

/**
 * The range minus the approved polygon, part by part, each with its area and its largest distance
 * to the approved polygon. The distance is the maximum over the part's boundary (for a band along
 * the approved boundary, the shortfall this check is for, its farthest point is on its outer ring;
 * only a part enclosed by the approved polygon could have a farther point inside), found by branch
 * and bound along each boundary segment to 1 mm: the distance to a
 * set changes by at most the distance moved, so a segment whose ends are `da` and `db` away and
 * which is `L` long can reach no more than (da + db + L) / 2; segments whose bound cannot beat the
 * best by a millimetre are dropped, the others halved. Distances are GEOS's (prepared geometry).
 * @example shortfallOf(pl, range, approved).parts[0]?.maxDistanceM // 3
 */
export function shortfallOf(pl: Planar, range: Geometry, approved: Geometry): Shortfall {
  const diff = pl.difference(range, approved);
  const parts: ShortfallPart[] = [];
  let ignored = 0;
  if (pl.isEmpty(diff)) return { parts, ignored };
  const distance = pl.distanceTo(approved);
  try {
    for (const g of pl.parts(diff)) {
      if (pl.isEmpty(g)) continue;
      const areaM2 = pl.area(g);
      const rings = areaM2 < SHORTFALL_TOLERANCE.minAreaM2 ? [] : pl.multiPolygonCoordinates(g)[0];
      const far = rings ? farthestPoint(rings, distance.at) : { d: 0, p: [0, 0] as XY };
      if (!rings?.length || far.d < SHORTFALL_TOLERANCE.minDistanceM) {
        ignored++;
        continue;
      }
      parts.push({ rings: rings as XY[][], areaM2, maxDistanceM: far.d, farthest: far.p });
    }
  } finally {
    distance.free();
  }
  parts.sort((a, b) => b.maxDistanceM - a.maxDistanceM);
  return { parts, ignored };
}

/**
 * The point of the rings farthest from a set, to 1 mm (see `shortfallOf`). Segments that cannot
 * reach the noise tolerance are not refined: a part nowhere 5 cm away is ignored whatever its
 * exact maximum, and a long sliver along a shared edge would otherwise be halved to millimetres.
 */
function farthestPoint(rings: readonly XY[][], dist: (p: XY) => number): { d: number; p: XY } {
  let best = { d: 0, p: (rings[0]?.[0] ?? [0, 0]) as XY };
  const stack: [XY, number, XY, number][] = [];
  for (const ring of rings) {
    const ds = ring.map((p) => dist(p));
    ring.forEach((p, i) => {
      const d = ds[i] as number;
      if (d > best.d) best = { d, p };
      if (i > 0) stack.push([ring[i - 1] as XY, ds[i - 1] as number, p, d]);
    });
  }
  for (let s = stack.pop(); s !== undefined; s = stack.pop()) {
    const [a, da, b, db] = s;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const floor = Math.max(best.d, SHORTFALL_TOLERANCE.minDistanceM);
    if ((da + db + len) / 2 <= floor + DISTANCE_PRECISION_M) continue;
    const m: XY = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    const dm = dist(m);
    if (dm > best.d) best = { d: dm, p: m };
    stack.push([a, da, m, dm], [m, dm, b, db]);
  }
  return best;
}
