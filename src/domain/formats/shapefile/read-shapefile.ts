import type { Geometry, Position } from 'geojson';
import { type Message, msg } from '../../message';
import { pointInRing, signedArea2 } from '../common/geometry-coords';
import type { RawData, RawFeature, RawResult } from '../common/raw-data';
import { unzipChecked } from '../common/unzip-checked';
import type { ImportOptions, ImportSource } from '../types';
import { parsePrj } from './parse-prj';
import { chooseEncoding, readDbf } from './read-dbf';

/**
 * Reads a zipped shapefile (one or more layers): geometry from .shp, attributes from .dbf decoded
 * by --encoding, the .cpg, or the DBF bytes; CRS from .prj.
 * @example readShapefile({ name: 'a.zip', bytes }, {}) // { ok: true, raw: { features: […], declared: { crs: 'EPSG:4524', … } } }
 */
export function readShapefile(source: ImportSource, options: ImportOptions): RawResult {
  const unzipped = unzipChecked(source.bytes, source.name);
  if (!unzipped.ok) return unzipped;
  const files = unzipped.files;
  const lower = new Map(Object.keys(files).map((k) => [k.toLowerCase(), k]));
  const stems = [...lower.keys()].filter((k) => k.endsWith('.shp')).map((k) => k.slice(0, -4));
  if (stems.length === 0)
    return { ok: false, errors: [msg('formats.shp.noShp', { file: source.name })] };
  const get = (stem: string, ext: string) => {
    const k = lower.get(stem + ext);
    return k === undefined ? undefined : files[k];
  };
  const raw: RawData = {
    features: [],
    order: 'east-north',
    declared: null,
    zone: null,
    encoding: null,
    warnings: [],
  };
  const errors: Message[] = [];
  for (const stem of stems) {
    const layer = stem.split('/').pop() ?? stem;
    const r = readLayer(stem, layer, get, options, stems.length > 1);
    if (!r.ok) {
      for (const e of r.errors) errors.push(e);
      continue;
    }
    if (raw.declared && r.declared && raw.declared.crs !== r.declared.crs) {
      errors.push(
        msg('formats.shp.layersDiffer', { a: raw.declared.source, b: r.declared.source }),
      );
    }
    raw.declared ??= r.declared;
    raw.encoding = r.encoding === 'ascii' && raw.encoding ? raw.encoding : r.encoding;
    for (const f of r.features) raw.features.push(f);
    for (const w of r.warnings) raw.warnings.push(w);
  }
  if (errors.length > 0) return { ok: false, errors };
  if (raw.features.length === 0)
    return { ok: false, errors: [msg('formats.noGeometry', { file: source.name })] };
  return { ok: true, raw };
}

type Layer =
  | {
      ok: true;
      features: RawFeature[];
      declared: RawData['declared'];
      encoding: RawData['encoding'];
      warnings: Message[];
    }
  | { ok: false; errors: Message[] };

function readLayer(
  stem: string,
  layer: string,
  get: (stem: string, ext: string) => Uint8Array | undefined,
  options: ImportOptions,
  tagLayer: boolean,
): Layer {
  const shp = get(stem, '.shp') as Uint8Array;
  const dbf = get(stem, '.dbf');
  if (!dbf)
    return {
      ok: false,
      errors: [msg('formats.shp.noDbf', { layer })],
    };
  const shapes = readShp(shp, `${layer}.shp`);
  if (!shapes.ok) return shapes;
  const warnings: Message[] = [];
  const enc = chooseEncoding(dbf, get(stem, '.cpg'), options, layer, warnings);
  const table = readDbf(dbf, `${layer}.dbf`, enc);
  if (!table.ok) return table;
  if (table.rows.length !== shapes.shapes.length) {
    warnings.push(
      msg('formats.shp.rowsDiffer', {
        layer,
        shapes: shapes.shapes.length,
        rows: table.rows.length,
      }),
    );
  }
  let declared: RawData['declared'] = null;
  const prj = get(stem, '.prj');
  if (prj) {
    const p = parsePrj(new TextDecoder().decode(prj), `${layer}.prj`);
    if (!p.ok) return { ok: false, errors: [p.error] };
    if (p.note) warnings.push(p.note);
    declared = { crs: p.crs, source: `${layer}.prj` };
  }
  const features: RawFeature[] = [];
  shapes.shapes.forEach((g, i) => {
    if (!g) return;
    const props = { ...(table.rows[i] ?? {}) };
    if (tagLayer && !('layer' in props)) props.layer = layer;
    features.push({
      geometry: g,
      properties: props,
      where: msg('formats.where.featureOfLayer', { n: i + 1, layer }),
    });
  });
  return { ok: true, features, declared, encoding: enc, warnings };
}

