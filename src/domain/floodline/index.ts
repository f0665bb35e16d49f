// Flood lines from a DEM (issue 16, 行洪河床): the public face of the engine.
export {
  computeFloodline,
  type FloodlineInput,
  type FloodlineProperties,
  type FloodlineResult,
} from './compute-floodline';
export type {
  FloodAreaOptions,
  FloodAreaResult,
  FloodOutcome,
  FloodSeed,
  FloodStats,
  RasterSource,
} from './types';
export type { LevelPoint } from './water-levels';

import { floodArea } from './flood-area';
import type {
  FloodAreaOptions,
  FloodAreaResult,
  FloodOutcome,
  FloodSeed,
  RasterSource,
} from './types';

/**
 * The area flooded by a CONSTANT water level, connected (4-neighbour) to the seed: for a reservoir's
 * 校核洪水位 contour. The edge is the zero contour of (level − z) with bilinear interpolation between
 * cell centres; dry cells inside are holes. Errors (as messages): the seed is outside the raster or
 * dry, the flood reaches the raster's edge, nodata or `maxDistance` (the level does not meet the ground).
 * Seed and result are in the raster's planar CRS.
 * @example await floodAreaAtLevel(dem, 48.5, { type: 'Point', coordinates: [562000, 2430000] })
 */
export async function floodAreaAtLevel(
  raster: RasterSource,
  level: number,
  seed: FloodSeed,
  options: FloodAreaOptions = {},
): Promise<FloodOutcome<FloodAreaResult>> {
  return floodArea(raster, level, seed, options);
}
