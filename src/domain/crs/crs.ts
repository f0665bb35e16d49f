import proj4 from 'proj4';

/** The coordinate systems Hejie reads and writes: CGCS2000 geographic and its 3° Gauss-Krüger zones. */
export type CrsCode = 'EPSG:4490' | 'EPSG:4524' | 'EPSG:4525' | 'EPSG:4545' | 'EPSG:4546';

/** A coordinate system as the tables and files name it. */
export interface CrsInfo {
  code: CrsCode;
  name: string;
  proj4: string;
  /** 3° zone number (36: CM 108°E, 37: CM 111°E); null for geographic */
  zone: number | null;
  centralMeridian: number | null;
  /** easting carries the zone number in front (EPSG:4524/4525: 36 500 000 + …) */
  zonePrefix: boolean;
}

const GK = (cm: number, falseEasting: number) =>
  `+proj=tmerc +lat_0=0 +lon_0=${cm} +k=1 +x_0=${falseEasting} +y_0=0 +ellps=GRS80 +units=m +no_defs +type=crs`;

/** One table of CRS definitions (each pinned by a control-point test against PROJ's cs2cs). */
export const CRS: Readonly<Record<CrsCode, CrsInfo>> = {
  'EPSG:4490': {
    code: 'EPSG:4490',
    name: 'CGCS2000',
    proj4: '+proj=longlat +ellps=GRS80 +no_defs +type=crs',
    zone: null,
    centralMeridian: null,
    zonePrefix: false,
  },
  'EPSG:4545': {
    code: 'EPSG:4545',
    name: 'CGCS2000 / 3-degree Gauss-Kruger CM 108E',
    proj4: GK(108, 500000),
    zone: 36,
    centralMeridian: 108,
    zonePrefix: false,
  },
  'EPSG:4546': {
    code: 'EPSG:4546',
    name: 'CGCS2000 / 3-degree Gauss-Kruger CM 111E',
    proj4: GK(111, 500000),
    zone: 37,
    centralMeridian: 111,
    zonePrefix: false,
  },
  'EPSG:4524': {
    code: 'EPSG:4524',
    name: 'CGCS2000 / 3-degree Gauss-Kruger zone 36',
    proj4: GK(108, 36500000),
    zone: 36,
    centralMeridian: 108,
    zonePrefix: true,
  },
  'EPSG:4525': {
    code: 'EPSG:4525',
    name: 'CGCS2000 / 3-degree Gauss-Kruger zone 37',
    proj4: GK(111, 37500000),
    zone: 37,
    centralMeridian: 111,
    zonePrefix: true,
  },
};

/** The boundary between zone 36 (CM 108°E) and zone 37 (CM 111°E). */
export const ZONE_LINE_LON = 109.5;

/** The 3° zone of an extent: its code, the centre longitude it was chosen by, and whether it crosses 109.5°E. */
export interface ZoneChoice {
  code: 'EPSG:4545' | 'EPSG:4546';
  centre: number;
  /** some of the extent lies strictly west of 109.5°E and some strictly east (touching is not crossing) */
  crosses: boolean;
}

/**
 * The one rule for "which 3° zone": the zone of the extent's centre longitude, EPSG:4545 west of
 * 109.5°E and EPSG:4546 from 109.5°E east; an extent crosses the zone line when it reaches strictly
 * across it (min < 109.5 < max). Throws for a centre outside zones 36–37 (106.5–112.5°E).
 * @example zoneOfExtent(108.5, 108.7) // { code: 'EPSG:4545', centre: 108.6, crosses: false }
 */
export function zoneOfExtent(minLon: number, maxLon: number): ZoneChoice {
  const centre = (minLon + maxLon) / 2;
  if (!Number.isFinite(centre) || centre < 106.5 || centre > 112.5) {
    throw new Error(`longitude ${centre} is outside zones 36–37 (106.5–112.5°E)`);
  }
  return {
    code: centre < ZONE_LINE_LON ? 'EPSG:4545' : 'EPSG:4546',
    centre,
    crosses: crossesZoneLine(minLon, maxLon),
  };
}

/**
 * Whether a longitude extent reaches strictly across 109.5°E (the crossing test of `zoneOfExtent`,
 * for callers whose zone is given rather than chosen).
 * @example crossesZoneLine(109.4, 109.5) // false
 */
export function crossesZoneLine(minLon: number, maxLon: number): boolean {
  return minLon < ZONE_LINE_LON && maxLon > ZONE_LINE_LON;
}

/**
 * The least and greatest longitude of positions, in one loop (no spread: 250,000 vertices would
 * overflow the stack); null when there are none.
 * @example lonExtent([[108.6, 21.9], [108.2, 22.0]]) // { min: 108.2, max: 108.6 }
 */
export function lonExtent(
  positions: Iterable<readonly number[]>,
): { min: number; max: number } | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const p of positions) {
    const lon = p[0] as number;
    if (lon < min) min = lon;
    if (lon > max) max = lon;
  }
  return min <= max ? { min, max } : null;
}

/**
 * The zone of some positions (see `zoneOfExtent`); throws when there are none or they lie outside
 * zones 36–37.
 * @example zoneOfPositions(line.coordinates).code // 'EPSG:4545'
 */
export function zoneOfPositions(positions: Iterable<readonly number[]>): ZoneChoice {
  const e = lonExtent(positions);
  if (!e) throw new Error('no positions to choose a zone by');
  return zoneOfExtent(e.min, e.max);
}

/** Forward (lon/lat → E/N) and inverse transforms of one projected CRS. */
export interface Projector {
  crs: CrsInfo;
  /** [lon, lat] → [E, N] (proj4 order; Chinese tables print X = N, Y = E) */
  forward: (p: readonly number[]) => [number, number];
  inverse: (p: readonly number[]) => [number, number];
}

const cache = new Map<CrsCode, Projector>();

/**
 * Transforms between CGCS2000 lon/lat and a projected CRS.
 * @example projector('EPSG:4545').forward([108.6, 21.95]) // [562…, 2428…]
 */
export function projector(code: CrsCode): Projector {
  const hit = cache.get(code);
  if (hit) return hit;
  const info = CRS[code];
  if (!info) throw new Error(`unknown CRS "${code}"`);
  const conv = proj4(CRS['EPSG:4490'].proj4, info.proj4);
  const p: Projector = {
    crs: info,
    forward: (c) => conv.forward([c[0] as number, c[1] as number]) as [number, number],
    inverse: (c) => conv.inverse([c[0] as number, c[1] as number]) as [number, number],
  };
  cache.set(code, p);
  return p;
}
