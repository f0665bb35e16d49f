import type { Feature, FeatureCollection, Position } from 'geojson';
import { type Message, msg } from '../message';
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
  /** the name a planner gave the reach (property `reachName`, e.g. 城区段); null when unnamed */
  name: string | null;
  river: string | null;
  county: string | null;
  /** derived demonstration data, not a survey */
  sample: boolean;
  left: BankLine;
  right: BankLine;
  /** lon/lat polygons (rings) */
  water: Position[][][];
  /** approved-boundary polygons of the reach (有相关成果河道), with their properties */
  approved: ApprovedPolygon[];
}

/** An approved boundary drawn or imported in a reach: lon/lat rings and the feature's properties. */
export interface ApprovedPolygon {
  rings: Position[][];
  properties: Readonly<Record<string, unknown>>;
  /** feature number in the input, 1-based */
  feature: number;
}

/** Roles other engines read from the same collection (涉水工程): skipped here, not refused. */
const OTHER_ROLES: readonly string[] = ['work'];

const ROLES = [
  'toe-left',
  'toe-right',
  'bank-left',
  'bank-right',
  'water',
  'approved-boundary',
] as const;

/** A line's role as messages name it (左岸堤脚线 …). */
const ROLE_NAMES: Record<(typeof ROLES)[number], Message> = {
  'toe-left': msg('zones.role.toeLeft'),
  'toe-right': msg('zones.role.toeRight'),
  'bank-left': msg('zones.role.bankLeft'),
  'bank-right': msg('zones.role.bankRight'),
  water: msg('zones.role.water'),
  'approved-boundary': msg('zones.role.approved'),
};

/**
 * The name of a role for a message.
 * @example roleName('toe-left') // msg('zones.role.toeLeft')
 */
export function roleName(role: (typeof ROLES)[number]): Message {
  return ROLE_NAMES[role];
}

/**
 * Reads reaches from a FeatureCollection of role-tagged lines and water polygons. Every problem is
 * reported with its feature number and reach; nothing is guessed.
 * @example readReaches(fc) // { reaches: [...], errors: [] }
 */
export function readReaches(input: unknown): { reaches: Reach[]; errors: Message[] } {
  const errors: Message[] = [];
  const fc = input as FeatureCollection;
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    return { reaches: [], errors: [msg('zones.input.notCollection')] };
  }
  const byReach = new Map<
    string,
    {
      lines: BankLine[];
      water: Position[][][];
      approved: ApprovedPolygon[];
      props: Record<string, unknown>;
    }
  >();
  fc.features.forEach((f, i) => {
    const n = i + 1;
    if (OTHER_ROLES.includes(f?.properties?.role)) return;
    const problem = readFeature(f, n);
    if ('code' in problem) {
      errors.push(problem);
      return;
    }
    const entry = byReach.get(problem.reach) ?? { lines: [], water: [], approved: [], props: {} };
    if (problem.line) entry.lines.push(problem.line);
    if (problem.water) entry.water.push(problem.water);
    if (problem.approved) entry.approved.push(problem.approved);
    else entry.props = { ...problem.props, ...entry.props };
    byReach.set(problem.reach, entry);
  });
  const reaches: Reach[] = [];
  for (const [id, entry] of byReach) {
    const left = entry.lines.filter((l) => l.side === 'left');
    const right = entry.lines.filter((l) => l.side === 'right');
    if (left.length !== 1 || right.length !== 1) {
      errors.push(msg('zones.reach.banks', { reach: id, left: left.length, right: right.length }));
      continue;
    }
    const str = (k: string) =>
      typeof entry.props[k] === 'string' ? (entry.props[k] as string) : null;
    const name = str('reachName')?.trim() ?? '';
    reaches.push({
      id,
      name: name === '' ? null : name,
      river: str('river'),
      county: str('county'),
      sample: entry.props.sample === true,
      left: left[0] as BankLine,
      right: right[0] as BankLine,
      water: entry.water,
      approved: entry.approved,
    });
  }
  return { reaches, errors };
}

interface ReadFeature {
  reach: string;
  line?: BankLine;
  water?: Position[][];
  approved?: ApprovedPolygon;
  props: Record<string, unknown>;
}

function readFeature(f: Feature, n: number): ReadFeature | Message {
  const p = (f?.properties ?? {}) as Record<string, unknown>;
  if (typeof p.reach !== 'string' || p.reach.trim() === '')
    return msg('zones.feature.noReach', { n });
  const at = { n, reach: p.reach };
  const role = p.role;
  if (!ROLES.includes(role as (typeof ROLES)[number])) {
    return msg('zones.feature.badRole', { ...at, roles: ROLES.join(', '), got: shown(role) });
  }
  const name = ROLE_NAMES[role as (typeof ROLES)[number]];
  const g = f.geometry;
  const got = g?.type ?? msg('zones.noGeometry');
  if (role === 'water' || role === 'approved-boundary') {
    if (g?.type !== 'Polygon')
      return role === 'water'
        ? msg('zones.feature.waterNotPolygon', { ...at, got })
        : msg('zones.feature.approvedNotPolygon', { ...at, got });
    const bad = g.coordinates.flat().find((c) => !isLonLat(c));
    if (bad) return msg('zones.feature.notLonLat', { ...at, coord: shown(bad) });
    if (role === 'water') return { reach: p.reach, water: g.coordinates, props: p };
    return {
      reach: p.reach,
      approved: { rings: g.coordinates, properties: p, feature: n },
      props: p,
    };
  }
  if (g?.type !== 'LineString')
    return msg('zones.feature.notLineString', { ...at, role: name, got });
  const bad = g.coordinates.find((c) => !isLonLat(c));
  if (bad) return msg('zones.feature.notLonLat', { ...at, coord: shown(bad) });
  const coords = g.coordinates.filter((c, k, all) => k === 0 || !same(c, all[k - 1] as Position));
  if (coords.length < 2)
    return msg('zones.feature.tooFewPoints', { ...at, role: name, count: coords.length });
  const [kind, side] = (role as string).split('-') as ['toe' | 'bank', 'left' | 'right'];
  const num = (k: string): number | null | Message => {
    const v = p[k];
    if (v === undefined || v === null || v === '') return null;
    return typeof v === 'number' && Number.isFinite(v)
      ? v
      : msg('zones.feature.notMetres', { ...at, key: k, got: shown(v) });
  };
  const widthM = num('widthM');
  const protectionM = num('protectionM');
  if (widthM !== null && typeof widthM !== 'number') return widthM;
  if (protectionM !== null && typeof protectionM !== 'number') return protectionM;
  let embankmentClass: EmbankmentClass | null = null;
  if (kind === 'toe') {
    const c = p.embankmentClass;
    if (c !== 1 && c !== 2 && c !== 3 && c !== 4 && c !== 5) {
      return msg('zones.feature.noClass', { ...at, role: name, got: shown(c) });
    }
    embankmentClass = c;
  } else if (protectionM !== null) {
    return msg('zones.feature.protectionOnBank', { ...at, role: name });
  }
  return {
    reach: p.reach,
    line: { side, kind, coords, embankmentClass, widthM, protectionM, feature: n },
    props: p,
  };
}

/** A value as the input had it, for a message (`undefined` for a missing one). */
function shown(v: unknown): string {
  return JSON.stringify(v) ?? 'undefined';
}

function isLonLat(c: Position): boolean {
  const [x, y] = c;
  return typeof x === 'number' && typeof y === 'number' && Math.abs(x) <= 180 && Math.abs(y) <= 90;
}

function same(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}
