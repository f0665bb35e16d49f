import type { Feature, FeatureCollection, Position } from 'geojson';
import { CRS, type CrsCode, crossesZoneLine, zoneOfExtent } from '../../crs/crs';
import { POSITION_DEPTH } from '../common/geometry-coords';
import type { ExportResult, TextEncoding } from '../types';
import { EXPORT_FORMATS } from './export-formats';

/** What to export and how: the format id, the CRS ('auto': the 3° zone of the data), encoding and file stem. */
export interface ExportOptions {
  format: string;
  crs: 'auto' | CrsCode;
  encoding: TextEncoding;
  baseName: string;
}

/** Longitudes the GK zones 36–37 can hold (a forced zone extends across the zone line). */
const ZONES_LON: [number, number] = [106.5, 112.5];

/** Every position of a coordinate array of the given nesting depth; null when the shape is wrong. */
function positionsOf(coords: unknown, depth: number): unknown[] | null {
  if (!Array.isArray(coords)) return null;
  if (depth === 0) return [coords];
  const out: unknown[] = [];
  for (const c of coords) {
    const inner = positionsOf(c, depth - 1);
    if (!inner) return null;
    out.push(...inner);
  }
  return out;
}

function checkPosition(p: unknown, projected: boolean): string | null {
  if (
    !Array.isArray(p) ||
    p.length < 2 ||
    !p.every((v) => typeof v === 'number' && Number.isFinite(v))
  )
    return `coordinate ${JSON.stringify(p)} is not a pair of finite numbers`;
  const [lon, lat] = p as number[];
  if (Math.abs(lon as number) > 180 || Math.abs(lat as number) > 90)
    return `coordinate [${lon}, ${lat}] is not lon/lat in degrees (projected metres? export takes CGCS2000 lon/lat)`;
  if (projected && ((lon as number) < ZONES_LON[0] || (lon as number) > ZONES_LON[1]))
    return `longitude ${lon} is outside Gauss-Krüger zones 36–37 (${ZONES_LON[0]}–${ZONES_LON[1]}°E)`;
  return null;
}

function checkRings(type: string, coords: unknown): string | null {
  const polygons =
    type === 'Polygon' ? [coords] : type === 'MultiPolygon' ? (coords as unknown[]) : [];
  for (const rings of polygons as Position[][][]) {
    if (rings.length === 0) return 'a polygon has no rings';
    for (const r of rings) {
      const [a, z] = [r[0] as Position, r[r.length - 1] as Position];
      if (r.length < 4 || a[0] !== z[0] || a[1] !== z[1])
        return 'a polygon ring is not closed or has fewer than 4 positions';
    }
  }
  return null;
}

function checkFeature(f: unknown, projected: boolean): string | null {
  const feat = f as Partial<Feature> | null;
  if (feat?.type !== 'Feature') return 'is not a GeoJSON Feature';
  const g = feat.geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!g) return 'has no geometry';
  const depth = POSITION_DEPTH[String(g.type)];
  if (depth === undefined)
    return `has geometry type ${String(g.type)}; exports take Point, LineString, Polygon and their Multi types`;
  const positions = positionsOf(g.coordinates, depth);
  if (!positions || positions.length === 0) return `has malformed ${String(g.type)} coordinates`;
  for (const p of positions) {
    const why = checkPosition(p, projected);
    if (why) return why;
  }
  if (
    feat.properties !== null &&
    feat.properties !== undefined &&
    typeof feat.properties !== 'object'
  )
    return 'has properties that are not an object';
  return checkRings(String(g.type), g.coordinates);
}

function lonRange(fc: FeatureCollection): [number, number] {
  let [min, max] = [Infinity, -Infinity];
  for (const f of fc.features) {
    for (const p of positionsOf(
      (f.geometry as { coordinates: unknown }).coordinates,
      POSITION_DEPTH[f.geometry.type] ?? 0,
    ) as number[][]) {
      min = Math.min(min, p[0] as number);
      max = Math.max(max, p[0] as number);
    }
  }
  return [min, max];
}

/**
 * Exports lon/lat CGCS2000 features in one format. Checks the input first (every reason, naming the
 * feature index); resolves `crs: 'auto'` to the 3° zone (EPSG:4545/4546) holding the centre of the
 * data's extent and warns when the data crosses 109.5°E; a forced zone is used as is (beyond the zone
 * line it is the extended zone). lon/lat-only formats (kml, geojson) are written in EPSG:4490.
 * @example exportFeatures(zones, { format: 'shp', crs: 'auto', encoding: 'gbk', baseName: 'zones' })
 */
export function exportFeatures(input: unknown, options: ExportOptions): ExportResult {
  const format = EXPORT_FORMATS.find((f) => f.id === options.format);
  if (!format)
    throw new Error(
      `unknown export format "${options.format}" (${EXPORT_FORMATS.map((f) => f.id).join(', ')})`,
    );
  if (options.crs !== 'auto' && !CRS[options.crs]) throw new Error(`unknown CRS "${options.crs}"`);
  const fc = input as Partial<FeatureCollection> | null;
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features))
    return { ok: false, errors: ['the input is not a GeoJSON FeatureCollection'] };
  if (fc.features.length === 0)
    return { ok: false, errors: ['the input has no features to export'] };
  const projected = !format.lonLatOnly && options.crs !== 'EPSG:4490';
  const errors = fc.features.flatMap((f, i) => {
    const why = checkFeature(f, projected);
    // reasons about the feature read "feature 3 has no geometry"; about a coordinate "feature 3: …"
    const joiner = /^(has|is) /.test(why ?? '') ? ' ' : ': ';
    return why ? [`feature ${i}${joiner}${why}`] : [];
  });
  if (errors.length > 0) return { ok: false, errors };
  const valid = fc as FeatureCollection;
  const warnings: string[] = [];
  let code: CrsCode = format.lonLatOnly
    ? 'EPSG:4490'
    : options.crs === 'auto'
      ? 'EPSG:4545'
      : options.crs;
  if (format.lonLatOnly && options.crs !== 'auto' && options.crs !== 'EPSG:4490')
    warnings.push(
      `${format.label} is always lon/lat (EPSG:4490); --crs ${options.crs} does not apply`,
    );
  if (projected) {
    const [min, max] = lonRange(valid);
    if (options.crs === 'auto') code = zoneOfExtent(min, max).code;
    if (crossesZoneLine(min, max))
      warnings.push(
        `the features cross 109.5°E (GK zones 36/37; ${min.toFixed(4)}–${max.toFixed(4)}°E): all are written in ${code} (${CRS[code].name}), the far side in the extended zone`,
      );
  }
  const written = format.write(valid, {
    crs: CRS[code],
    encoding: options.encoding,
    baseName: options.baseName,
  });
  return written.ok
    ? { ...written, crs: code, warnings: [...warnings, ...written.warnings] }
    : written;
}
