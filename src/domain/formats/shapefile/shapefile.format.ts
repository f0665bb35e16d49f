import { strToU8, zipSync } from 'fflate';
import type { Feature, FeatureCollection, Position } from 'geojson';
import { projector } from '../../crs/crs';
import type { Message } from '../../message';
import { type ExportGeometry, mapPositions, orientPolygons } from '../common/geometry-coords';
import { describeFeature, layerOf } from '../common/layer-of';
import { chineseFields } from '../export/deliverable-schema';
import type { ExportContext, ExportFile, ExportFormat } from '../types';
import { mapFieldNames } from './field-names';
import { prjOf } from './prj';
import { type DbfColumn, writeDbf } from './write-dbf';
import { type ShapeRecord, type ShapeType, writeShp } from './write-shp';

/** The fields every record gets in front of its own properties, per schema. */
const LAYER_FIELDS: Record<ExportContext['schema'], DbfColumn[]> = {
  en: [
    { name: 'LAYER', key: '\u0000layer' },
    { name: 'CODE', key: '\u0000code' },
    { name: 'GBCODE', key: '\u0000gbCode' },
  ],
  zh: [
    { name: '图层', key: '\u0000layer' },
    { name: '图层代码', key: '\u0000code' },
    { name: '国标代码', key: '\u0000gbCode' },
  ],
};

interface Group {
  stem: string;
  type: ShapeType;
  items: { feature: Feature; index: number }[];
}

const GROUPS: { stem: string; type: ShapeType; of: ExportGeometry['type'][] }[] = [
  { stem: 'polygons', type: 5, of: ['Polygon', 'MultiPolygon'] },
  { stem: 'lines', type: 3, of: ['LineString', 'MultiLineString'] },
  { stem: 'points', type: 1, of: ['Point'] },
  { stem: 'multipoints', type: 8, of: ['MultiPoint'] },
];

function recordOf(g: ExportGeometry): ShapeRecord {
  switch (g.type) {
    case 'Point':
      return [[g.coordinates]];
    case 'MultiPoint':
    case 'LineString':
      return [g.coordinates];
    case 'MultiLineString':
      return g.coordinates;
    default:
      return orientPolygons(g, 'cw').flat();
  }
}

/** A record's values: its (schema-mapped) properties behind the layer of the original feature. */
function rowOf(f: Feature, original: Feature): Record<string, unknown> {
  const layer = layerOf(original);
  return {
    ...f.properties,
    '\u0000layer': layer?.name ?? null,
    '\u0000code': layer?.code ?? null,
    '\u0000gbCode': layer?.gbCode ?? null,
  };
}

function keysOf(features: readonly Feature[]): string[] {
  const keys = new Set<string>();
  for (const f of features) for (const k of Object.keys(f.properties ?? {})) keys.add(k);
  return [...keys];
}

function mappingText(names: Map<string, string>, layer: DbfColumn[]): string {
  const lines = [...names].map(([key, name]) => `${name}\t${key}`);
  const [name, code, gb] = layer.map((c) => c.name);
  return [
    '# DBF field name <TAB> property key (fields are cut to 10 bytes; see docs/exports.md)',
    `${name}\t图层 (deliverable layer name)`,
    `${code}\t图层代码 (layer code, e.g. JZX)`,
    `${gb}\tGB/T 13923 要素代码`,
    ...lines,
    '',
  ].join('\n');
}

function writeGroup(
  group: Group,
  names: Map<string, string>,
  ctx: ExportContext,
  stem: string,
  originals: readonly Feature[],
) {
  const project =
    ctx.crs.code === 'EPSG:4490' ? (p: Position) => p : projector(ctx.crs.code).forward;
  const records = group.items.map(({ feature }) =>
    recordOf(mapPositions(feature.geometry as ExportGeometry, project)),
  );
  const keys = keysOf(group.items.map((i) => i.feature));
  const columns = [
    ...LAYER_FIELDS[ctx.schema],
    ...keys.map((key) => ({ key, name: names.get(key) as string })),
  ];
  const dbf = writeDbf({
    columns,
    rows: group.items.map((i) => rowOf(i.feature, originals[i.index] as Feature)),
    encoding: ctx.encoding,
    describeRow: (r) =>
      describeFeature(group.items[r]?.feature as Feature, group.items[r]?.index ?? r),
  });
  if (!dbf.ok) return dbf;
  const { shp, shx } = writeShp(group.type, records);
  const files: ExportFile[] = [
    { name: `${stem}.shp`, bytes: shp },
    { name: `${stem}.shx`, bytes: shx },
    { name: `${stem}.dbf`, bytes: dbf.bytes },
    { name: `${stem}.prj`, bytes: strToU8(prjOf(ctx.crs.code)) },
    { name: `${stem}.cpg`, bytes: strToU8(ctx.encoding === 'gbk' ? 'GBK' : 'UTF-8') },
  ];
  return { ok: true as const, files, warnings: dbf.warnings };
}

function writeShapefiles(
  input: FeatureCollection,
  ctx: ExportContext,
): ReturnType<ExportFormat['write']> {
  const fc = ctx.schema === 'zh' ? chineseFields(input) : input;
  const layer = LAYER_FIELDS[ctx.schema];
  const names = mapFieldNames(
    keysOf(fc.features),
    layer.map((c) => c.name),
    ctx.encoding,
  );
  const groups: Group[] = GROUPS.map((g) => ({
    stem: g.stem,
    type: g.type,
    items: fc.features
      .map((feature, index) => ({ feature, index }))
      .filter(({ feature }) => g.of.some((t) => t === feature.geometry?.type)),
  })).filter((g) => g.items.length > 0);
  const errors: Message[] = [];
  const warnings: Message[] = [];
  const entries: Record<string, Uint8Array> = {};
  for (const group of groups) {
    const r = writeGroup(group, names, ctx, `${ctx.baseName}-${group.stem}`, input.features);
    if (!r.ok) for (const e of r.errors) errors.push(e);
    else {
      for (const w of r.warnings) warnings.push(w);
      for (const f of r.files) entries[f.name] = f.bytes;
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  entries[`${ctx.baseName}-fields.txt`] = strToU8(mappingText(names, layer));
  return {
    ok: true,
    files: [
      { name: `${ctx.baseName}.zip`, bytes: zipSync(entries, { mtime: ctx.now ?? new Date() }) },
    ],
    warnings,
  };
}

/**
 * ESRI shapefiles in a zip: one shapefile per geometry type present (polygons, lines, points,
 * multipoints), each record with its layer name, layer code and GB/T 13923 code in front of its own
 * properties (schema 'zh': Chinese field names and values, 图层 图层代码 国标代码 河流 类型…); .prj in ESRI WKT, .cpg naming the encoding; `<base>-fields.txt` maps field names to keys.
 * @example shapefileFormat.write(zones, { crs: CRS['EPSG:4545'], encoding: 'gbk', baseName: 'zones' })
 */
export const shapefileFormat: ExportFormat = {
  id: 'shp',
  label: 'ESRI Shapefile (zip)',
  extension: '.zip',
  lonLatOnly: false,
  textEncoding: true,
  nameTag: '',
  write: writeShapefiles,
};
