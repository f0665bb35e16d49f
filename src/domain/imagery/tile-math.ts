// Web Mercator tile arithmetic (XYZ scheme, y down from the north), for the imagery archives.

/** lon/lat bounds: west, south, east, north (degrees). */
export type Bounds = readonly [number, number, number, number];

/** Web Mercator's half width in metres (EPSG:3857). */
const MERC_HALF = 20037508.342789244;
const MAX_LAT = 85.0511287798066;

/**
 * The tile holding a lon/lat at zoom `z`, clamped to the world.
 * @example lonLatToTile(108.6, 22.0, 10) // → [821, 448]
 */
export function lonLatToTile(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const la = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(la) + 1 / Math.cos(la)) / Math.PI) / 2) * n);
  return [Math.max(0, Math.min(n - 1, x)), Math.max(0, Math.min(n - 1, y))];
}

/**
 * A tile's bounds in Web Mercator metres: [minX, minY, maxX, maxY].
 * @example tileMercatorBounds(0, 0, 0) // → [-20037508.34, -20037508.34, 20037508.34, 20037508.34]
 */
export function tileMercatorBounds(z: number, x: number, y: number): Bounds {
  const size = (2 * MERC_HALF) / 2 ** z;
  return [
    -MERC_HALF + x * size,
    MERC_HALF - (y + 1) * size,
    -MERC_HALF + (x + 1) * size,
    MERC_HALF - y * size,
  ];
}

/** A range of tiles at one zoom, inclusive on both ends. */
export interface TileRange {
  z: number;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * The tiles covering lon/lat bounds at zoom `z`.
 * @example tileRange([108.5, 21.8, 108.6, 21.9], 12)
 */
export function tileRange(b: Bounds, z: number): TileRange {
  const [minX, minY] = lonLatToTile(b[0], b[3], z);
  const [maxX, maxY] = lonLatToTile(b[2], b[1], z);
  return { z, minX, minY, maxX, maxY };
}

/**
 * Whether a tile address is canonical and inside the world at its zoom (0–24).
 * @example isTileAddress(1, 1, 0) // → true
 */
export function isTileAddress(z: number, x: number, y: number): boolean {
  if (![z, x, y].every(Number.isInteger) || z < 0 || z > 24) return false;
  const n = 2 ** z;
  return x >= 0 && y >= 0 && x < n && y < n;
}
