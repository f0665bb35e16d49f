// The map inside one frame: base layers, zones, lines and markers clipped to the frame, on paper.
import {
  boxesMeet,
  boxOf,
  type ChunkedRing,
  chunkRing,
  clipChunkedRing,
  clipLine,
} from './clip-to-box';
import type { Box } from './cut-sheets';
import { LABEL_MM, type LabelPoint, placeLabels } from './place-labels';
import type { PointGrid } from './point-grid';
import type { GkMarker, SheetContent } from './read-sheet-input';
import { type Pt, type Rect, type SheetItem, type StyleId, SYMBOL_MM } from './sheet-model';

/** A GK layer piece: polylines, or one polygon (its rings, chunked), with its box, in drawing order. */
export type MapPiece =
  | { style: StyleId; closed: false; parts: number[][][]; box: Box }
  | { style: StyleId; closed: true; rings: ChunkedRing[]; box: Box };

/** A named place (county) in GK metres. */
export interface MapName {
  text: string;
  e: number;
  n: number;
}

/** GK metres → paper mm for one frame. */
export interface Georef {
  box: Box;
  frame: Rect;
  /** mm per metre (1000 / scale) */
  f: number;
}

const r2 = (v: number) => Math.round(v * 100) / 100;

/**
 * A GK position on the paper of a frame, rounded to 0.01 mm.
 * @example toPaper(g, [g.box.minE, g.box.maxN]) // [g.frame.x, g.frame.y]
 */
export function toPaper(g: Georef, p: readonly number[]): Pt {
  return [
    r2(g.frame.x + ((p[0] as number) - g.box.minE) * g.f),
    r2(g.frame.y + (g.box.maxN - (p[1] as number)) * g.f),
  ];
}

const CHUNK = 64;

/**
 * The pieces of lines (cut into runs of 64 vertices, so that a frame clips only what is near it)
 * and of polygons (one piece per polygon, rings together for the even-odd fill).
 * @example linePieces('river', [coords]) // [{ style: 'river', closed: false, parts: [[…64 points]], box }, …]
 */
export function linePieces(style: StyleId, lines: number[][][]): MapPiece[] {
  const out: MapPiece[] = [];
  for (const line of lines)
    for (let i = 0; i < line.length - 1; i += CHUNK - 1) {
      const run = line.slice(i, i + CHUNK);
      out.push({ style, closed: false, parts: [run], box: boxOf(run) });
    }
  return out;
}

/** One piece per polygon (its rings, chunked for clipping). */
export function polygonPieces(style: StyleId, polygons: number[][][][]): MapPiece[] {
  return polygons.map((rings) => ({
    style,
    closed: true as const,
    rings: rings.map(chunkRing),
    box: boxOf(rings[0] ?? []),
  }));
}

/** The pieces of what the sheets show, in drawing order (zones under lines under markers). */
export function contentPieces(c: SheetContent): MapPiece[] {
  const zones = (kind: 'management' | 'protection') =>
    polygonPieces(
      `${kind}-zone`,
      c.zones.filter((z) => z.kind === kind).flatMap((z) => z.parts),
    );
  const lines = (kind: 'management-line' | 'protection-line' | 'toe-line') =>
    linePieces(
      kind,
      c.lines.filter((l) => l.kind === kind).map((l) => l.coords),
    );
  return [
    ...zones('protection'),
    ...zones('management'),
    ...lines('toe-line'),
    ...lines('protection-line'),
    ...lines('management-line'),
  ];
}

