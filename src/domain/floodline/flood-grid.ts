// The connected flood on a raster read window by window: a breadth-first fill from seed cells that
// loads a window only when the fill (or a cell's 8 neighbours) reaches it, so that the cost follows the
// flooded area and its rim, not the raster's size.
import type { RasterSource } from './types';

/** Where a cell lies for the water surface (returned by `Surface.water` through `Surface.kind`). */
export const Where = {
  /** inside the working area: may flood */
  Inside: 0,
  /** beyond the maximum width (or distance): must stay dry, a wet one next to the flood is an escape */
  Beyond: 1,
  /** beyond the cuts at the reach's ends: never floods, wet or not */
  PastEnd: 2,
} as const;

/** One of `Where`'s values. */
export type Where = (typeof Where)[keyof typeof Where];

/** The water surface over the raster's plane. */
export interface Surface {
  /** the water level at (x, y); sets `kind` */
  water(x: number, y: number): number;
  /** where the last point given to `water` lies */
  kind: Where;
  /** where an escape next to the flooded cell at (x, y) is reported (a chainage), NaN: not reported */
  place(x: number, y: number): number;
}

/** Why the flood is not closed, with the places (chainages) where it escapes. */
export interface Escapes {
  edge: number[];
  nodata: number[];
  beyond: number[];
}

const UNSEEN = 0;
const FLOODED = 1;
const DRY = 2;
const WET_OUT = 3;
const NODATA = 4;

interface Block {
  z: Float32Array;
  g: Float32Array;
  state: Uint8Array;
}

/** The fill's grid: per loaded window, heights, water depth (W − z) and state. */
export class FloodGrid {
  readonly blocks = new Map<number, Block>();
  readonly escapes: Escapes = { edge: [], nodata: [], beyond: [] };
  cellsFlooded = 0;
  cellsRead = 0;
  private readonly bw: number;

  constructor(
    readonly raster: RasterSource,
    private readonly surface: Surface,
    readonly blockSize = 128,
  ) {
    this.bw = Math.ceil(raster.width / blockSize);
  }

  /** x of a column's cell centre */
  cx(col: number): number {
    return this.raster.originX + (col + 0.5) * this.raster.cellWidth;
  }
  /** y of a row's cell centre */
  cy(row: number): number {
    return this.raster.originY - (row + 0.5) * this.raster.cellHeight;
  }

  /** floods from the seed cells ([col, row] each, inside the raster) */
  async fill(seeds: readonly (readonly [number, number])[]): Promise<void> {
    let pending = new Map<number, number[]>();
    for (const [c, r] of seeds) this.addPending(pending, this.blockOf(c, r), c, r);
    const queue: number[] = [];
    while (pending.size > 0) {
      await this.load([...pending.keys()]);
      const batch = pending;
      pending = new Map();
      for (const cells of batch.values()) {
        for (let k = 0; k < cells.length; k += 2) {
          this.visit(cells[k] as number, cells[k + 1] as number, queue, pending);
        }
      }
      while (queue.length > 0) {
        const r = queue.pop() as number;
        const c = queue.pop() as number;
        this.expand(c, r, queue, pending);
      }
    }
  }

  /** the contour value of a cell: W − z where flooded, else ≤ 0 (−1 outside the raster or on nodata) */
  g(col: number, row: number): number {
    const { raster } = this;
    if (col < 0 || row < 0 || col >= raster.width || row >= raster.height) return -1;
    const b = this.blocks.get(this.blockOf(col, row));
    if (!b) return -1;
    const i = this.indexIn(col, row);
    let s = b.state[i] as number;
    if (s === UNSEEN) s = this.classify(b, i, col, row);
    const f = b.g[i] as number;
    if (s === FLOODED) return f;
    if (s === NODATA) return -1;
    return f > 0 ? -f : f;
  }

  /** whether a cell is flooded */
  isFlooded(col: number, row: number): boolean {
    const b = this.blocks.get(this.blockOf(col, row));
    return b !== undefined && b.state[this.indexIn(col, row)] === FLOODED;
  }

  /** calls back every flooded cell with a neighbour (of 8) that is not flooded: the flood's rim */
  forEachRimCell(cb: (col: number, row: number) => void): void {
    const n = this.blockSize;
    for (const [id, b] of this.blocks) {
      const c0 = (id % this.bw) * n;
      const r0 = Math.floor(id / this.bw) * n;
      const st = b.state;
      for (let i = 0; i < st.length; i++) {
        if (st[i] !== FLOODED) continue;
        const ic = i % n;
        const ir = (i - ic) / n;
        const inner = ic > 0 && ir > 0 && ic < n - 1 && ir < n - 1;
        if (inner) {
          const all =
            st[i - 1] === FLOODED &&
            st[i + 1] === FLOODED &&
            st[i - n] === FLOODED &&
            st[i + n] === FLOODED &&
            st[i - n - 1] === FLOODED &&
            st[i - n + 1] === FLOODED &&
            st[i + n - 1] === FLOODED &&
            st[i + n + 1] === FLOODED;
          if (all) continue;
        }
        cb(c0 + ic, r0 + ir);
      }
    }
  }

