// Where a point lies, as a planner reads it: B/L in degrees and 度分秒, and X/Y in a 3° Gauss-Krüger
// zone (CGCS2000). The zone is the one zone choice of the app (`zoneOfExtent`), unless one is given.
import { type CrsCode, projector, zoneOfExtent } from '../crs/crs';
import { formatDms, formatFixed } from '../formats/common/dms';

/** A point in the zone: X = north, Y = east (as Chinese tables print them), metres. */
export interface GridXY {
  code: CrsCode;
  /** 3° zone number (36, 37) */
  zone: number;
  x: number;
  y: number;
}

/** A point's B/L (and its X/Y when it lies in zones 36–37). */
export interface PointReadout {
  /** latitude B and longitude L, degrees, 6 decimals (≈ 0.1 m) */
  b: string;
  l: string;
  /** the same in 度分秒, seconds to 2 decimals (≈ 0.3 m) */
  bDms: string;
  lDms: string;
  /** null outside zones 36–37 (106.5–112.5°E), where the app projects nothing */
  grid: GridXY | null;
}

/**
 * The X/Y of a lon/lat in a GK zone: `code`, or the zone of its own longitude. Null outside zones
 * 36–37 when no zone is given.
 * @example gridXY([108.6, 21.95])?.code // 'EPSG:4545'
 */
function gridXY(lngLat: readonly [number, number], code?: CrsCode): GridXY | null {
  let crs = code;
  if (crs === undefined) {
    const lon = lngLat[0];
    if (!(lon >= 106.5 && lon <= 112.5)) return null;
    crs = zoneOfExtent(lon, lon).code;
  }
  const p = projector(crs);
  const [east, north] = p.forward(lngLat);
  return { code: crs, zone: p.crs.zone ?? 0, x: north, y: east };
}

/**
 * A point as the cursor readout shows it.
 * @example readPoint([108.6, 21.95]).bDms // `21°57'00.00"`
 */
export function readPoint(lngLat: readonly [number, number], code?: CrsCode): PointReadout {
  const [lon, lat] = lngLat;
  return {
    b: formatFixed(lat, 6),
    l: formatFixed(lon, 6),
    bDms: formatDms(lat, 2),
    lDms: formatDms(lon, 2),
    grid: gridXY(lngLat, code),
  };
}
