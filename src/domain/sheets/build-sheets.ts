// `buildSheets`: the map sheets of zones, lines and markers (成果图) as a document model: the index
// sheet (接图表) first, then one page per frame, cut upstream → downstream at the exact scale.
import type { Feature, FeatureCollection, Position } from 'geojson';
import { CRS } from '../crs/crs';
import type { Message } from '../message';
import { type Box, cutSheets, frameAt, ringMeetsBox, type Strip, tileBox } from './cut-sheets';
import { indexSheet } from './index-sheet';
import { type PageLayout, pageLayout } from './page-layout';
import { pointGrid } from './point-grid';
import { type GkMarker, readSheetContent, type SheetContent } from './read-sheet-input';
import { sheetGrid } from './sheet-grid';
import {
  awayDirections,
  contentPieces,
  drawFrameMap,
  type Georef,
  linePieces,
  type MapName,
  type MapPiece,
  polygonPieces,
} from './sheet-map';
import type { SheetAtlas, SheetItem, SheetPage } from './sheet-model';
import type { SheetOptions } from './sheet-options';
import { sheetPanel, type TitleTexts } from './sheet-panel';

/** The offline base map, lon/lat: rivers, water, counties (polygons) and county label points. */
export interface SheetBase {
  rivers?: FeatureCollection;
  water?: FeatureCollection;
  counties?: FeatureCollection;
  countyLabels?: FeatureCollection;
}

/** A frame on the ground and its page layout. */
interface Frame {
  box: Box;
  layout: PageLayout;
}

/** The atlas, with how many labels could not stand clear (0 unless a sheet is impossibly crowded). */
export type SheetsResult =
  | { ok: true; atlas: SheetAtlas; frames: Box[]; crowded: number; crs: string }
  | { ok: false; errors: Message[] };

/** Per reach: its two outermost boundary lines (protection, else management; markers when no line). */
function stripsOf(c: SheetContent): { strips: Strip[]; loose: number[][][][] } {
  const strips: Strip[] = [];
  const loose: number[][][][] = [];
  for (const reach of c.reaches) {
    const side = (bank: 'left' | 'right') => {
      const ls = c.lines.filter((l) => l.reach === reach && l.bank === bank);
      const line =
        ls.find((l) => l.kind === 'protection-line') ??
        ls.find((l) => l.kind === 'management-line') ??
        ls[0];
      if (line) return line.coords;
      const ms = c.markers.filter(
        (m) => m.reach === reach && m.bank === bank && m.type === 'marker',
      );
      const series = ms[0]?.series;
      const run = ms.filter((m) => m.series === series).sort((a, b) => a.chainage - b.chainage);
      return run.length > 0 ? run.map((m) => [m.e, m.n]) : null;
    };
    const left = side('left');
    const right = side('right');
    if (left || right)
      strips.push({ left: left ?? (right as number[][]), right: right ?? (left as number[][]) });
    else
      for (const part of c.zones.filter((z) => z.reach === reach).flatMap((z) => z.parts))
        loose.push(part);
  }
  return { strips, loose };
}

function framesFor(c: SheetContent, layout: PageLayout, scale: number): Box[] {
  const k = scale / 1000;
  const size = { w: layout.frame.w * k, h: layout.frame.h * k, margin: 10.5 * k };
  const { strips, loose } = stripsOf(c);
  const out = cutSheets(strips, size);
  for (const rings of loose) {
    const outer = rings[0] ?? [];
    const b = { minE: Infinity, minN: Infinity, maxE: -Infinity, maxN: -Infinity };
    for (const [e = 0, n = 0] of outer) {
      b.minE = Math.min(b.minE, e);
      b.maxE = Math.max(b.maxE, e);
      b.minN = Math.min(b.minN, n);
      b.maxN = Math.max(b.maxN, n);
    }
    for (const f of tileBox(b, size, (f) => ringMeetsBox(outer, f))) out.push(f);
  }
  // a marker away from every frame (moved far off its line) gets a frame of its own
  const grid = pointGrid(c.markers, Math.max(size.w, size.h));
  const inFrame = new Set<GkMarker>();
  const m = size.margin;
  const mark = (f: Box) => {
    const inner = { minE: f.minE + m, maxE: f.maxE - m, minN: f.minN + m, maxN: f.maxN - m };
    for (const marker of grid.within(inner)) inFrame.add(marker);
  };
  for (const f of out) mark(f);
  for (const marker of c.markers) {
    if (inFrame.has(marker)) continue;
    const own = frameAt(marker, size);
    out.push(own);
    mark(own);
  }
  return out;
}

