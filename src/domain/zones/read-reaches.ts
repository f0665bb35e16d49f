import type { Feature, FeatureCollection, Position } from 'geojson';
import type { EmbankmentClass } from './rules';

/** One bank's line of a reach. */
export interface BankLine {
  side: 'left' | 'right';
  /** toe: embankment toe line (背水坡脚线); bank: flood-plan or flood line where there is no embankment */
  kind: 'toe' | 'bank';
  /** lon/lat, upstream → downstream */
  coords: Position[];
  embankmentClass: EmbankmentClass | null;
  /** as given; null means "the rule table's default" */
  widthM: number | null;
  protectionM: number | null;
  /** feature number in the input, 1-based, for messages */
  feature: number;
}

/** A reach (河段): both banks and its water surfaces, as read from the input. */
export interface Reach {
  id: string;
  river: string | null;
  county: string | null;
  /** derived demonstration data, not a survey */
  sample: boolean;
  left: BankLine;
  right: BankLine;
  /** lon/lat polygons (rings) */
  water: Position[][][];
}

const ROLES = ['toe-left', 'toe-right', 'bank-left', 'bank-right', 'water'] as const;

/**
 * Reads reaches from a FeatureCollection of role-tagged lines and water polygons. Every problem is
 * reported with its feature number and reach; nothing is guessed.
 * @example readReaches(fc) // { reaches: [...], errors: [] }
 */
export function readReaches(input: unknown): { reaches: Reach[]; errors: string[] } {
  const errors: string[] = [];
  const fc = input as FeatureCollection;
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    return { reaches: [], errors: ['input must be a GeoJSON FeatureCollection'] };
  }
  const byReach = new Map<
    string,
    { lines: BankLine[]; water: Position[][][]; props: Record<string, unknown> }
  >();
  fc.features.forEach((f, i) => {
    const n = i + 1;
    const problem = readFeature(f, n);
    if (typeof problem === 'string') {
      errors.push(problem);
      return;
    }
    const entry = byReach.get(problem.reach) ?? { lines: [], water: [], props: {} };
    if (problem.line) entry.lines.push(problem.line);
    if (problem.water) entry.water.push(problem.water);
    entry.props = { ...problem.props, ...entry.props };
    byReach.set(problem.reach, entry);
  });
  const reaches: Reach[] = [];
  for (const [id, entry] of byReach) {
    const left = entry.lines.filter((l) => l.side === 'left');
    const right = entry.lines.filter((l) => l.side === 'right');
    if (left.length !== 1 || right.length !== 1) {
      errors.push(
        `reach ${id}: needs exactly one left line (toe-left or bank-left) and one right line, found ${left.length} left and ${right.length} right`,
      );
      continue;
    }
    const str = (k: string) =>
      typeof entry.props[k] === 'string' ? (entry.props[k] as string) : null;
    reaches.push({
      id,
      river: str('river'),
      county: str('county'),
      sample: entry.props.sample === true,
      left: left[0] as BankLine,
      right: right[0] as BankLine,
      water: entry.water,
    });
  }
  return { reaches, errors };
}

interface ReadFeature {
  reach: string;
  line?: BankLine;
  water?: Position[][];
  props: Record<string, unknown>;
}

function readFeature(f: Feature, n: number): ReadFeature | string {
  const p = (f?.properties ?? {}) as Record<string, unknown>;
  const where = `feature ${n}`;
  if (typeof p.reach !== 'string' || p.reach.trim() === '')
    return `${where}: property "reach" (the reach id) is required`;
  const at = `${where} (reach ${p.reach})`;
  const role = p.role;
  if (!ROLES.includes(role as (typeof ROLES)[number])) {
    return `${at}: role must be one of ${ROLES.join(', ')}, got ${JSON.stringify(role)}`;
  }
  const g = f.geometry;
  if (role === 'water') {
    if (g?.type !== 'Polygon')
      return `${at}: a water surface must be a Polygon, got ${g?.type ?? 'no geometry'}`;
    const bad = g.coordinates.flat().find((c) => !isLonLat(c));
    if (bad) return `${at}: coordinate ${JSON.stringify(bad)} is not lon/lat in degrees (CGCS2000)`;
    return { reach: p.reach, water: g.coordinates, props: p };
  }
  if (g?.type !== 'LineString')
    return `${at}: ${role} must be a LineString, got ${g?.type ?? 'no geometry'}`;
  const bad = g.coordinates.find((c) => !isLonLat(c));
  if (bad) return `${at}: coordinate ${JSON.stringify(bad)} is not lon/lat in degrees (CGCS2000)`;
  const coords = g.coordinates.filter((c, k, all) => k === 0 || !same(c, all[k - 1] as Position));
  if (coords.length < 2)
    return `${at}: ${role} needs at least 2 distinct points, has ${coords.length}`;
  const [kind, side] = (role as string).split('-') as ['toe' | 'bank', 'left' | 'right'];
  const num = (k: string): number | null | string => {
    const v = p[k];
    if (v === undefined || v === null || v === '') return null;
    return typeof v === 'number' && Number.isFinite(v)
      ? v
      : `${at}: ${k} must be a number of metres, got ${JSON.stringify(v)}`;
  };
  const widthM = num('widthM');
  const protectionM = num('protectionM');
  if (typeof widthM === 'string') return widthM;
  if (typeof protectionM === 'string') return protectionM;
  let embankmentClass: EmbankmentClass | null = null;
  if (kind === 'toe') {
    const c = p.embankmentClass;
    if (c !== 1 && c !== 2 && c !== 3 && c !== 4 && c !== 5) {
      return `${at}: ${role} needs embankmentClass 1–5 (5 = below class 4), got ${JSON.stringify(c)}`;
    }
    embankmentClass = c;
  } else if (protectionM !== null) {
    return `${at}: protectionM applies to embanked banks (toe lines) only, not to ${role}`;
  }
  return {
    reach: p.reach,
    line: { side, kind, coords, embankmentClass, widthM, protectionM, feature: n },
    props: p,
  };
}

function isLonLat(c: Position): boolean {
  const [x, y] = c;
  return typeof x === 'number' && typeof y === 'number' && Math.abs(x) <= 180 && Math.abs(y) <= 90;
}

function same(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}
