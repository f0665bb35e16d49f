import { strToU8 } from 'fflate';
import type { Feature, FeatureCollection, Position } from 'geojson';
import { msg } from '../../message';
import { DELIVERABLES } from '../common/deliverables';
import { type ExportGeometry, orientPolygons } from '../common/geometry-coords';
import { layerOf } from '../common/layer-of';
import type { ExportContext, ExportFormat } from '../types';

/** KML colours are aabbggrr: management red, protection green, notice boards cyan. */
const STYLE_COLORS: Record<string, string> = {
  'management-zone': 'ff0000ff',
  'management-line': 'ff0000ff',
  marker: 'ff0000ff',
  'protection-zone': 'ff00aa00',
  'protection-line': 'ff00aa00',
  'notice-board': 'ffffff00',
  other: 'ffffffff',
};

const escapeXml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`,
  );
const textOf = (v: unknown) =>
  v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
const coords = (ps: Position[]) => ps.map((p) => `${p[0]},${p[1]}`).join(' ');

function styles(): string {
  return Object.entries(STYLE_COLORS)
    .map(
      ([id, color]) =>
        `<Style id="${id}"><LineStyle><color>${color}</color><width>2</width></LineStyle>` +
        `<PolyStyle><color>40${color.slice(2)}</color></PolyStyle>` +
        `<IconStyle><color>${color}</color></IconStyle></Style>`,
    )
    .join('\n');
}

function polygonKml(rings: Position[][]): string {
  const [outer, ...holes] = rings;
  const inner = holes.map(
    (h) =>
      `<innerBoundaryIs><LinearRing><coordinates>${coords(h)}</coordinates></LinearRing></innerBoundaryIs>`,
  );
  return `<Polygon><outerBoundaryIs><LinearRing><coordinates>${coords(outer ?? [])}</coordinates></LinearRing></outerBoundaryIs>${inner.join('')}</Polygon>`;
}

function geometryKml(g: ExportGeometry): string {
  const multi = (parts: string[]) => `<MultiGeometry>${parts.join('')}</MultiGeometry>`;
  switch (g.type) {
    case 'Point':
      return `<Point><coordinates>${coords([g.coordinates])}</coordinates></Point>`;
    case 'MultiPoint':
      return multi(
        g.coordinates.map((p) => `<Point><coordinates>${coords([p])}</coordinates></Point>`),
      );
    case 'LineString':
      return `<LineString><tessellate>1</tessellate><coordinates>${coords(g.coordinates)}</coordinates></LineString>`;
    case 'MultiLineString':
      return multi(
        g.coordinates.map(
          (l) => `<LineString><coordinates>${coords(l)}</coordinates></LineString>`,
        ),
      );
    default: {
      const polygons = orientPolygons(g, 'ccw').map(polygonKml);
      return polygons.length === 1 ? (polygons[0] as string) : multi(polygons);
    }
  }
}

function placemark(f: Feature): string {
  const layer = layerOf(f);
  const p = f.properties ?? {};
  const name = [p.id ?? p.reach, layer?.name]
    .filter((v) => v !== undefined && v !== null)
    .map(textOf);
  const entries = Object.entries(p);
  const description = entries.map(([k, v]) => `${k}: ${textOf(v)}`).join('\n');
  const data = entries.map(
    ([k, v]) => `<Data name="${escapeXml(k)}"><value>${escapeXml(textOf(v))}</value></Data>`,
  );
  return (
    `<Placemark><name>${escapeXml(name.join(' ') || 'feature')}</name>` +
    `<description>${escapeXml(description)}</description><styleUrl>#${layer?.id ?? 'other'}</styleUrl>` +
    `<ExtendedData>${data.join('')}</ExtendedData>${geometryKml(f.geometry as ExportGeometry)}</Placemark>`
  );
}

function writeKml(fc: FeatureCollection, ctx: ExportContext): ReturnType<ExportFormat['write']> {
  const folders = [
    ...DELIVERABLES.map((d) => ({ id: d.id as string, name: d.name })),
    { id: 'other', name: '其他' },
  ]
    .map(({ id, name }) => {
      const marks = fc.features.filter((f) => (layerOf(f)?.id ?? 'other') === id).map(placemark);
      return marks.length > 0 ? `<Folder><name>${name}</name>\n${marks.join('\n')}\n</Folder>` : '';
    })
    .filter((s) => s !== '');
  const text = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<kml xmlns="http://www.opengis.net/kml/2.2"><Document>',
    `<name>${escapeXml(ctx.baseName)}</name>`,
    styles(),
    ...folders,
    '</Document></kml>',
    '',
  ].join('\n');
  const warnings = ctx.encoding === 'gbk' ? [msg('formats.kml.alwaysUtf8')] : [];
  return { ok: true, files: [{ name: `${ctx.baseName}.kml`, bytes: strToU8(text) }], warnings };
}

/**
 * KML 2.2 for Google Earth and 奥维 (lon/lat CGCS2000 ≈ WGS84): a folder and a style per layer,
 * placemarks named by marker number or reach and layer, all properties as description and ExtendedData.
 * @example kmlFormat.write(markers, { crs: CRS['EPSG:4490'], encoding: 'utf-8', baseName: 'markers' })
 */
export const kmlFormat: ExportFormat = {
  id: 'kml',
  label: 'KML (Google Earth, 奥维)',
  extension: '.kml',
  lonLatOnly: true,
  textEncoding: false,
  nameTag: '',
  write: writeKml,
};
