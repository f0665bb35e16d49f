import type { Position } from 'geojson';

/** Qinzhou's extent, lon/lat CGCS2000: `geodata/bounds.json` "qinzhou" (the city's county polygons). */
const QINZHOU = { west: 108.179613, south: 21.591461, east: 109.86689, north: 22.684697 };
/**
 * Border rivers (南流江, 大风江, 茅岭江, 钦江 at its source) are surveyed a few km past the city line,
 * while the classic errors (a wrong zone, prefixed or not: ≈ 310 km; swapped axes: thousands of km)
 * move points far more, so 0.05° (≈ 5 km) keeps
 * real data and still catches every one of them. (A datum mix-up moves points only tens of metres:
 * the .prj check catches that, not the extent.)
 */
const MARGIN_DEG = 0.05;

/**
 * Where imported points may lie: Qinzhou's extent plus the margin; points outside it refuse the import.
 * @example IMPORT_EXTENT.west // 108.129613
 */
export const IMPORT_EXTENT = {
  west: QINZHOU.west - MARGIN_DEG,
  south: QINZHOU.south - MARGIN_DEG,
  east: QINZHOU.east + MARGIN_DEG,
  north: QINZHOU.north + MARGIN_DEG,
};

/**
 * Whether a lon/lat position lies within IMPORT_EXTENT.
 * @example inQinzhou([108.6, 21.95]) // true
 */
export const inQinzhou = ([lon, lat]: Position) =>
  (lon as number) >= IMPORT_EXTENT.west &&
  (lon as number) <= IMPORT_EXTENT.east &&
  (lat as number) >= IMPORT_EXTENT.south &&
  (lat as number) <= IMPORT_EXTENT.north;