function chooseFrames(c: SheetContent, o: SheetOptions): Frame[] {
  const tries =
    o.orientation === 'auto' ? (['landscape', 'portrait'] as const) : ([o.orientation] as const);
  let best: Frame[] | null = null;
  for (const orient of tries) {
    const layout = pageLayout(o.paper, orient);
    const frames = framesFor(c, layout, o.scale).map((box) => ({ box, layout }));
    if (!best || frames.length < best.length) best = frames;
  }
  return best ?? [];
}

/** The 3 × 3 neighbours of frame i: the numbers of the frames that meet it on each side. */
function locator(frames: readonly Frame[], i: number): (string | null)[] {
  const a = (frames[i] as Frame).box;
  const cells: string[][] = Array.from({ length: 9 }, () => []);
  const w = a.maxE - a.minE;
  const h = a.maxN - a.minN;
  frames.forEach((f, j) => {
    const b = f.box;
    if (
      j === i ||
      b.minE > a.maxE + w * 0.1 ||
      b.maxE < a.minE - w * 0.1 ||
      b.minN > a.maxN + h * 0.1 ||
      b.maxN < a.minN - h * 0.1
    )
      return;
    const dx = (b.minE + b.maxE - a.minE - a.maxE) / 2;
    const dy = (b.minN + b.maxN - a.minN - a.maxN) / 2;
    const col = dx > w / 3 ? 2 : dx < -w / 3 ? 0 : 1;
    const row = dy > h / 3 ? 0 : dy < -h / 3 ? 2 : 1;
    if (col !== 1 || row !== 1) (cells[row * 3 + col] as string[]).push(String(j + 1));
  });
  cells[4] = [String(i + 1)];
  return cells.map((c) => (c.length === 0 ? null : c.slice(0, 2).join('、')));
}

function lonLatParts(f: Feature): Position[][][] {
  const g = f.geometry;
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  if (g.type === 'LineString') return [[g.coordinates]];
  if (g.type === 'MultiLineString') return [g.coordinates];
  if (g.type === 'Point') return [[[g.coordinates]]];
  return [];
}

/** The lon/lat box of the features, grown by `grow` degrees (the base map is read within 0.05°). */
function nearBox(features: readonly Feature[], grow = 0.05): [number, number, number, number] {
  const b = [Infinity, Infinity, -Infinity, -Infinity] as [number, number, number, number];
  for (const f of features)
    for (const rings of lonLatParts(f))
      for (const r of rings)
        for (const [x = 0, y = 0] of r) {
          if (x < b[0]) b[0] = x;
          if (y < b[1]) b[1] = y;
          if (x > b[2]) b[2] = x;
          if (y > b[3]) b[3] = y;
        }
  return [b[0] - grow, b[1] - grow, b[2] + grow, b[3] + grow];
}

/** The base map in GK, only what lies near the reach (lon/lat box grown by 0.05°). */
function basePieces(base: SheetBase, c: SheetContent, near: [number, number, number, number]) {
  const [w, s, e, n] = near;
  const keep = (f: Feature) => {
    const [a, b, c2, d] = nearBox([f], 0);
    return a <= e && c2 >= w && b <= n && d >= s;
  };
  const gk = (fc?: FeatureCollection) =>
    (fc?.features ?? [])
      .filter(keep)
      .map((f) => lonLatParts(f).map((rings) => rings.map((r) => r.map(c.project))));
  const counties = (base.counties?.features ?? []).filter(keep);
  const pieces: MapPiece[] = [
    ...polygonPieces('water', gk(base.water).flat()),
    ...linePieces(
      'county',
      counties.flatMap((f) => lonLatParts(f).flat()).map((r) => r.map(c.project)),
    ),
    ...linePieces('river', gk(base.rivers).flat(2)),
  ];
  const names: MapName[] = (base.countyLabels?.features ?? []).flatMap((f) => {
    const name = f.properties?.name;
    if (f.geometry?.type !== 'Point' || typeof name !== 'string') return [];
    const [e0, n0] = c.project(f.geometry.coordinates);
    return [{ text: name, e: e0, n: n0 }];
  });
  const areas = counties.map((f) => ({
    name: String(f.properties?.name ?? ''),
    rings: lonLatParts(f).map((rings) => (rings[0] ?? []).map(c.project)),
  }));
  return { pieces, names, areas };
}