type Shapes = { ok: true; shapes: (Geometry | null)[] } | { ok: false; errors: Message[] };

function readShp(b: Uint8Array, name: string): Shapes {
  if (b.length < 100)
    return {
      ok: false,
      errors: [msg('formats.shp.shortHeader', { file: name, bytes: b.length })],
    };
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (v.getInt32(0, false) !== 9994)
    return {
      ok: false,
      errors: [msg('formats.shp.badCode', { file: name, code: v.getInt32(0, false) })],
    };
  const length = v.getInt32(24, false) * 2;
  if (b.length < length)
    return {
      ok: false,
      errors: [msg('formats.shp.truncated', { file: name, says: length, bytes: b.length })],
    };
  const shapes: (Geometry | null)[] = [];
  let off = 100;
  while (off + 8 <= length) {
    const len = v.getInt32(off + 4, false) * 2;
    if (off + 8 + len > length)
      return {
        ok: false,
        errors: [msg('formats.shp.truncatedRecord', { file: name, record: shapes.length + 1 })],
      };
    const g = readShape(v, off + 8);
    if (g === undefined)
      return {
        ok: false,
        errors: [
          msg('formats.shp.shapeType', {
            file: name,
            record: shapes.length + 1,
            type: v.getInt32(off + 8, true),
          }),
        ],
      };
    shapes.push(g);
    off += 8 + len;
  }
  return { ok: true, shapes };
}

function readShape(v: DataView, o: number): Geometry | null | undefined {
  const type = v.getInt32(o, true);
  const pt = (at: number): Position => [v.getFloat64(at, true), v.getFloat64(at + 8, true)];
  if (type === 0) return null;
  if (type === 1 || type === 11 || type === 21) return { type: 'Point', coordinates: pt(o + 4) };
  if (type === 8 || type === 18 || type === 28) {
    const n = v.getInt32(o + 36, true);
    return {
      type: 'MultiPoint',
      coordinates: Array.from({ length: n }, (_, i) => pt(o + 40 + 16 * i)),
    };
  }
  if (![3, 5, 13, 15, 23, 25].includes(type)) return undefined;
  const nParts = v.getInt32(o + 36, true);
  const nPoints = v.getInt32(o + 40, true);
  const starts = Array.from({ length: nParts }, (_, i) => v.getInt32(o + 44 + 4 * i, true));
  const base = o + 44 + 4 * nParts;
  const parts = starts.map((s, i) => {
    const end = starts[i + 1] ?? nPoints;
    return Array.from({ length: end - s }, (_, j) => pt(base + 16 * (s + j)));
  });
  if (type % 10 === 3) {
    return parts.length === 1
      ? { type: 'LineString', coordinates: parts[0] as Position[] }
      : { type: 'MultiLineString', coordinates: parts };
  }
  return ringsToPolygons(parts);
}

/** Shapefile rings: outer clockwise, holes counter-clockwise; GeoJSON wants the opposite winding. */
function ringsToPolygons(rings: Position[][]): Geometry {
  const polys: Position[][][] = [];
  const holes: Position[][] = [];
  for (const r of rings) {
    if (signedArea2(r) <= 0) polys.push([[...r].reverse()]);
    else holes.push([...r].reverse());
  }
  for (const h of holes) {
    const owner =
      polys.find((p) => h[0] && pointInRing(p[0] as Position[], h[0])) ?? polys[polys.length - 1];
    if (owner) owner.push(h);
    else polys.push([[...h].reverse()]);
  }
  return polys.length === 1
    ? { type: 'Polygon', coordinates: polys[0] as Position[][] }
    : { type: 'MultiPolygon', coordinates: polys };
}
