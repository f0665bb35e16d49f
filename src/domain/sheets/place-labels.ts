// Marker number labels that never overlap each other or a symbol: candidates around each marker,
// nearest first, then further out along a leader line; a grid index keeps it linear in the markers.
import type { Rect } from './sheet-model';

/** A point to label on paper (mm): its centre, the symbol's size, the text, the side to prefer. */
export interface LabelPoint {
  x: number;
  y: number;
  symbolMm: number;
  text: string;
  /** unit vector (paper, y down) pointing away from the river: labels go there first */
  away: [number, number];
}

/** A placed label: its box, baseline-left text origin, and a leader from the symbol when moved. */
export interface PlacedLabel {
  text: string;
  box: Rect;
  x: number;
  y: number;
  leader: [[number, number], [number, number]] | null;
}

/** Label text height, mm (1.8 mm ≈ 5 pt, what survey sheets print point numbers at). */
export const LABEL_MM = 1.8;
const PAD = 0.25;
const ASCENT = 1.16;
const DESCENT = 0.288;
const CELL = 5;

/**
 * Width of a label in the sheets' font (Noto Sans CJK), mm: a per-character bound at least as wide as
 * the font's advance (Latin capitals ≤ 0.75 em, digits 0.55 em, CJK 1 em).
 * @example labelWidth('NLJ01-GL-L-001', 1.8) // ≈ 16
 */
function labelWidth(text: string, sizeMm: number): number {
  let em = 0;
  for (const ch of text) {
    if (/[0-9]/.test(ch)) em += 0.58;
    else if (/[A-Z]/.test(ch)) em += 0.75;
    else if (ch === '-' || ch === '.' || ch === ' ') em += 0.4;
    else if (ch.charCodeAt(0) < 128) em += 0.62;
    else em += 1;
  }
  return em * sizeMm;
}

class GridIndex {
  private cells = new Map<number, Rect[]>();
  private keys(r: Rect): number[] {
    const out: number[] = [];
    for (let cx = Math.floor(r.x / CELL); cx <= Math.floor((r.x + r.w) / CELL); cx++)
      for (let cy = Math.floor(r.y / CELL); cy <= Math.floor((r.y + r.h) / CELL); cy++)
        out.push(cx * 65536 + cy);
    return out;
  }
  add(r: Rect): void {
    for (const k of this.keys(r)) {
      const list = this.cells.get(k);
      if (list) list.push(r);
      else this.cells.set(k, [r]);
    }
  }
  hits(r: Rect): boolean {
    for (const k of this.keys(r))
      for (const o of this.cells.get(k) ?? [])
        if (r.x < o.x + o.w && o.x < r.x + r.w && r.y < o.y + o.h && o.y < r.y + r.h) return true;
    return false;
  }
}

const RADII = [0.5, 3, 5, 8, 11, 15, 20, 26, 34, 44, 56];
const TURNS = [0, 25, -25, 50, -50, 75, -75, 100, -100, 130, -130, 160, -160, 180];

/** The label box for a text whose nearest side lies `r` mm from the symbol's edge at angle `t`. */
function candidate(p: LabelPoint, w: number, h: number, dx: number, dy: number, r: number): Rect {
  const d = p.symbolMm / 2 + r;
  const ax = p.x + dx * d;
  const ay = p.y + dy * d;
  const x = dx > 0.35 ? ax : dx < -0.35 ? ax - w : ax - w / 2;
  const y = dy > 0.35 ? ay : dy < -0.35 ? ay - h : ay - h / 2;
  return { x, y, w, h };
}

const inside = (r: Rect, f: Rect) =>
  r.x >= f.x + 0.3 &&
  r.y >= f.y + 0.3 &&
  r.x + r.w <= f.x + f.w - 0.3 &&
  r.y + r.h <= f.y + f.h - 0.3;

/**
 * Places every point's label inside the frame, clear of all symbols and of the labels placed before
 * it; a label that could not stand clear anywhere is still placed (counted in `crowded`).
 * @example placeLabels(points, frame).labels[0].leader // null when next to its marker
 */
export function placeLabels(
  points: readonly LabelPoint[],
  frame: Rect,
): { labels: PlacedLabel[]; crowded: number } {
  const index = new GridIndex();
  for (const p of points) {
    const s = p.symbolMm / 2 + 0.1;
    index.add({ x: p.x - s, y: p.y - s, w: 2 * s, h: 2 * s });
  }
  // the font box of Noto Sans CJK (ascender 1.16 em, descender 0.288 em), what PDF readers report
  const h = LABEL_MM * (ASCENT + DESCENT);
  const labels: PlacedLabel[] = [];
  let crowded = 0;
  for (const p of points) {
    const w = labelWidth(p.text, LABEL_MM);
    const base = Math.atan2(p.away[1], p.away[0]);
    type Choice = { box: Rect; r: number; dx: number; dy: number };
    let chosen: Choice | null = null;
    let first: Choice | null = null;
    for (const r of RADII) {
      for (const t of TURNS) {
        const a = base + (t * Math.PI) / 180;
        const dx = Math.cos(a);
        const dy = Math.sin(a);
        const box = candidate(p, w, h, dx, dy, r);
        const padded = { x: box.x - PAD, y: box.y - PAD, w: box.w + 2 * PAD, h: box.h + 2 * PAD };
        if (!inside(box, frame)) continue;
        first ??= { box, r, dx, dy };
        if (!index.hits(padded)) {
          chosen = { box, r, dx, dy };
          break;
        }
      }
      if (chosen) break;
    }
    const c = chosen ?? first;
    if (!c) continue;
    if (!chosen) crowded++;
    index.add(c.box);
    const d = p.symbolMm / 2;
    labels.push({
      text: p.text,
      box: c.box,
      x: c.box.x,
      y: c.box.y + LABEL_MM * ASCENT,
      leader:
        c.r > 1
          ? [
              [p.x + c.dx * d, p.y + c.dy * d],
              [p.x + c.dx * (d + c.r), p.y + c.dy * (d + c.r)],
            ]
          : null,
    });
  }
  return { labels, crowded };
}
