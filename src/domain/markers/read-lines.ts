// The boundary lines markers go on, read from the zone engine's output (other features ignored).
import type { Feature, FeatureCollection, Position } from 'geojson';
import type { CrsCode } from '../crs/crs';
import { gkZoneFor } from '../crs/crs';

/** One boundary line: one reach × line kind × bank, lon/lat, upstream → downstream. */
export interface BoundaryLine {
  reach: string;
  river: string | null;
  /** the line's own `reachCode` property, which wins over any derived code */
  reachCode: string | null;
  line: 'management' | 'protection';
  bank: 'left' | 'right';
  /** the GK zone to measure in (a prefixed zone is read as its unprefixed twin) */
  crs: 'EPSG:4545' | 'EPSG:4546';
  sample: boolean;
  coords: Position[];
  /** 1-based feature number in the input, for messages */
  feature: number;
}

const KINDS: Record<string, BoundaryLine['line']> = {
  'management-line': 'management',
  'protection-line': 'protection',
};

const ZONES: Partial<Record<CrsCode, BoundaryLine['crs']>> = {
  'EPSG:4545': 'EPSG:4545',
  'EPSG:4524': 'EPSG:4545',
  'EPSG:4546': 'EPSG:4546',
  'EPSG:4525': 'EPSG:4546',
};

function isLonLat(c: Position): boolean {
  const [lon, lat] = c;
  return (
    c.length >= 2 &&
    Number.isFinite(lon) &&
    Number.isFinite(lat) &&
    (lon as number) >= 106.5 &&
    (lon as number) <= 112.5 &&
    (lat as number) >= 18 &&
    (lat as number) <= 26
  );
}

/** The zone a line is measured in: its `crs` property, else the zone of its middle longitude. */
function zoneOf(crs: unknown, coords: Position[]): BoundaryLine['crs'] | string {
  if (crs === undefined || crs === null) {
    const lons = coords.map((c) => c[0] as number);
    return gkZoneFor((Math.min(...lons) + Math.max(...lons)) / 2);
  }
  const zone = ZONES[crs as CrsCode];
  return (
    zone ??
    `crs ${JSON.stringify(crs)} is not a Gauss-Krüger zone 36/37 code (EPSG:4545, 4546, 4524, 4525)`
  );
}

function readLine(f: Feature, n: number, kind: BoundaryLine['line']): BoundaryLine | string {
  const p = f.properties ?? {};
  const reach = typeof p.reach === 'string' && p.reach.trim() !== '' ? p.reach : null;
  const where = `feature ${n} (${reach ? `reach ${reach}, ` : ''}${kind} line${typeof p.bank === 'string' ? ` ${p.bank}` : ''})`;
  if (!reach) return `${where}: no reach id (property "reach")`;
  if (p.bank !== 'left' && p.bank !== 'right') return `${where}: bank must be "left" or "right"`;
  if (f.geometry.type !== 'LineString') {
    return `${where}: a ${f.geometry.type}; markers need one LineString per reach, line and bank`;
  }
  const coords = f.geometry.coordinates;
  if (coords.length < 2) return `${where}: a line needs at least 2 points, found ${coords.length}`;
  const bad = coords.findIndex((c) => !isLonLat(c));
  if (bad >= 0) {
    return `${where}: point ${bad + 1} ${JSON.stringify(coords[bad])} is not lon/lat in zones 36–37 (106.5–112.5°E, 18–26°N); projected or swapped coordinates?`;
  }
  const crs = zoneOf(p.crs, coords);
  if (crs.startsWith('crs ')) return `${where}: ${crs}`;
  const code = p.reachCode;
  if (code !== undefined && (typeof code !== 'string' || !/^[A-Za-z0-9]+$/.test(code))) {
    return `${where}: reachCode ${JSON.stringify(code)} must be letters and digits only`;
  }
  return {
    reach,
    river: typeof p.river === 'string' ? p.river : null,
    reachCode: typeof code === 'string' ? code : null,
    line: kind,
    bank: p.bank,
    crs: crs as BoundaryLine['crs'],
    sample: p.sample === true,
    coords,
    feature: n,
  };
}

/**
 * Reads the boundary lines (`kind: 'management-line' | 'protection-line'`) of a zone-engine
 * output; zone polygons and other features are ignored. Every problem names its feature.
 * @example readBoundaryLines(zones) // { lines: [{ reach: 'QJ-01', line: 'management', bank: 'left', … }], errors: [] }
 */
export function readBoundaryLines(input: unknown): { lines: BoundaryLine[]; errors: string[] } {
  const fc = input as FeatureCollection;
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    return { lines: [], errors: ['input must be a GeoJSON FeatureCollection'] };
  }
  const lines: BoundaryLine[] = [];
  const errors: string[] = [];
  const seen = new Map<string, number>();
  fc.features.forEach((f, i) => {
    const kind = KINDS[String(f?.properties?.kind)];
    if (!kind || !f.geometry) return;
    const line = readLine(f, i + 1, kind);
    if (typeof line === 'string') {
      errors.push(line);
      return;
    }
    const key = `${line.reach}\u0000${line.line}\u0000${line.bank}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push(
        `feature ${line.feature} (reach ${line.reach}, ${line.line} line ${line.bank}): the same line as feature ${first}; one line per reach, line kind and bank`,
      );
      return;
    }
    seen.set(key, line.feature);
    lines.push(line);
  });
  if (errors.length === 0 && lines.length === 0) {
    errors.push(
      'the input has no boundary lines (LineString features with kind "management-line" or "protection-line"); run `hejie zones` first',
    );
  }
  return { lines, errors };
}
