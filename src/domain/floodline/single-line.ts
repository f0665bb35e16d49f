import type { Position } from 'geojson';

/**
 * The one line of a parsed GeoJSON value (a FeatureCollection of one feature, a Feature, a LineString
 * or a MultiLineString of one part), or null: a centreline file must hold exactly one line.
 * @example singleLine({ type: 'LineString', coordinates: [[108.6, 22], [108.7, 22]] }) // [[108.6, 22], [108.7, 22]]
 */
export function singleLine(json: unknown): Position[] | null {
  const j = json as {
    type?: string;
    features?: unknown[];
    geometry?: unknown;
    coordinates?: unknown;
  };
  if (j?.type === 'FeatureCollection')
    return j.features?.length === 1 ? singleLine(j.features[0]) : null;
  if (j?.type === 'Feature') return singleLine(j.geometry);
  const c = j?.coordinates;
  const line =
    j?.type === 'LineString'
      ? c
      : j?.type === 'MultiLineString' && Array.isArray(c) && c.length === 1
        ? c[0]
        : null;
  if (!Array.isArray(line) || line.length < 2) return null;
  const ok = line.every(
    (p) =>
      Array.isArray(p) &&
      p.length >= 2 &&
      p.every((v) => typeof v === 'number' && Number.isFinite(v)),
  );
  return ok ? (line as Position[]).map((p) => [p[0] as number, p[1] as number]) : null;
}
