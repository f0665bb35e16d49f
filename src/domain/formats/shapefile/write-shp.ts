import type { Position } from 'geojson';

/** Shapefile shape types written: Point 1, PolyLine 3, Polygon 5, MultiPoint 8. */
export type ShapeType = 1 | 3 | 5 | 8;

/** One record: its parts (rings, lines, or the points of a MultiPoint as one part; a Point is [[p]]). */
export type ShapeRecord = Position[][];

interface Box {
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
}

function boxOf(points: Position[]): Box {
  const b = { xmin: Infinity, ymin: Infinity, xmax: -Infinity, ymax: -Infinity };
  for (const [x, y] of points as [number, number][]) {
    b.xmin = Math.min(b.xmin, x);
    b.ymin = Math.min(b.ymin, y);
    b.xmax = Math.max(b.xmax, x);
    b.ymax = Math.max(b.ymax, y);
  }
  return b;
}

function contentLength(type: ShapeType, rec: ShapeRecord): number {
  const n = rec.reduce((s, p) => s + p.length, 0);
  if (type === 1) return 20;
  if (type === 8) return 40 + 16 * n;
  return 44 + 4 * rec.length + 16 * n;
}

function writeBox(view: DataView, at: number, b: Box): void {
  view.setFloat64(at, b.xmin, true);
  view.setFloat64(at + 8, b.ymin, true);
  view.setFloat64(at + 16, b.xmax, true);
  view.setFloat64(at + 24, b.ymax, true);
}

function writeHeader(view: DataView, type: ShapeType, bytes: number, box: Box): void {
  view.setInt32(0, 9994, false);
  view.setInt32(24, bytes / 2, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, type, true);
  writeBox(view, 36, box);
}

function writeContent(view: DataView, at: number, type: ShapeType, rec: ShapeRecord): void {
  view.setInt32(at, type, true);
  const points = rec.flat();
  if (type === 1) {
    const [x, y] = points[0] as [number, number];
    view.setFloat64(at + 4, x, true);
    view.setFloat64(at + 12, y, true);
    return;
  }
  writeBox(view, at + 4, boxOf(points));
  let p = at + 36;
  if (type !== 8) {
    view.setInt32(p, rec.length, true);
    p += 4;
  }
  view.setInt32(p, points.length, true);
  p += 4;
  if (type !== 8) {
    let start = 0;
    for (const part of rec) {
      view.setInt32(p, start, true);
      p += 4;
      start += part.length;
    }
  }
  for (const [x, y] of points as [number, number][]) {
    view.setFloat64(p, x, true);
    view.setFloat64(p + 8, y, true);
    p += 16;
  }
}

/**
 * The .shp and .shx of one shapefile layer (2D). Records are written as given: polygon rings must
 * already be closed and turned the shapefile way (outer clockwise, holes counter-clockwise).
 * @example writeShp(1, [[[562000, 2428000]]]) // { shp, shx } of one point
 */
export function writeShp(type: ShapeType, records: readonly ShapeRecord[]) {
  const lengths = records.map((r) => contentLength(type, r));
  const shpBytes = 100 + lengths.reduce((s, l) => s + 8 + l, 0);
  const shp = new Uint8Array(shpBytes);
  const shx = new Uint8Array(100 + 8 * records.length);
  const shpView = new DataView(shp.buffer);
  const shxView = new DataView(shx.buffer);
  const box = boxOf(records.flat(2));
  if (records.length === 0) Object.assign(box, { xmin: 0, ymin: 0, xmax: 0, ymax: 0 });
  writeHeader(shpView, type, shpBytes, box);
  writeHeader(shxView, type, shx.length, box);
  let at = 100;
  records.forEach((rec, i) => {
    const len = lengths[i] as number;
    shxView.setInt32(100 + 8 * i, at / 2, false);
    shxView.setInt32(104 + 8 * i, len / 2, false);
    shpView.setInt32(at, i + 1, false);
    shpView.setInt32(at + 4, len / 2, false);
    writeContent(shpView, at + 8, type, rec);
    at += 8 + len;
  });
  return { shp, shx };
}
