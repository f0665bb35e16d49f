import type { Feature, Geometry, Position } from 'geojson';
import type { CrsCode } from '../../crs/crs';
import { CRS } from '../../crs/crs';
import { type Message, msg } from '../../message';
import { POSITION_DEPTH } from '../common/geometry-coords';
import type { RawData, RawFeature, RawResult } from '../common/raw-data';
import type { ImportOptions, ImportSource } from '../types';

const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) && p.length >= 2 && p.every((v) => typeof v === 'number' && Number.isFinite(v));

function checkCoords(c: unknown, depth: number): boolean {
  if (depth === 0) return isPosition(c);
  return Array.isArray(c) && c.every((x) => checkCoords(x, depth - 1));
}

function geometryProblem(g: unknown): Message | null {
  if (g === null) return null;
  if (typeof g !== 'object') return msg('formats.geojson.geometryNotObject');
  const { type, coordinates, geometries } = g as Record<string, unknown>;
  if (type === 'GeometryCollection') {
    if (!Array.isArray(geometries)) return msg('formats.geojson.noGeometries');
    for (const x of geometries) {
      const p = geometryProblem(x);
      if (p) return p;
    }
    return null;
  }
  const depth = POSITION_DEPTH[String(type)];
  if (depth === undefined) return msg('formats.geojson.unknownType', { type: String(type) });
  if (!checkCoords(coordinates, depth))
    return msg('formats.geojson.badCoordinates', { type: String(type) });
  return null;
}

/** A legacy GeoJSON `crs` member naming one of Hejie's CRSs (`EPSG:4524`, `urn:ogc:def:crs:EPSG::4524`). */
function legacyCrs(doc: Record<string, unknown>): CrsCode | 'CRS84' | string | null {
  const name = (doc.crs as { properties?: { name?: unknown } } | undefined)?.properties?.name;
  if (typeof name !== 'string') return null;
  if (/CRS84$/i.test(name)) return 'CRS84';
  const code = /EPSG:{1,2}(\d+)$/i.exec(name)?.[1];
  const key = `EPSG:${code}` as CrsCode;
  return code && key in CRS ? key : name;
}

/**
 * Reads GeoJSON (RFC 7946 lon/lat; a legacy `crs` member naming a CGCS2000 zone is honoured).
 * @example readGeojson({ name: 'a.geojson', bytes }, {}) // { ok: true, raw: { features: […] } }
 */
export function readGeojson(source: ImportSource, _options: ImportOptions): RawResult {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder().decode(source.bytes).replace(/^\uFEFF/, ''));
  } catch (e) {
    return {
      ok: false,
      errors: [msg('formats.geojson.notJson', { file: source.name, detail: (e as Error).message })],
    };
  }
  if (!doc || typeof doc !== 'object')
    return { ok: false, errors: [msg('formats.geojson.notObject', { file: source.name })] };
  const d = doc as Record<string, unknown>;
  const list: unknown[] =
    d.type === 'FeatureCollection'
      ? Array.isArray(d.features)
        ? d.features
        : []
      : d.type === 'Feature'
        ? [d]
        : POSITION_DEPTH[String(d.type)] !== undefined || d.type === 'GeometryCollection'
          ? [{ type: 'Feature', geometry: d, properties: {} }]
          : [];
  if (list.length === 0) {
    return {
      ok: false,
      errors: [msg('formats.geojson.noFeatures', { file: source.name, type: String(d.type) })],
    };
  }
  const errors: Message[] = [];
  const features: RawFeature[] = [];
  list.forEach((f, i) => {
    const feat = f as Partial<Feature>;
    const problem =
      feat?.type !== 'Feature' ? msg('formats.geojson.notFeature') : geometryProblem(feat.geometry);
    if (problem)
      errors.push(msg('formats.geojson.featureProblem', { file: source.name, n: i + 1, problem }));
    else if (feat.geometry) {
      features.push({
        geometry: feat.geometry as Geometry,
        properties: { ...(feat.properties ?? {}) },
        where: msg('formats.where.feature', { n: i + 1 }),
      });
    }
  });
  if (errors.length > 0) return { ok: false, errors };
  if (features.length === 0)
    return { ok: false, errors: [msg('formats.noGeometry', { file: source.name })] };
  const crs = legacyCrs(d);
  const warnings: Message[] = [];
  let declared: RawData['declared'] = null;
  if (crs === 'CRS84' || crs === null) declared = null;
  else if (crs in CRS)
    declared = {
      crs: crs as CrsCode,
      source: msg('formats.geojson.crsMember', { file: source.name }),
    };
  else
    return {
      ok: false,
      errors: [msg('formats.geojson.foreignCrs', { file: source.name, crs })],
    };
  return {
    ok: true,
    raw: { features, order: 'east-north', declared, zone: null, encoding: 'utf-8', warnings },
  };
}
