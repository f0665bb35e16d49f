import type { Position } from 'geojson';

/** Where a point projects onto the centreline (filled in place by `CentrelineIndex.project`). */
export interface Projection {
  /** chainage (m from the start) of the nearest point; before the start or past the end it runs on
   *  along the first or last segment's direction (negative, or more than the length) */
  s: number;
  /** signed distance: positive on the left of the direction of flow */
  offset: number;
  /** distance to the centreline (m) */
  dist: number;
}

interface Tile {
  segs: Int32Array;
}

/**
 * Nearest-point projection onto a polyline, fast for many points that come in clusters: segments
 * are filtered once per square tile of `tile` metres (those that can be nearest to some point of it).
 * @example new CentrelineIndex([[0, 0], [100, 0]], 64).project(50, 3, p) // p.s 50, p.offset 3
 */
export class CentrelineIndex {
  readonly length: number;
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  private readonly cum: Float64Array;
  private readonly tiles = new Map<string, Tile>();

  constructor(
    line: readonly Position[],
    private readonly tile: number,
  ) {
    const n = line.length;
    if (n < 2) throw new Error('a centreline needs at least 2 vertices');
    this.xs = new Float64Array(n);
    this.ys = new Float64Array(n);
    this.cum = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const p = line[i] as Position;
      this.xs[i] = p[0] as number;
      this.ys[i] = p[1] as number;
      if (i > 0) {
        this.cum[i] =
          (this.cum[i - 1] as number) +
          Math.hypot(
            (this.xs[i] as number) - (this.xs[i - 1] as number),
            (this.ys[i] as number) - (this.ys[i - 1] as number),
          );
      }
    }
    this.length = this.cum[n - 1] as number;
  }

  /** the point at chainage s (clamped to the line) */
  pointAt(s: number): [number, number] {
    const n = this.xs.length;
    let i = 1;
    while (i < n - 1 && (this.cum[i] as number) < s) i++;
    const a = this.cum[i - 1] as number;
    const len = (this.cum[i] as number) - a;
    const t = len > 0 ? Math.min(1, Math.max(0, (s - a) / len)) : 0;
    const x0 = this.xs[i - 1] as number;
    const y0 = this.ys[i - 1] as number;
    return [x0 + t * ((this.xs[i] as number) - x0), y0 + t * ((this.ys[i] as number) - y0)];
  }

  /** unit direction of the first (end = false) or last segment */
  endDirection(end: boolean): [number, number] {
    const n = this.xs.length;
    const i = end ? n - 2 : 0;
    const dx = (this.xs[i + 1] as number) - (this.xs[i] as number);
    const dy = (this.ys[i + 1] as number) - (this.ys[i] as number);
    const len = Math.hypot(dx, dy) || 1;
    return [dx / len, dy / len];
  }

  /** projects (x, y) into `out` */
  project(x: number, y: number, out: Projection): void {
    const segs = this.tileAt(x, y).segs;
    const last = this.xs.length - 2;
    let best = Number.POSITIVE_INFINITY;
    let bestSeg = 0;
    let bestT = 0;
    for (let k = 0; k < segs.length; k++) {
      const i = segs[k] as number;
      const ax = this.xs[i] as number;
      const ay = this.ys[i] as number;
      const dx = (this.xs[i + 1] as number) - ax;
      const dy = (this.ys[i + 1] as number) - ay;
      const len2 = dx * dx + dy * dy;
      let t = len2 > 0 ? ((x - ax) * dx + (y - ay) * dy) / len2 : 0;
      // the end segments run on past the line's ends: chainage goes negative or past the length
      if (t < 0 && i !== 0) t = 0;
      if (t > 1 && i !== last) t = 1;
      const tc = Math.max(0, Math.min(1, t));
      const ex = x - (ax + tc * dx);
      const ey = y - (ay + tc * dy);
      const d2 = ex * ex + ey * ey;
      if (d2 < best) {
        best = d2;
        bestSeg = i;
        bestT = t;
      }
    }
    const i = bestSeg;
    const ax = this.xs[i] as number;
    const ay = this.ys[i] as number;
    const dx = (this.xs[i + 1] as number) - ax;
    const dy = (this.ys[i + 1] as number) - ay;
    const len = Math.hypot(dx, dy) || 1;
    out.s = (this.cum[i] as number) + bestT * len;
    out.offset = (dx * (y - ay) - dy * (x - ax)) / len;
    out.dist = Math.sqrt(best);
  }

  private tileAt(x: number, y: number): Tile {
    const tx = Math.floor(x / this.tile);
    const ty = Math.floor(y / this.tile);
    const key = `${tx},${ty}`;
    let t = this.tiles.get(key);
    if (!t) {
      t = { segs: this.candidates(tx * this.tile, ty * this.tile) };
      this.tiles.set(key, t);
    }
    return t;
  }

  /** segments that can be nearest to some point of the tile at (x0, y0) */
  private candidates(x0: number, y0: number): Int32Array {
    const x1 = x0 + this.tile;
    const y1 = y0 + this.tile;
    const nSeg = this.xs.length - 1;
    // the nearest segment of any point of the tile is within U of it, where U is the least, over
    // segments, of the greatest corner distance (distance to a segment is convex, so its greatest
    // value on the tile is at a corner)
    let upper = Number.POSITIVE_INFINITY;
    const corners = [x0, y0, x1, y0, x1, y1, x0, y1];
    for (let i = 0; i < nSeg; i++) {
      let worst = 0;
      for (let c = 0; c < 8; c += 2) {
        const d = segDist(this, i, corners[c] as number, corners[c + 1] as number);
        if (d > worst) worst = d;
        if (worst >= upper) break;
      }
      if (worst < upper) upper = worst;
    }
    const out: number[] = [];
    for (let i = 0; i < nSeg; i++) {
      const ax = this.xs[i] as number;
      const ay = this.ys[i] as number;
      const bx = this.xs[i + 1] as number;
      const by = this.ys[i + 1] as number;
      // box-to-box gap is a lower bound of the tile-to-segment distance
      const gx = Math.max(0, Math.min(ax, bx) - x1, x0 - Math.max(ax, bx));
      const gy = Math.max(0, Math.min(ay, by) - y1, y0 - Math.max(ay, by));
      if (Math.hypot(gx, gy) <= upper) out.push(i);
    }
    return Int32Array.from(out);
  }

  /** @internal vertex access for segDist */
  seg(i: number): [number, number, number, number] {
    return [
      this.xs[i] as number,
      this.ys[i] as number,
      this.xs[i + 1] as number,
      this.ys[i + 1] as number,
    ];
  }
}

function segDist(ix: CentrelineIndex, i: number, x: number, y: number): number {
  const [ax, ay, bx, by] = ix.seg(i);
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / len2)) : 0;
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}
