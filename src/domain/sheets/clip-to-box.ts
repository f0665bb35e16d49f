// Clipping GK geometry to a frame before it goes on paper (a sheet draws only what it shows).
import type { Box } from './cut-sheets';

type P = number[];

function clipSegment(p: P, q: P, b: Box): [P, P] | null {
  const x0 = p[0] as number;
  const y0 = p[1] as number;
  const dx = (q[0] as number) - x0;
  const dy = (q[1] as number) - y0;
  let t0 = 0;
  let t1 = 1;
  const edges = [
    [-dx, x0 - b.minE],
    [dx, b.maxE - x0],
    [-dy, y0 - b.minN],
    [dy, b.maxN - y0],
  ] as const;
  for (const [pp, qq] of edges) {
    if (pp === 0) {
      if (qq < 0) return null;
      continue;
    }
    const t = qq / pp;
    if (pp < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return null;
  }
  const at = (t: number): P => (t === 0 ? p : t === 1 ? q : [x0 + t * dx, y0 + t * dy]);
  return [at(t0), at(t1)];
}

/**
 * The pieces of a polyline inside a box (each a polyline of at least two points).
 * @example clipLine([[0, 0], [10, 0]], { minE: 2, minN: -1, maxE: 5, maxN: 1 }) // [[[2, 0], [5, 0]]]
 */
export function clipLine(line: readonly P[], b: Box): P[][] {
  const out: P[][] = [];
  let run: P[] | null = null;
  for (let i = 1; i < line.length; i++) {
    const seg = clipSegment(line[i - 1] as P, line[i] as P, b);
    if (!seg) {
      run = null;
      continue;
    }
    if (run && seg[0] === line[i - 1]) run.push(seg[1]);
    else {
      run = [seg[0], seg[1]];
      out.push(run);
    }
    if (seg[1] !== line[i]) run = null;
  }
  return out;
}

function clipEdge(ring: P[], inside: (p: P) => boolean, cut: (p: P, q: P) => P): P[] {
  const out: P[] = [];
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i] as P;
    const q = ring[(i + 1) % ring.length] as P;
    const pin = inside(p);
    const qin = inside(q);
    if (pin) out.push(p);
    if (pin !== qin) out.push(cut(p, q));
  }
  return out;
}

const cutX =
  (x: number) =>
  (p: P, q: P): P => {
    const t = (x - (p[0] as number)) / ((q[0] as number) - (p[0] as number));
    return [x, (p[1] as number) + t * ((q[1] as number) - (p[1] as number))];
  };
const cutY =
  (y: number) =>
  (p: P, q: P): P => {
    const t = (y - (p[1] as number)) / ((q[1] as number) - (p[1] as number));
    return [(p[0] as number) + t * ((q[0] as number) - (p[0] as number)), y];
  };

/**
 * A ring clipped to a box (Sutherland–Hodgman): right for filling, may run along the box's edges;
 * null when nothing is left.
 * @example clipRing(square, box) // the part of the square inside the box
 */
export function clipRing(ring: readonly P[], b: Box): P[] | null {
  let r = ring.slice(0, -1) as P[];
  r = clipEdge(r, (p) => (p[0] as number) >= b.minE, cutX(b.minE));
  r = clipEdge(r, (p) => (p[0] as number) <= b.maxE, cutX(b.maxE));
  r = clipEdge(r, (p) => (p[1] as number) >= b.minN, cutY(b.minN));
  r = clipEdge(r, (p) => (p[1] as number) <= b.maxN, cutY(b.maxN));
  return r.length >= 3 ? r : null;
}

/** A closed ring cut into runs of 64 vertices, each with its box (runs share their end vertices). */
export type ChunkedRing = Array<{ pts: P[]; box: Box }>;

/**
 * A ring as runs with boxes, so that clipping it to a small box skips what lies far away.
 * @example chunkRing(ring).length // ⌈(ring.length - 1) / 63⌉
 */
export function chunkRing(ring: readonly P[]): ChunkedRing {
  const out: ChunkedRing = [];
  for (let i = 0; i < ring.length - 1; i += 63) {
    const pts = ring.slice(i, i + 64) as P[];
    out.push({ pts, box: boxOf(pts) });
  }
  return out;
}

/**
 * A chunked ring clipped to a box, as `clipRing` would clip the whole ring: a run that lies wholly
 * beyond one side of the box adds nothing to Sutherland–Hodgman's result but the crossings of the
 * edges into and out of it, so it is reduced to its two end vertices (the chord between them lies
 * beyond that side too). Each sheet then costs the ring's runs, not its vertices.
 * @example clipChunkedRing(chunkRing(square), box) // same as clipRing(square, box)
 */
export function clipChunkedRing(ring: ChunkedRing, b: Box): P[] | null {
  const reduced: P[] = [];
  for (const { pts, box } of ring) {
    const beyond = box.maxE < b.minE || box.minE > b.maxE || box.maxN < b.minN || box.minN > b.maxN;
    const run = beyond ? [pts[0] as P, pts.at(-1) as P] : pts;
    // runs share their end vertices: drop the repeated first one
    for (let i = reduced.length > 0 ? 1 : 0; i < run.length; i++) reduced.push(run[i] as P);
  }
  return clipRing(reduced, b);
}

/** The bounding box of positions. */
export function boxOf(points: Iterable<readonly number[]>): Box {
  const b = { minE: Infinity, minN: Infinity, maxE: -Infinity, maxN: -Infinity };
  for (const p of points) {
    const e = p[0] as number;
    const n = p[1] as number;
    if (e < b.minE) b.minE = e;
    if (e > b.maxE) b.maxE = e;
    if (n < b.minN) b.minN = n;
    if (n > b.maxN) b.maxN = n;
  }
  return b;
}

/** Whether two boxes meet (touching counts). */
export const boxesMeet = (a: Box, b: Box) =>
  a.minE <= b.maxE && b.minE <= a.maxE && a.minN <= b.maxN && b.minN <= a.maxN;
