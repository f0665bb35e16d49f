// A uniform grid over points in the GK plane: the points in a box without scanning them all.
import type { Box } from './cut-sheets';

/** Points (anything with `e`, `n` metres) bucketed by a square cell. */
export interface PointGrid<T> {
  /** the points in the box (edges included), in the order they were given */
  within(b: Box): T[];
}

/**
 * A grid of points with cells of `cell` metres (a frame's size suits: a box meets a few cells).
 * @example pointGrid(markers, 500).within(frame) // the markers on the sheet
 */
export function pointGrid<T extends { e: number; n: number }>(
  points: readonly T[],
  cell: number,
): PointGrid<T> {
  const cells = new Map<string, number[]>();
  points.forEach((p, i) => {
    const key = `${Math.floor(p.e / cell)},${Math.floor(p.n / cell)}`;
    const list = cells.get(key);
    if (list) list.push(i);
    else cells.set(key, [i]);
  });
  return {
    within(b) {
      const hits: number[] = [];
      const x0 = Math.floor(b.minE / cell);
      const y0 = Math.floor(b.minN / cell);
      const span = (Math.floor(b.maxE / cell) - x0 + 1) * (Math.floor(b.maxN / cell) - y0 + 1);
      // a box over more cells than there are points (the index sheet): look at every point once
      if (span > points.length)
        return points.filter(
          (p) => p.e >= b.minE && p.e <= b.maxE && p.n >= b.minN && p.n <= b.maxN,
        );
      for (let x = Math.floor(b.minE / cell); x <= Math.floor(b.maxE / cell); x++)
        for (let y = Math.floor(b.minN / cell); y <= Math.floor(b.maxN / cell); y++)
          for (const i of cells.get(`${x},${y}`) ?? []) {
            const p = points[i] as T;
            if (p.e >= b.minE && p.e <= b.maxE && p.n >= b.minN && p.n <= b.maxN) hits.push(i);
          }
      return hits.sort((a, c) => a - c).map((i) => points[i] as T);
    },
  };
}
