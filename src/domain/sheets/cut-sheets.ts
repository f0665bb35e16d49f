// Sheet cutting (分幅) along a river: axis-aligned frames in the GK plane, upstream → downstream.

/** A box in the GK plane, metres (E east, N north). */
export interface Box {
  minE: number;
  minN: number;
  maxE: number;
  maxN: number;
}

/** A reach as the cutter sees it: its two outermost boundary lines, GK [E, N], upstream → downstream. */
export interface Strip {
  left: number[][];
  right: number[][];
}

/** The ground size of a map frame (metres) and the margin kept inside it (metres). */
export interface CutSize {
  w: number;
  h: number;
  /** every frame keeps at least this much beyond what it must show: neighbours overlap by twice it */
  margin: number;
}

const emptyBox = (): Box => ({ minE: Infinity, minN: Infinity, maxE: -Infinity, maxN: -Infinity });

function grow(b: Box, p: readonly number[]): void {
  const e = p[0] as number;
  const n = p[1] as number;
  if (e < b.minE) b.minE = e;
  if (e > b.maxE) b.maxE = e;
  if (n < b.minN) b.minN = n;
  if (n > b.maxN) b.maxN = n;
}

/** A line densified to segments of at most `step` metres. */
function densify(line: number[][], step: number): number[][] {
  const pts: number[][] = [];
  for (let i = 0; i < line.length; i++) {
    const p = line[i] as number[];
    if (i > 0) {
      const q = line[i - 1] as number[];
      const d = Math.hypot(
        (p[0] as number) - (q[0] as number),
        (p[1] as number) - (q[1] as number),
      );
      const k = Math.ceil(d / step);
      for (let j = 1; j < k; j++) {
        const t = j / k;
        pts.push([
          (q[0] as number) + t * ((p[0] as number) - (q[0] as number)),
          (q[1] as number) + t * ((p[1] as number) - (q[1] as number)),
        ]);
      }
    }
    pts.push(p);
  }
  return pts;
}

const dist = (a: number[], b: number[]) =>
  Math.hypot((a[0] as number) - (b[0] as number), (a[1] as number) - (b[1] as number));

/**
 * The cross-sections of a strip, upstream → downstream: pairs of a left and a right point, zipped
 * (each step moves along the line whose next chord is shorter, as in triangulating a strip), so
 * that consecutive cross-sections bound a triangle of the corridor.
 */
function crossSections(strip: Strip, step: number): Array<[number[], number[]]> {
  const l = densify(strip.left, step);
  const r = densify(strip.right, step);
  let i = 0;
  let j = 0;
  const out: Array<[number[], number[]]> = [[l[0] as number[], r[0] as number[]]];
  while (i < l.length - 1 || j < r.length - 1) {
    const li = l[i] as number[];
    const rj = r[j] as number[];
    const moveL =
      j >= r.length - 1 ||
      (i < l.length - 1 && dist(l[i + 1] as number[], rj) <= dist(li, r[j + 1] as number[]));
    if (moveL) i++;
    else j++;
    out.push([l[i] as number[], r[j] as number[]]);
  }
  return out;
}

/** The frame of a content box: centred on it (centre rounded to the metre), of the frame size. */
function frameAround(c: Box, size: CutSize): Box {
  const e = Math.round((c.minE + c.maxE) / 2);
  const n = Math.round((c.minN + c.maxN) / 2);
  return { minE: e - size.w / 2, maxE: e + size.w / 2, minN: n - size.h / 2, maxN: n + size.h / 2 };
}

const fits = (b: Box, size: CutSize) =>
  b.maxE - b.minE <= size.w - 2 * size.margin - 2 &&
  b.maxN - b.minN <= size.h - 2 * size.margin - 2;

/**
 * The frame centred on a point (centre rounded to the metre).
 * @example frameAt({ e: 560000.4, n: 2430000 }, { w: 600, h: 500, margin: 21 }) // { minE: 559700, maxE: 560300, … }
 */
export function frameAt(p: { e: number; n: number }, size: CutSize): Box {
  return frameAround({ minE: p.e, maxE: p.e, minN: p.n, maxN: p.n }, size);
}

/**
 * Frames over a box too big for one: a grid of frames whose usable parts tile it (neighbours overlap
 * by twice the margin); `keep` drops the frames with nothing in them.
 * @example tileBox({ minE: 0, minN: 0, maxE: 2000, maxN: 100 }, size, () => true).length // 4 at 1:2000 A3
 */