function drawPieces(pieces: readonly MapPiece[], g: Georef, used: Set<StyleId>): SheetItem[] {
  const items: SheetItem[] = [];
  const pad = 2 / g.f; // clip 2 mm outside the frame: the PDF clips exactly at it
  const clip = {
    minE: g.box.minE - pad,
    minN: g.box.minN - pad,
    maxE: g.box.maxE + pad,
    maxN: g.box.maxN + pad,
  };
  for (const piece of pieces) {
    if (!boxesMeet(piece.box, clip)) continue;
    const parts: Pt[][] = [];
    if (piece.closed)
      for (const ring of piece.rings) {
        const clipped = clipChunkedRing(ring, clip);
        if (clipped) parts.push(clipped.map((p) => toPaper(g, p)));
      }
    else
      for (const part of piece.parts)
        for (const run of clipLine(part, clip)) parts.push(run.map((p) => toPaper(g, p)));
    if (parts.length === 0) continue;
    used.add(piece.style);
    const last = items.at(-1);
    // consecutive pieces of one style are one path (fewer operators in the PDF)
    if (
      last?.kind === 'path' &&
      last.style === piece.style &&
      last.closed === piece.closed &&
      !piece.closed
    )
      for (const part of parts) last.parts.push(part);
    else items.push({ kind: 'path', style: piece.style, parts, closed: piece.closed });
  }
  return items;
}

/** Unit vector (paper, y down) pointing away from the river at a marker: its bank's side of its series. */
function awayOf(
  m: GkMarker,
  prev: GkMarker | undefined,
  next: GkMarker | undefined,
): [number, number] {
  const a = prev ?? m;
  const b = next ?? m;
  const de = b.e - a.e;
  const dn = b.n - a.n;
  const len = Math.hypot(de, dn);
  if (len === 0 || m.bank === null) return [0, -1];
  // left of the flow (facing downstream) is (-dn, de) in GK; paper flips north
  return m.bank === 'left' ? [-dn / len, -de / len] : [dn / len, de / len];
}

/** The away direction of every marker, by its series neighbours (by chainage). */
export function awayDirections(markers: readonly GkMarker[]): Map<GkMarker, [number, number]> {
  const series = new Map<string, GkMarker[]>();
  for (const m of markers) {
    const list = series.get(m.series);
    if (list) list.push(m);
    else series.set(m.series, [m]);
  }
  const out = new Map<GkMarker, [number, number]>();
  for (const list of series.values()) {
    list.sort((a, b) => a.chainage - b.chainage);
    list.forEach((m, i) => {
      out.set(m, awayOf(m, list[i - 1], list[i + 1]));
    });
  }
  return out;
}

/** What one frame shows, as paper items clipped to the frame, and the styles and symbols in it. */
export function drawFrameMap(
  g: Georef,
  base: readonly MapPiece[],
  content: readonly MapPiece[],
  markers: PointGrid<GkMarker>,
  away: ReadonlyMap<GkMarker, [number, number]>,
  names: readonly MapName[],
): { items: SheetItem[]; used: Set<StyleId | 'marker' | 'board'>; crowded: number } {
  const used = new Set<StyleId | 'marker' | 'board'>();
  const items = [
    ...drawPieces(base, g, used as Set<StyleId>),
    ...drawPieces(content, g, used as Set<StyleId>),
  ];
  const b = g.box;
  const here = markers.within(b);
  const points: LabelPoint[] = here.map((m) => {
    const [x, y] = toPaper(g, [m.e, m.n]);
    return { x, y, symbolMm: SYMBOL_MM[m.type], text: m.id, away: away.get(m) ?? [0, -1] };
  });
  const { labels, crowded } = placeLabels(points, g.frame);
  const leaders = labels.flatMap((l) => (l.leader ? [l.leader] : []));
  if (leaders.length > 0)
    items.push({ kind: 'path', style: 'leader', parts: leaders, closed: false });
  here.forEach((m, i) => {
    const p = points[i] as LabelPoint;
    used.add(m.type);
    items.push({ kind: 'symbol', symbol: m.type, x: p.x, y: p.y, id: m.id });
  });
  for (const l of labels)
    items.push({
      kind: 'text',
      x: l.x,
      y: l.y,
      text: l.text,
      sizeMm: LABEL_MM,
      align: 'left',
      halo: true,
    });
  for (const nm of names) {
    if (nm.e < b.minE || nm.e > b.maxE || nm.n < b.minN || nm.n > b.maxN) continue;
    const [x, y] = toPaper(g, [nm.e, nm.n]);
    items.push({
      kind: 'text',
      x,
      y,
      text: nm.text,
      sizeMm: 5,
      align: 'center',
      color: '#6b4f87',
      halo: true,
    });
  }
  return { items: [{ kind: 'clip', rect: g.frame, items }], used, crowded };
}