function titleTexts(
  c: SheetContent,
  o: SheetOptions,
  riverNames: Record<string, string>,
): TitleTexts {
  const info = CRS[c.crs];
  const river = c.rivers.map((r) => riverNames[r] ?? r).join('、');
  return {
    title: o.title ?? `${river || '河道'}管理范围划定成果图`,
    crsLines: [
      '坐标系：2000国家大地坐标系',
      `投影：高斯-克吕格投影，3°分带，第${info.zone}带`,
      `中央子午线：${info.centralMeridian}°E（${c.crs}，Y不含带号）`,
      '高程基准：1985国家高程基准',
      `格网：图上10厘米（${(100 * o.scale) / 1000}米），坐标单位千米`,
      'X为纵坐标（北），Y为横坐标（东）',
    ],
    unit: o.unit ?? '尚未设置',
    date: o.date,
    version: o.version,
    sources: [
      ...(o.imagery ? [`影像：${o.imagery.credit}`] : []),
      '底图：河流 WDB II（GSHHG，LGPL）；水面 © OpenStreetMap',
      'contributors（ODbL）；县界 © 高德，仅示意',
    ],
  };
}

/**
 * The sheet set of lon/lat features (zone-engine output, markers) with the offline base.
 * @example buildSheets(features, base, options, { nanliujiang: '南流江' }) // { ok: true, atlas: { pages: [接图表, 1/N, …] } }
 */
export function buildSheets(
  features: unknown,
  base: SheetBase,
  options: SheetOptions,
  riverNames: Record<string, string> = {},
): SheetsResult {
  const read = readSheetContent(features);
  if (!read.ok) return read;
  const c = read.content;
  const frames = chooseFrames(c, options);
  const b = basePieces(base, c, nearBox(features as Feature[]));
  // over an orthophoto the photo shows the water: the base's water fill would hide it
  const under = options.imagery ? b.pieces.filter((p) => p.style !== 'water') : b.pieces;
  const content = contentPieces(c);
  const away = awayDirections(c.markers);
  const first = frames[0]?.box;
  const markers = pointGrid(c.markers, first ? first.maxE - first.minE : 1000);
  const texts = titleTexts(c, options, riverNames);
  const f = 1000 / options.scale;
  let crowded = 0;
  const pages: SheetPage[] = frames.map((fr, i) => {
    const g: Georef = { box: fr.box, frame: fr.layout.frame, f };
    const map = drawFrameMap(g, under, content, markers, away, b.names);
    const photo: SheetItem[] = options.imagery
      ? [{ kind: 'raster', rect: g.frame, box: fr.box, crs: c.crs }]
      : [];
    const grid = sheetGrid(g, options.scale, !options.public);
    crowded += map.crowded;
    const counties = b.areas
      .filter((a) => a.rings.some((r) => ringMeetsBox(r, fr.box)))
      .map((a) => a.name);
    return {
      widthMm: fr.layout.widthMm,
      heightMm: fr.layout.heightMm,
      items: [
        ...photo,
        ...grid.under,
        ...map.items,
        ...grid.over,
        ...sheetPanel(
          texts,
          {
            number: `${i + 1}/${frames.length}`,
            locator: locator(frames, i),
            used: map.used,
            counties: [...new Set(counties)],
          },
          options,
          fr.layout.panel,
        ),
      ],
    };
  });
  const index = indexSheet(
    frames.map((x) => x.box),
    b,
    content,
    texts,
    options,
  );
  return {
    ok: true,
    atlas: { title: texts.title, pages: [index, ...pages] },
    frames: frames.map((x) => x.box),
    crowded,
    crs: c.crs,
  };
}
