// Which counties (区县) a publication's zones lie in, from the bundled county boundaries: a pure
// point-in-polygon test on the zones' outlines, densified so that a zone reaching into a county by
// more than the tolerance is found.
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { COUNTIES } from '../plans/counties';

/** A county boundary as the notice reads it (lon/lat). */
export interface CountyArea {
  adcode: string;
  name: string;
  geometry: Polygon | MultiPolygon;
}

/**
 * How far apart the tested points of a zone's outline are, metres: a zone that reaches into a county
 * by less than this along its outline may go unnamed (the bundled boundaries are good to ~100 m).
 */
export const COUNTY_TOLERANCE_M = 20;

const M_PER_DEG = 111_320;

/** Even-odd ray casting over every ring (holes included). */
function inRings(p: Position, rings: readonly Position[][]): boolean {
  const [x, y] = [p[0] as number, p[1] as number];
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/**
 * Whether a lon/lat point lies in a polygon or multipolygon.
 * @example inArea([0.5, 0.5], { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] }) // true
 */
export function inArea(p: Position, g: Polygon | MultiPolygon): boolean {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.some((rings) => inRings(p, rings));
}

/**
 * The county a lon/lat point lies in, or null outside every county.
 * @example countyAt([108.62, 21.95], counties) // '钦南区'
 */
export function countyAt(p: Position, counties: readonly CountyArea[]): string | null {
  return counties.find((c) => inArea(p, c.geometry))?.name ?? null;
}

/** The outline's points, at most COUNTY_TOLERANCE_M apart. */
function outlinePoints(g: Polygon | MultiPolygon): Position[] {
  const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  const out: Position[] = [];
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      const [a, b] = [ring[i - 1] as Position, ring[i] as Position];
      const cos = Math.cos(((a[1] as number) * Math.PI) / 180);
      const dx = ((b[0] as number) - (a[0] as number)) * cos * M_PER_DEG;
      const dy = ((b[1] as number) - (a[1] as number)) * M_PER_DEG;
      const n = Math.max(1, Math.ceil(Math.hypot(dx, dy) / COUNTY_TOLERANCE_M));
      for (let k = 0; k < n; k++) {
        const t = k / n;
        out.push([
          (a[0] as number) + t * ((b[0] as number) - (a[0] as number)),
          (a[1] as number) + t * ((b[1] as number) - (a[1] as number)),
        ]);
      }
    }
  }
  return out;
}

function boxOf(points: readonly Position[]): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points as [number, number][]) {
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  }
  return box;
}

/**
 * The counties the zones (polygons) lie in, in the register's order (钦南区, 钦北区, 灵山县, 浦北县),
 * each once. A zone is in a county when a point of its outline (points ≤ 20 m apart) lies inside it.
 * @example zoneCounties(publication.zones.features, counties) // [{ adcode: '450702', name: '钦南区' }]
 */
export function zoneCounties(
  zones: readonly Feature[],
  counties: readonly CountyArea[],
): { adcode: string; name: string }[] {
  const points = zones.flatMap((f) =>
    f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon'
      ? outlinePoints(f.geometry)
      : [],
  );
  if (points.length === 0) return [];
  const [w, s, e, n] = boxOf(points);
  const found = counties.filter((c) => {
    const polys = c.geometry.type === 'Polygon' ? [c.geometry.coordinates] : c.geometry.coordinates;
    const [cw, cs, ce, cn] = boxOf(polys.flatMap((rings) => rings[0] ?? []));
    if (ce < w || cw > e || cn < s || cs > n) return false;
    return points.some((p) => inArea(p, c.geometry));
  });
  const order = (adcode: string) => {
    const i = COUNTIES.findIndex((c) => c.adcode === adcode);
    return i < 0 ? COUNTIES.length : i;
  };
  return found
    .map((c) => ({ adcode: c.adcode, name: c.name }))
    .sort((a, b) => order(a.adcode) - order(b.adcode) || a.adcode.localeCompare(b.adcode));
}
