import { strToU8 } from 'fflate';
import type { Feature, FeatureCollection, Position } from 'geojson';
import { projector } from '../../crs/crs';
import { msg } from '../../message';
import { type ExportGeometry, mapPositions } from '../common/geometry-coords';
import { layerOf } from '../common/layer-of';
import type { ExportContext, ExportFormat } from '../types';
import {
  type DxfLayer,
  dxfDocument,
  entityHead,
  FIRST_ENTITY_HANDLE,
  type Tags,
} from './dxf-document';

/** AutoCAD colour per layer: management red, protection green, notice boards cyan, others white. */
const COLORS: Record<string, number> = {
  管理范围面: 1,
  JZX: 1,
  JZD: 1,
  HLBHFWM: 3,
  HLBHFWX: 3,
  公告牌: 4,
};
const OTHER: Record<ExportGeometry['type'], string> = {
  Point: '其他点',
  MultiPoint: '其他点',
  LineString: '其他线',
  MultiLineString: '其他线',
  Polygon: '其他面',
  MultiPolygon: '其他面',
};
/** Height of marker numbers, metres on the ground. */
const TEXT_HEIGHT = 2;

/** DXF values are single lines: control characters become spaces. */
const clean = (s: string) =>
  Array.from(s, (c) => ((c.codePointAt(0) as number) < 0x20 || c === '\u007f' ? ' ' : c)).join('');

function layerName(f: Feature): string {
  const d = layerOf(f);
  return d ? (d.code ?? d.name) : OTHER[(f.geometry as ExportGeometry).type];
}

/** Properties as XDATA of application HEJIE: per property `{ key value… }`, long values in 60-character pieces. */
function xdata(props: Record<string, unknown> | null): Tags {
  const tags: Tags = [1001, 'HEJIE'];
  for (const [key, v] of Object.entries(props ?? {})) {
    const text =
      v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    const chars = Array.from(clean(text));
    tags.push(1002, '{', 1000, clean(key));
    for (let i = 0; i < chars.length; i += 60) tags.push(1000, chars.slice(i, i + 60).join(''));
    tags.push(1002, '}');
  }
  return tags;
}

class Drawing {
  handle = FIRST_ENTITY_HANDLE;
  entities: Tags = [];
  extent: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];

  private grow(ps: Position[]): void {
    for (const [x, y] of ps as [number, number][]) {
      this.extent = [
        Math.min(this.extent[0], x),
        Math.min(this.extent[1], y),
        Math.max(this.extent[2], x),
        Math.max(this.extent[3], y),
      ];
    }
  }

  polyline(layer: string, ps: Position[], closed: boolean, extra: Tags): void {
    const pts = closed ? ps.slice(0, -1) : ps;
    this.grow(pts);
    this.entities.push(...entityHead('LWPOLYLINE', this.handle++, layer));
    this.entities.push(100, 'AcDbPolyline', 90, pts.length, 70, closed ? 1 : 0, 43, 0);
    for (const [x, y] of pts as [number, number][]) this.entities.push(10, x, 20, y);
    this.entities.push(...extra);
  }

  point(layer: string, p: Position, label: string | null, extra: Tags): void {
    const [x, y] = p as [number, number];
    this.grow([p]);
    this.entities.push(...entityHead('POINT', this.handle++, layer));
    this.entities.push(100, 'AcDbPoint', 10, x, 20, y, 30, 0, ...extra);
    if (label === null) return;
    this.entities.push(...entityHead('TEXT', this.handle++, layer));
    // inserted at the marker itself (left baseline), so a reader taking TEXT as a point finds the marker
    this.entities.push(100, 'AcDbText', 10, x, 20, y, 30, 0);
    this.entities.push(40, TEXT_HEIGHT, 1, clean(label), 7, 'Standard', 100, 'AcDbText');
  }
}

function drawFeature(d: Drawing, f: Feature, g: ExportGeometry): void {
  const layer = layerName(f);
  const extra = xdata(f.properties);
  const id = f.properties?.id;
  const label = typeof id === 'string' || typeof id === 'number' ? String(id) : null;
  if (g.type === 'Point' || g.type === 'MultiPoint') {
    const points = g.type === 'Point' ? [g.coordinates] : g.coordinates;
    for (const p of points) d.point(layer, p, label, extra);
    return;
  }
  const closed = g.type === 'Polygon' || g.type === 'MultiPolygon';
  const parts =
    g.type === 'LineString'
      ? [g.coordinates]
      : g.type === 'MultiPolygon'
        ? g.coordinates.flat()
        : g.coordinates;
  for (const part of parts) d.polyline(layer, part, closed, extra);
}

function writeDxf(fc: FeatureCollection, ctx: ExportContext): ReturnType<ExportFormat['write']> {
  if (ctx.crs.code === 'EPSG:4490') {
    return {
      ok: false,
      errors: [msg('formats.dxf.needsProjected')],
    };
  }
  const forward = projector(ctx.crs.code).forward;
  const d = new Drawing();
  const layers = new Map<string, DxfLayer>();
  for (const f of fc.features) {
    const name = layerName(f);
    if (!layers.has(name)) layers.set(name, { name, color: COLORS[name] ?? 7 });
    drawFeature(d, f, mapPositions(f.geometry as ExportGeometry, forward));
  }
  const extent = d.entities.length > 0 ? d.extent : ([0, 0, 0, 0] as typeof d.extent);
  const text = dxfDocument({
    layers: [...layers.values()],
    entities: d.entities,
    extent,
    nextHandle: d.handle,
  });
  const warnings = ctx.encoding === 'gbk' ? [msg('formats.dxf.alwaysUtf8')] : [];
  return { ok: true, files: [{ name: `${ctx.baseName}.dxf`, bytes: strToU8(text) }], warnings };
}

/**
 * AutoCAD DXF R2007 (UTF-8) in the chosen GK zone, x = east, y = north: one layer per deliverable
 * (named by code, else its Chinese name), polygon rings as closed LWPOLYLINEs, lines as LWPOLYLINEs,
 * markers as POINT plus a TEXT of their number at the same place; properties as XDATA (application HEJIE).
 * @example dxfFormat.write(zones, { crs: CRS['EPSG:4545'], encoding: 'utf-8', baseName: 'zones' })
 */
export const dxfFormat: ExportFormat = {
  id: 'dxf',
  label: 'AutoCAD DXF R2007',
  extension: '.dxf',
  lonLatOnly: false,
  textEncoding: false,
  nameTag: '',
  write: writeDxf,
};
