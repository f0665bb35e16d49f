import type { Position } from 'geojson';
import { lonExtent, projector, zoneOfExtent } from '../crs/crs';

/**
 * Length of a lon/lat line in metres, measured in the Gauss-Krüger zone of its extent (the one zone
 * choice, `zoneOfExtent`); null when it lies outside zones 36–37 (106.5–112.5°E), where the app
 * measures nothing.
 * @example measureLength([[108.58, 21.96], [108.58, 21.97]]) // ≈ 1107
 */
export function measureLength(coords: readonly Position[]): number | null {
  const first = coords[0];
  if (!first) return 0;
  const e = lonExtent(coords) as { min: number; max: number };
  if (!(e.min >= 106.5 && e.max <= 112.5)) return null;
  const { forward } = projector(zoneOfExtent(e.min, e.max).code);
  let length = 0;
  let prev = forward(first);
  for (const c of coords.slice(1)) {
    const p = forward(c);
    length += Math.hypot(p[0] - prev[0], p[1] - prev[1]);
    prev = p;
  }
  return length;
}
