// Measuring on the map: a path's length and a polygon's area, in the Gauss-Krüger zone of the shape
// (the zone engine's plane: its lengths and areas are measured the same way), and how a planner
// reads them (m / km; m², 亩 and km²).
import type { Position } from 'geojson';
import { lonExtent, projector, zoneOfExtent } from '../crs/crs';
import { measureLength } from '../editor/measure-length';
import { formatFixed } from '../formats/common/dms';
import { type Message, msg } from '../message';

/** Square metres in one 亩 (市亩: 10 000 / 15). */
const M2_PER_MU = 10_000 / 15;

/**
 * Area in m² of a polygon ring (lon/lat, open or closed) on the GK plane of its zone; null outside
 * zones 36–37. A ring of fewer than 3 points has no area (0).
 * @example measureArea([[108.58, 21.96], [108.59, 21.96], [108.59, 21.97]]) // ≈ 57 400
 */
export function measureArea(ring: readonly Position[]): number | null {
  if (ring.length < 3) return 0;
  const e = lonExtent(ring) as { min: number; max: number };
  if (!(e.min >= 106.5 && e.max <= 112.5)) return null;
  const { forward } = projector(zoneOfExtent(e.min, e.max).code);
  const xy = ring.map((p) => forward(p));
  // the shoelace formula, on coordinates relative to the first point (fewer cancelled digits)
  const [x0, y0] = xy[0] as [number, number];
  let twice = 0;
  for (let i = 0; i < xy.length; i++) {
    const [ax, ay] = xy[i] as [number, number];
    const [bx, by] = xy[(i + 1) % xy.length] as [number, number];
    twice += (ax - x0) * (by - y0) - (bx - x0) * (ay - y0);
  }
  return Math.abs(twice) / 2;
}

/**
 * Length in metres of a path (lon/lat) on the GK plane of its zone; null outside zones 36–37.
 * @example measureDistance([[108.58, 21.96], [108.58, 21.97]]) // ≈ 1107
 */
export function measureDistance(path: readonly Position[]): number | null {
  return measureLength(path);
}

/**
 * A length as a planner reads it: metres to 0.01 below 1 km, else km to 0.001.
 * @example formatDistance(1234.5) // msg('maptools.length.km', { km: '1.235' })
 */
export function formatDistance(m: number): Message {
  return m < 1000
    ? msg('maptools.length.m', { m: formatFixed(m, 2) })
    : msg('maptools.length.km', { km: formatFixed(m / 1000, 3) });
}

/**
 * An area as a planner reads it: m² and 亩 below 1 km², else km² and 亩.
 * @example formatArea(14000) // msg('maptools.area.m2', { m2: '14000.0', mu: '21.00' }) → 14000.0 m²（21.00 亩）
 */
export function formatArea(m2: number): Message {
  const mu = formatFixed(m2 / M2_PER_MU, 2);
  return m2 < 1_000_000
    ? msg('maptools.area.m2', { m2: formatFixed(m2, 1), mu })
    : msg('maptools.area.km2', { km2: formatFixed(m2 / 1_000_000, 4), mu });
}