export function tileBox(b: Box, size: CutSize, keep: (f: Box) => boolean): Box[] {
  const uw = size.w - 2 * size.margin - 2;
  const uh = size.h - 2 * size.margin - 2;
  const nx = Math.max(1, Math.ceil((b.maxE - b.minE) / uw));
  const ny = Math.max(1, Math.ceil((b.maxN - b.minN) / uh));
  const e0 = (b.minE + b.maxE) / 2 - (nx * uw) / 2;
  const n1 = (b.minN + b.maxN) / 2 + (ny * uh) / 2;
  const out: Box[] = [];
  for (let row = 0; row < ny; row++)
    for (let col = 0; col < nx; col++) {
      const c = {
        minE: e0 + col * uw,
        maxE: e0 + (col + 1) * uw,
        maxN: n1 - row * uh,
        minN: n1 - (row + 1) * uh,
      };
      const f = frameAround(c, size);
      if (keep(f)) out.push(f);
    }
  return out;
}

function segmentHitsBox(p: number[], q: number[], b: Box): boolean {
  // Liang-Barsky: does the segment p→q meet the box?
  const [x0, y0] = p as [number, number];
  const dx = (q[0] as number) - x0;
  const dy = (q[1] as number) - y0;
  let t0 = 0;
  let t1 = 1;
  for (const [pp, qq] of [
    [-dx, x0 - b.minE],
    [dx, b.maxE - x0],
    [-dy, y0 - b.minN],
    [dy, b.maxN - y0],
  ] as const) {
    if (pp === 0) {
      if (qq < 0) return false;
    } else {
      const t = qq / pp;
      if (pp < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/** Whether a closed ring (GK) meets a box: an edge crosses it, or the box's centre is inside. */
export function ringMeetsBox(ring: number[][], b: Box): boolean {
  let inside = false;
  const cx = (b.minE + b.maxE) / 2;
  const cy = (b.minN + b.maxN) / 2;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const p = ring[i] as number[];
    const q = ring[j] as number[];
    if (segmentHitsBox(q, p, b)) return true;
    const [px, py] = p as [number, number];
    const [qx, qy] = q as [number, number];
    if (py > cy !== qy > cy && cx < ((qx - px) * (cy - py)) / (qy - py) + px) inside = !inside;
  }
  return inside;
}

/** The frames of one strip, upstream → downstream. */
function cutStrip(strip: Strip, size: CutSize): Box[] {
  const cs = crossSections(strip, Math.min(size.w, size.h) / 8);
  const out: Box[] = [];
  let i = 0;
  while (i < cs.length - 1) {
    const b = emptyBox();
    const [l0, r0] = cs[i] as [number[], number[]];
    grow(b, l0);
    grow(b, r0);
    let j = i + 1;
    for (; j < cs.length; j++) {
      const next = { ...b };
      const [l, r] = cs[j] as [number[], number[]];
      grow(next, l);
      grow(next, r);
      if (!fits(next, size)) break;
      Object.assign(b, next);
    }
    if (j === i + 1) {
      // one step wider than a frame (a wide water body): tile the step's quadrilateral
      const [l1, r1] = cs[j] as [number[], number[]];
      const quad = [l0, l1, r1, r0];
      grow(b, l1);
      grow(b, r1);
      for (const f of tileBox(b, size, (f) => ringMeetsBox(quad, f))) out.push(f);
      i = j;
    } else {
      out.push(frameAround(b, size));
      i = j - 1;
    }
  }
  if (cs.length === 1) {
    const b = emptyBox();
    for (const p of cs[0] as number[][]) grow(b, p);
    out.push(frameAround(b, size));
  }
  return out;
}

/**
 * Frames covering strips (one per reach, in the given order) upstream → downstream: each frame holds
 * a stretch of both lines with `margin` to spare, consecutive frames share a cross-section, so they
 * overlap by at least 2 × margin and together cover the corridor between the lines.
 * @example cutSheets([{ left, right }], { w: 600, h: 534, margin: 21 }) // [{ minE, minN, maxE, maxN }, …]
 */
export function cutSheets(strips: readonly Strip[], size: CutSize): Box[] {
  if (!(size.w > 2 * size.margin + 2 && size.h > 2 * size.margin + 2)) {
    throw new Error('the frame must be larger than twice its margin');
  }
  return strips.flatMap((s) => cutStrip(s, size));
}