  private blockOf(col: number, row: number): number {
    return Math.floor(row / this.blockSize) * this.bw + Math.floor(col / this.blockSize);
  }

  private indexIn(col: number, row: number): number {
    return (row % this.blockSize) * this.blockSize + (col % this.blockSize);
  }

  private addPending(pending: Map<number, number[]>, id: number, c: number, r: number): void {
    let list = pending.get(id);
    if (!list) {
      list = [];
      pending.set(id, list);
    }
    list.push(c, r);
  }

  private async load(ids: number[]): Promise<void> {
    const n = this.blockSize;
    const { raster } = this;
    const todo = ids.filter((id) => !this.blocks.has(id));
    const read = await Promise.all(
      todo.map((id) => {
        const c0 = (id % this.bw) * n;
        const r0 = Math.floor(id / this.bw) * n;
        const cols = Math.min(n, raster.width - c0);
        const rows = Math.min(n, raster.height - r0);
        return raster.readWindow(c0, r0, cols, rows).then((z) => ({ id, z, cols, rows }));
      }),
    );
    for (const { id, z, cols, rows } of read) {
      // a full-size block whatever the window's size: one index rule for every block
      const full = new Float32Array(n * n).fill(Number.NaN);
      for (let r = 0; r < rows; r++) full.set(z.subarray(r * cols, r * cols + cols), r * n);
      this.blocks.set(id, { z: full, g: new Float32Array(n * n), state: new Uint8Array(n * n) });
      this.cellsRead += cols * rows;
    }
  }

  private classify(b: Block, i: number, col: number, row: number): number {
    const z = b.z[i] as number;
    const nd = this.raster.nodata;
    if (Number.isNaN(z) || (nd !== null && z === nd)) {
      b.state[i] = NODATA;
      return NODATA;
    }
    const w = this.surface.water(this.cx(col), this.cy(row));
    const f = w - z;
    b.g[i] = f;
    const s = f > 0 ? (this.surface.kind === Where.Inside ? FLOODED : WET_OUT) : DRY;
    // a flooded state here means "may flood": the caller counts and queues it
    b.state[i] = s === FLOODED ? DRY : s;
    return s;
  }

  private visit(c: number, r: number, queue: number[], pending: Map<number, number[]>): void {
    const b = this.blocks.get(this.blockOf(c, r)) as Block;
    const i = this.indexIn(c, r);
    if (b.state[i] === UNSEEN) {
      if (this.classify(b, i, c, r) !== FLOODED) return;
      b.state[i] = FLOODED;
      this.cellsFlooded++;
    }
    if (b.state[i] === FLOODED) this.expand(c, r, queue, pending);
  }

  private expand(c: number, r: number, queue: number[], pending: Map<number, number[]>): void {
    const { raster } = this;
    // every 8-neighbour's window must be loaded (the contour looks at the diagonals too)
    let missing = false;
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        const nc = c + dc;
        const nr = r + dr;
        if (nc < 0 || nr < 0 || nc >= raster.width || nr >= raster.height) continue;
        const id = this.blockOf(nc, nr);
        if (!this.blocks.has(id)) {
          this.addPending(pending, id, c, r);
          missing = true;
        }
      }
    }
    if (missing) return;
    for (let k = 0; k < 4; k++) {
      const nc = c + (k === 0 ? 1 : k === 1 ? -1 : 0);
      const nr = r + (k === 2 ? 1 : k === 3 ? -1 : 0);
      if (nc < 0 || nr < 0 || nc >= raster.width || nr >= raster.height) {
        this.escape(this.escapes.edge, c, r);
        continue;
      }
      const b = this.blocks.get(this.blockOf(nc, nr)) as Block;
      const i = this.indexIn(nc, nr);
      if (b.state[i] !== UNSEEN) continue;
      const s = this.classify(b, i, nc, nr);
      if (s === FLOODED) {
        b.state[i] = FLOODED;
        this.cellsFlooded++;
        queue.push(nc, nr);
      } else if (s === NODATA) this.escape(this.escapes.nodata, c, r);
      else if (s === WET_OUT && this.surface.kind === Where.Beyond) {
        this.escape(this.escapes.beyond, c, r);
      }
    }
  }

  private escape(list: number[], c: number, r: number): void {
    const at = this.surface.place(this.cx(c), this.cy(r));
    if (!Number.isNaN(at)) list.push(at);
  }
}
