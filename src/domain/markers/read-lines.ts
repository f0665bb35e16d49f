// The boundary lines markers go on, read from the zone engine's output (other features ignored).
import type { Feature, FeatureCollection, Position } from 'geojson';
import type { CrsCode } from '../crs/crs';
import { zoneOfPositions } from '../crs/crs';
import { type Message, msg } from '../message';

/** One boundary line: one reach × line kind × bank, lon/lat, upstream → downstream. */
export interface BoundaryLine {
  reach: string;
  /** the reach's name (城区段) when the planner gave one, else null */
  reachName: string | null;
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
function zoneOf(crs: unknown, coords: Position[]): BoundaryLine['crs'] | null {
  if (crs === undefined || crs === null) return zoneOfPositions(coords).code;
  return ZONES[crs as CrsCode] ?? null;
}

/** Line kinds and banks as messages name them. */
const LINE_NAMES = {
  management: msg('markers.line.management'),
  protection: msg('markers.line.protection'),
} as const;
const BANK_NAMES = { left: msg('markers.bank.left'), right: msg('markers.bank.right') } as const;

/**
 * Where a line is, for a message: its feature number, reach, line kind and bank.
 * @example lineWhere(3, 'S', 'management', 'left') // msg('markers.where', …)
 */
export function lineWhere(
  n: number,
  reach: string | null,
  line: BoundaryLine['line'],
  bank: unknown,
): Message {
  if (reach === null) return msg('markers.whereNoReach', { n, line: LINE_NAMES[line] });
  const b = bank === 'left' || bank === 'right' ? BANK_NAMES[bank] : String(bank ?? '?');
  return msg('markers.where', { n, reach, line: LINE_NAMES[line], bank: b });
}

/** A line kind and bank as messages name them. */
export { BANK_NAMES, LINE_NAMES };

function readLine(f: Feature, n: number, kind: BoundaryLine['line']): BoundaryLine | Message {
  const p = f.properties ?? {};
  const reach = typeof p.reach === 'string' && p.reach.trim() !== '' ? p.reach : null;
  const where = lineWhere(n, reach, kind, p.bank);
  if (!reach) return msg('markers.line.noReach', { where });
  if (p.bank !== 'left' && p.bank !== 'right') return msg('markers.line.badBank', { where });
  if (f.geometry.type !== 'LineString')
    return msg('markers.line.notLineString', { where, got: f.geometry.type });
  const coords = f.geometry.coordinates;
  if (coords.length < 2) return msg('markers.line.tooFewPoints', { where, count: coords.length });
  const bad = coords.findIndex((c) => !isLonLat(c));
  if (bad >= 0) {
    const coord = JSON.stringify(coords[bad]);
    return msg('markers.line.notLonLat', { where, k: bad + 1, coord });
  }
  const crs = zoneOf(p.crs, coords);
  if (crs === null) return msg('markers.line.badCrs', { where, crs: JSON.stringify(p.crs) });
  const code = p.reachCode;
  if (code !== undefined && (typeof code !== 'string' || !/^[A-Za-z0-9]+$/.test(code))) {
    return msg('markers.line.badReachCode', { where, got: JSON.stringify(code) ?? 'undefined' });
  }
  return {
    reach,
    reachName: typeof p.reachName === 'string' && p.reachName.trim() !== '' ? p.reachName : null,
    river: typeof p.river === 'string' ? p.river : null,
    reachCode: typeof code === 'string' ? code : null,
    line: kind,
    bank: p.bank,
    crs,
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
export function readBoundaryLines(input: unknown): { lines: BoundaryLine[]; errors: Message[] } {
  const fc = input as FeatureCollection;
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    return { lines: [], errors: [msg('markers.input.notCollection')] };
  }
  const lines: BoundaryLine[] = [];
  const errors: Message[] = [];
  const seen = new Map<string, number>();
  fc.features.forEach((f, i) => {
    const kind = KINDS[String(f?.properties?.kind)];
    if (!kind || !f.geometry) return;
    const line = readLine(f, i + 1, kind);
    if ('code' in line) {
      errors.push(line);
      return;
    }
    const key = `${line.reach}\u0000${line.line}\u0000${line.bank}`;
    const first = seen.get(key);
    if (first !== undefined) {
      const where = lineWhere(line.feature, line.reach, line.line, line.bank);
      errors.push(msg('markers.line.duplicate', { where, first }));
      return;
    }
    seen.set(key, line.feature);
    lines.push(line);
  });
  if (errors.length === 0 && lines.length === 0) {
    errors.push(msg('markers.input.noLines'));
  }
  return { lines, errors };
}
