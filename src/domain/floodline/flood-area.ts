import type { Position } from 'geojson';
import { msg } from '../message';
import { FloodGrid, type Surface, Where } from './flood-grid';
import { assemblePolygons } from './polygons';
import { traceContour } from './trace-contour';
import type {
  FloodAreaOptions,
  FloodAreaResult,
  FloodOutcome,
  FloodSeed,
  RasterSource,
} from './types';

/**
 * The area flooded by a constant level, connected to a seed (see index.ts for the contract).
 * @example await floodArea(dem, 48.5, { type: 'Point', coordinates: [562000, 2430000] })
 */
export async function floodArea(
  raster: RasterSource,
  level: number,
  seed: FloodSeed,
  options: FloodAreaOptions = {},
): Promise<FloodOutcome<FloodAreaResult>> {
  if (!Number.isFinite(level)) throw new Error('level must be a finite number');
  const maxDistance = options.maxDistance ?? 5000;
  const cell = Math.max(raster.cellWidth, raster.cellHeight);
  const pts = seedPoints(seed, cell / 2);
  // distances are measured from the seed's box: a point's or a polygon's
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of pts) {
    const x = p[0] as number;
    const y = p[1] as number;
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  const distance = (x: number, y: number) =>
    Math.hypot(Math.max(0, x0 - x, x - x1), Math.max(0, y0 - y, y - y1));
  const cells: [number, number][] = [];
  for (const p of pts) {
    const x = p[0] as number;
    const y = p[1] as number;
    const col = Math.floor((x - raster.originX) / raster.cellWidth);
    const row = Math.floor((raster.originY - y) / raster.cellHeight);
    if (col < 0 || row < 0 || col >= raster.width || row >= raster.height) {
      return { ok: false, error: msg('floodline.area.seedOutside'), warnings: [] };
    }
    cells.push([col, row]);
  }
  const surface: Surface = {
    kind: Where.Inside,
    water(x, y) {
      this.kind = distance(x, y) > maxDistance ? Where.Beyond : Where.Inside;
      return level;
    },
    place: distance,
  };
  const grid = new FloodGrid(raster, surface);
  await grid.fill(cells);
  if (grid.cellsFlooded === 0) {
    return { ok: false, error: msg('floodline.area.seedDry', { level }), warnings: [] };
  }
  const { edge, nodata, beyond } = grid.escapes;
  if (edge.length + nodata.length + beyond.length > 0) {
    const near = Math.round(
      Math.min(edge[0] ?? Infinity, nodata[0] ?? Infinity, beyond[0] ?? Infinity),
    );
    const code = nodata.length > 0 ? 'floodline.area.nodata' : 'floodline.area.noMeeting';
    return {
      ok: false,
      error: msg(code, { level, distance: near, maxDistance: Math.round(maxDistance) }),
      warnings: [],
    };
  }
  return {
    ok: true,
    warnings: [],
    value: {
      area: assemblePolygons(traceContour(grid)),
      stats: {
        cellsRead: grid.cellsRead,
        cellsFlooded: grid.cellsFlooded,
        windowsRead: grid.blocks.size,
        floodedArea: grid.cellsFlooded * raster.cellWidth * raster.cellHeight,
      },
    },
  };
}

/** the seed's point, or its polygon's rings sampled every `step` metres */
function seedPoints(seed: FloodSeed, step: number): Position[] {
  if (seed.type === 'Point') return [seed.coordinates];
  const out: Position[] = [];
  for (const ring of seed.coordinates) {
    for (let i = 1; i < ring.length; i++) {
      const a = ring[i - 1] as Position;
      const b = ring[i] as Position;
      const len = Math.hypot(
        (b[0] as number) - (a[0] as number),
        (b[1] as number) - (a[1] as number),
      );
      const n = Math.max(1, Math.ceil(len / step));
      for (let k = 0; k < n; k++) {
        const t = k / n;
        out.push([
          (a[0] as number) + t * ((b[0] as number) - (a[0] as number)),
          (a[1] as number) + t * ((b[1] as number) - (a[1] as number)),
        ]);
      }
    }
  }
  if (out.length === 0) throw new Error('the seed polygon has no vertices');
  return out;
}
