import type { Feature, FeatureCollection, Position } from 'geojson';
import { CRS, type CrsCode, crossesZoneLine, zoneOfExtent } from '../../crs/crs';
import { type Message, msg } from '../../message';
import { fileStem } from '../../text/file-stem';
import { POSITION_DEPTH } from '../common/geometry-coords';
import type { ExportResult, TextEncoding } from '../types';
import { type ExportSchema, nameRiverAndReaches, type SchemaNaming } from './deliverable-schema';
import { EXPORT_FORMATS } from './export-formats';

/**
 * What to export and how: the format id, the CRS ('auto': the 3° zone of the data), encoding, file
 * stem and schema ('zh': Chinese field names and values, named by `naming`; 'en': internal keys).
 */
export interface ExportOptions {
  format: string;
  crs: 'auto' | CrsCode;
  encoding: TextEncoding;
  baseName: string;
  /** when the export is made (zip entry times, dates printed); the clock when absent */
  now?: Date;
  schema: ExportSchema;
  /** how a 'zh' export names its river and reaches (required for 'zh') */
  naming?: SchemaNaming;
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
    for (const f of inner) out.push(f);
  }
  return out;
}

function checkPosition(p: unknown, projected: boolean): Message | null {
  if (
    !Array.isArray(p) ||
    p.length < 2 ||
    !p.every((v) => typeof v === 'number' && Number.isFinite(v))
  )
    return msg('formats.export.notNumbers', { coordinate: JSON.stringify(p) ?? String(p) });
  const [lon, lat] = p as number[];
  if (Math.abs(lon as number) > 180 || Math.abs(lat as number) > 90)
    return msg('formats.export.notLonLat', { lon: lon as number, lat: lat as number });
  if (projected && ((lon as number) < ZONES_LON[0] || (lon as number) > ZONES_LON[1]))
    return msg('formats.export.outsideZones', {
      lon: lon as number,
      west: ZONES_LON[0],
      east: ZONES_LON[1],
    });
  return null;
}

function checkRings(type: string, coords: unknown): Message | null {
  const polygons =
    type === 'Polygon' ? [coords] : type === 'MultiPolygon' ? (coords as unknown[]) : [];
  for (const rings of polygons as Position[][][]) {
    if (rings.length === 0) return msg('formats.export.noRings');
    for (const r of rings) {
      const [a, z] = [r[0] as Position, r[r.length - 1] as Position];
      if (r.length < 4 || a[0] !== z[0] || a[1] !== z[1]) return msg('formats.export.openRing');
    }
  }
  return null;
}

/** What is wrong with feature `n` (its index), or null. */
function checkFeature(f: unknown, n: number, projected: boolean): Message | null {
  const feat = f as Partial<Feature> | null;
  if (feat?.type !== 'Feature') return msg('formats.export.notFeature', { n });
  const g = feat.geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!g) return msg('formats.export.noGeometry', { n });
  const depth = POSITION_DEPTH[String(g.type)];
  if (depth === undefined) return msg('formats.export.geometryType', { n, type: String(g.type) });
  const positions = positionsOf(g.coordinates, depth);
  if (!positions || positions.length === 0)
    return msg('formats.export.malformed', { n, type: String(g.type) });
  for (const p of positions) {
    const why = checkPosition(p, projected);
    if (why) return msg('formats.export.featureAt', { n, why });
  }
  if (
    feat.properties !== null &&
    feat.properties !== undefined &&
    typeof feat.properties !== 'object'
  )
    return msg('formats.export.badProperties', { n });
  const ring = checkRings(String(g.type), g.coordinates);
  return ring ? msg('formats.export.featureAt', { n, why: ring }) : null;
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
  if (options.schema === 'zh' && !options.naming)
    throw new Error('a Chinese-schema export needs `naming` (the river and a renderer)');
  const fc = input as Partial<FeatureCollection> | null;
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features))
    return { ok: false, errors: [msg('formats.export.notCollection')] };
  if (fc.features.length === 0) return { ok: false, errors: [msg('formats.export.empty')] };
  const projected = !format.lonLatOnly && options.crs !== 'EPSG:4490';
  const errors = fc.features.flatMap((f, i) => {
    const why = checkFeature(f, i, projected);
    return why ? [why] : [];
  });
  if (errors.length > 0) return { ok: false, errors };
  const valid = fc as FeatureCollection;
  const warnings: Message[] = [];
  let code: CrsCode = format.lonLatOnly
    ? 'EPSG:4490'
    : options.crs === 'auto'
      ? 'EPSG:4545'
      : options.crs;
  if (format.lonLatOnly && options.crs !== 'auto' && options.crs !== 'EPSG:4490')
    warnings.push(msg('formats.export.lonLatOnly', { format: format.label, crs: options.crs }));
  if (projected) {
    const [min, max] = lonRange(valid);
    if (options.crs === 'auto') code = zoneOfExtent(min, max).code;
    if (crossesZoneLine(min, max))
      warnings.push(
        msg('formats.export.crossesZoneLine', {
          west: min.toFixed(4),
          east: max.toFixed(4),
          crs: code,
          name: CRS[code].name,
        }),
      );
  }
  const named =
    options.schema === 'zh' && options.naming ? nameRiverAndReaches(valid, options.naming) : valid;
  const written = format.write(named, {
    crs: CRS[code],
    encoding: options.encoding,
    baseName: fileStem(options.baseName),
    schema: options.schema,
    ...(options.now ? { now: options.now } : {}),
  });
  return written.ok
    ? { ...written, crs: code, warnings: [...warnings, ...written.warnings] }
    : written;
}
