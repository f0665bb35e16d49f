import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Geometry, Position } from 'geojson';
import { type Message, msg } from '../../message';
import type { RawFeature, RawResult } from '../common/raw-data';
import type { ImportOptions, ImportSource } from '../types';

type Node = Record<string, unknown>;

const ARRAYS = new Set([
  'Placemark',
  'Folder',
  'Document',
  'Data',
  'SimpleData',
  'Point',
  'LineString',
  'Polygon',
  'LinearRing',
  'innerBoundaryIs',
  'MultiGeometry',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ARRAYS.has(name),
});

const arr = (x: unknown): Node[] => (Array.isArray(x) ? (x as Node[]) : x ? [x as Node] : []);
const text = (x: unknown): string =>
  typeof x === 'string' ? x : x && typeof x === 'object' ? String((x as Node)['#text'] ?? '') : '';

function coords(s: unknown): Position[] {
  return text(s)
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => t.split(',').map(Number));
}

function geometries(n: Node): Geometry[] {
  const out: Geometry[] = [];
  for (const p of arr(n.Point))
    out.push({ type: 'Point', coordinates: coords(p.coordinates)[0] ?? [] });
  for (const l of arr(n.LineString))
    out.push({ type: 'LineString', coordinates: coords(l.coordinates) });
  for (const p of arr(n.Polygon)) {
    const outer = coords(arr(arr(p.outerBoundaryIs)[0]?.LinearRing)[0]?.coordinates);
    const inner = arr(p.innerBoundaryIs).flatMap((b) =>
      arr(b.LinearRing).map((r) => coords(r.coordinates)),
    );
    out.push({ type: 'Polygon', coordinates: [outer, ...inner] });
  }
  for (const m of arr(n.MultiGeometry)) for (const g of geometries(m)) out.push(g);
  return out;
}

function properties(pm: Node): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  if (pm.name !== undefined) props.name = text(pm.name);
  if (pm.description !== undefined) props.description = text(pm.description);
  const ext = arr(pm.ExtendedData)[0];
  for (const d of arr(ext?.Data)) props[String(d['@name'])] = text(d.value);
  for (const sd of arr(ext?.SchemaData))
    for (const d of arr(sd.SimpleData)) props[String(d['@name'])] = text(d);
  return props;
}

/** One geometry for a placemark: a MultiGeometry of one kind becomes a Multi* geometry. */
function single(gs: Geometry[]): Geometry | null {
  if (gs.length <= 1) return gs[0] ?? null;
  const kinds = new Set(gs.map((g) => g.type));
  const only = kinds.size === 1 ? [...kinds][0] : null;
  const coords = gs.map((g) => (g as { coordinates: unknown }).coordinates);
  if (only === 'Polygon') return { type: 'MultiPolygon', coordinates: coords as Position[][][] };
  if (only === 'LineString')
    return { type: 'MultiLineString', coordinates: coords as Position[][] };
  if (only === 'Point') return { type: 'MultiPoint', coordinates: coords as Position[] };
  return { type: 'GeometryCollection', geometries: gs };
}

function walk(n: Node, folder: string | null, out: RawFeature[], bad: Message[]): void {
  for (const pm of arr(n.Placemark)) {
    const n = out.length + bad.length + 1;
    const where = pm.name
      ? msg('formats.where.namedPlacemark', { n, name: text(pm.name) })
      : msg('formats.where.placemark', { n });
    const g = single(geometries(pm));
    if (!g) continue;
    const ok = JSON.stringify(g).match(/null|NaN/) === null;
    if (!ok) bad.push(msg('formats.kml.badCoordinates', { where }));
    const props = properties(pm);
    if (folder !== null && !('layer' in props)) props.layer = folder;
    if (ok) out.push({ geometry: g, properties: props, where });
  }
  for (const d of arr(n.Document)) walk(d, folder, out, bad);
  for (const f of arr(n.Folder)) walk(f, f.name !== undefined ? text(f.name) : folder, out, bad);
}

/**
 * Reads KML placemarks (points, lines, polygons, multi-geometries) with names, descriptions and
 * extended data; folders become the `layer` property. KML is WGS 84 lon/lat, taken as CGCS2000.
 * @example readKml({ name: 'a.kml', bytes }, {}) // { ok: true, raw: { features: […], declared: { crs: 'EPSG:4490', … } } }
 */
export function readKml(source: ImportSource, _options: ImportOptions): RawResult {
  const xml = new TextDecoder().decode(source.bytes).replace(/^\uFEFF/, '');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return {
      ok: false,
      errors: [
        msg('formats.kml.notXml', {
          file: source.name,
          detail: valid.err.msg,
          line: valid.err.line,
        }),
      ],
    };
  }
  const doc = parser.parse(xml) as Node;
  const kml = doc.kml as Node | undefined;
  if (!kml || typeof kml !== 'object') {
    const root = Object.keys(doc).find((k) => !k.startsWith('?')) ?? '';
    return {
      ok: false,
      errors: [msg('formats.kml.notKml', { file: source.name, root })],
    };
  }
  const features: RawFeature[] = [];
  const bad: Message[] = [];
  walk(kml, null, features, bad);
  if (bad.length > 0)
    return {
      ok: false,
      errors: bad.map((b) => msg('formats.inFile', { file: source.name, what: b })),
    };
  if (features.length === 0)
    return { ok: false, errors: [msg('formats.kml.noPlacemark', { file: source.name })] };
  return {
    ok: true,
    raw: {
      features,
      order: 'east-north',
      declared: { crs: 'EPSG:4490', source: msg('formats.kml.declared') },
      zone: null,
      encoding: 'utf-8',
      warnings: [msg('formats.kml.wgs84')],
    },
  };
}
