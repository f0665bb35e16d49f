// 现场复核: the boundary marker nearest to where I stand, measured in the markers' Gauss-Krüger zone.
import type { Feature } from 'geojson';
import type { CrsCode } from '../crs/crs';
import { CRS, projector, zoneOfPositions } from '../crs/crs';
import { type Message, msg } from '../message';

/** The eight compass points, clockwise from grid north. */
export type CompassPoint = 'N' | 'NE' | 'E' | 'SE' | 'S' | 'SW' | 'W' | 'NW';

const COMPASS: readonly CompassPoint[] = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'];

/** The nearest marker seen from a position. */
export interface NearestMarker {
  /** the marker's number, e.g. `QJ01-GL-L-003` */
  id: string;
  lon: number;
  lat: number;
  /** grid distance in the zone (metres); the scale factor is < 1.0003 in zones 36–37 of Guangxi */
  distanceM: number;
  /** grid bearing from the position to the marker, degrees clockwise from grid north (0–360) */
  bearingDeg: number;
  direction: CompassPoint;
  /** the 3° Gauss-Krüger zone the distance is measured in (the markers' zone) */
  crs: Extract<CrsCode, 'EPSG:4545' | 'EPSG:4546'>;
}

/** The nearest marker, or why there is none to show. */
export type NearestResult = { ok: true; nearest: NearestMarker } | { ok: false; reason: Message };

/** How far from its central meridian a position may be for a distance in the zone (one zone's width). */
const MAX_FROM_CM_DEG = 3;

interface MarkerPoint {
  id: string;
  lon: number;
  lat: number;
}

/** The boundary markers (界桩) among draft features: points with `markerType: 'boundary'` and an id. */
function boundaryMarkers(features: readonly Feature[]): MarkerPoint[] {
  const out: MarkerPoint[] = [];
  for (const f of features) {
    const p = f.properties;
    if (f.geometry?.type !== 'Point' || p?.markerType !== 'boundary') continue;
    const [lon, lat] = f.geometry.coordinates;
    if (typeof p.id === 'string' && Number.isFinite(lon) && Number.isFinite(lat)) {
      out.push({ id: p.id, lon: lon as number, lat: lat as number });
    }
  }
  return out;
}

/**
 * The compass point of a bearing (degrees clockwise from north).
 * @example compassPoint(44) // 'NE'
 */
export function compassPoint(bearingDeg: number): CompassPoint {
  const i = Math.round((((bearingDeg % 360) + 360) % 360) / 45) % 8;
  return COMPASS[i] as CompassPoint;
}

/**
 * The boundary marker (界桩) nearest to a position [lon, lat], with the grid distance and bearing
 * from the position to it, in the 3° Gauss-Krüger zone of the markers (the zone of their middle
 * longitude, as an export's auto zone). Other features (zones, lines, notice boards) are ignored.
 * @example nearestMarker([108.5806, 21.9650], draft.features) // { ok: true, nearest: { id: 'QJ01-GL-L-001', distanceM: 12.4, direction: 'NE', … } }
 */
export function nearestMarker(
  position: readonly number[],
  features: readonly Feature[],
): NearestResult {
  const [lon, lat] = position;
  if (lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    return { ok: false, reason: msg('markers.nearest.noPosition') };
  }
  if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
    return { ok: false, reason: msg('markers.nearest.notLonLat', { lon, lat }) };
  }
  const markers = boundaryMarkers(features);
  if (markers.length === 0) return { ok: false, reason: msg('markers.nearest.noMarkers') };
  const { code } = zoneOfPositions(markers.map((m) => [m.lon, m.lat]));
  const cm = CRS[code].centralMeridian as number;
  if (Math.abs(lon - cm) > MAX_FROM_CM_DEG) {
    return {
      ok: false,
      reason: msg('markers.nearest.tooFar', { lon: lon.toFixed(4), crs: code, cm }),
    };
  }
  const proj = projector(code);
  const [e0, n0] = proj.forward([lon, lat]);
  let best: { m: MarkerPoint; de: number; dn: number; d: number } | null = null;
  for (const m of markers) {
    const [e, n] = proj.forward([m.lon, m.lat]);
    const de = e - e0;
    const dn = n - n0;
    const d = Math.hypot(de, dn);
    if (!best || d < best.d) best = { m, de, dn, d };
  }
  const { m, de, dn, d } = best as NonNullable<typeof best>;
  const bearingDeg = d === 0 ? 0 : ((Math.atan2(de, dn) * 180) / Math.PI + 360) % 360;
  return {
    ok: true,
    nearest: {
      id: m.id,
      lon: m.lon,
      lat: m.lat,
      distanceM: d,
      bearingDeg,
      direction: compassPoint(bearingDeg),
      crs: code,
    },
  };
}
