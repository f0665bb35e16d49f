// What a saved plan version must satisfy so that it can always be computed and published: every
// position inside the deployment's region, no line longer than the engine computes in time, no
// property nested deeper than a plan needs. Checked at save time, so that nothing is accepted that
// fails later.
import type { Position } from 'geojson';
import { type Message, msg } from '../message';

/** A lon/lat box, CGCS2000 degrees. */
export interface Region {
  west: number;
  south: number;
  east: number;
  north: number;
}

/**
 * Where the app computes at all: the CGCS2000 3° Gauss-Krüger zones 36–37 (EPSG:4545/4546, 106.5–112.5°E)
 * it has definitions for, at Guangxi's latitudes. A deployment's region must lie inside it.
 */
const SUPPORTED_AREA: Region = { west: 106.5, south: 18, east: 112.5, north: 26 };

/**
 * A region from `west,south,east,north` in degrees (HEJIE_REGION), or why it cannot be one.
 * @example parseRegion('108.1,21.5,109.9,22.7') // { ok: true, region: { west: 108.1, … } }
 */
export function parseRegion(
  text: string,
): { ok: true; region: Region } | { ok: false; reason: Message } {
  const parts = text.split(',').map((p) => Number(p.trim()));
  const [west, south, east, north] = parts;
  if (
    parts.length !== 4 ||
    !parts.every(Number.isFinite) ||
    west === undefined ||
    south === undefined ||
    east === undefined ||
    north === undefined ||
    west >= east ||
    south >= north
  )
    return { ok: false, reason: msg('geo.region.syntax', { got: text }) };
  const a = SUPPORTED_AREA;
  if (west < a.west || east > a.east || south < a.south || north > a.north)
    return { ok: false, reason: msg('geo.region.unsupported', { got: text, ...a }) };
  return { ok: true, region: { west, south, east, north } };
}

/** The limits a saved version is checked against. */
export interface FeatureLimits {
  /** where positions may lie (the deployment's region) */
  region: Region;
  /** vertices in one line or ring; the zones benchmark computes a reach of this size in < 2 s */
  maxVertices: number;
  /** nesting of objects and arrays inside a feature's properties */
  maxDepth: number;
}

/** At most this many reasons are listed (one bad file can have thousands). */
const MAX_REASONS = 20;

/**
 * The reasons a version's features cannot be saved, each naming the feature (its number, 1-based, and
 * its reach when it has one); empty when they can. Never recursive, never spreads arrays.
 * @example checkFeatures([{ type: 'Feature', geometry: { type: 'Point', coordinates: [-30, 0] }, properties: {} }], limits) // [{ code: 'geo.outsideRegion', … }]
 */
export function checkFeatures(features: readonly unknown[], limits: FeatureLimits): Message[] {
  const reasons: Message[] = [];
  for (let i = 0; i < features.length && reasons.length < MAX_REASONS; i++) {
    const f = features[i] as { geometry?: unknown; properties?: unknown } | null;
    const reach = (f?.properties as { reach?: unknown } | null | undefined)?.reach;
    const where = { feature: i + 1, reach: typeof reach === 'string' ? reach : '—' };
    const depth = depthOf(f?.properties);
    if (depth > limits.maxDepth)
      reasons.push(msg('geo.tooDeep', { ...where, depth, max: limits.maxDepth }));
    for (const line of linesOf(f?.geometry)) {
      if (line.length > limits.maxVertices) {
        reasons.push(
          msg('geo.tooManyVertices', { ...where, count: line.length, max: limits.maxVertices }),
        );
        break;
      }
      const out = line.find((p) => !inRegion(p, limits.region));
      if (out) {
        reasons.push(
          msg('geo.outsideRegion', { ...where, ...positionParams(out), ...region(limits) }),
        );
        break;
      }
    }
  }
  return reasons;
}

/**
 * Whether a lon/lat position lies in a region (edges included).
 * @example inRegion([108.6, 21.95], IMPORT_EXTENT) // true
 */
export function inRegion(p: Position, r: Region): boolean {
  const [lon, lat] = p;
  return (
    typeof lon === 'number' &&
    typeof lat === 'number' &&
    lon >= r.west &&
    lon <= r.east &&
    lat >= r.south &&
    lat <= r.north
  );
}

const round = (v: unknown) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : String(v));

function positionParams(p: Position) {
  return { lon: round(p[0]), lat: round(p[1]) };
}

function region({ region: r }: FeatureLimits) {
  return { west: round(r.west), east: round(r.east), south: round(r.south), north: round(r.north) };
}

/** The lines and rings of a geometry (a point is a line of one position). */
function linesOf(g: unknown): Position[][] {
  const geometry = g as { type?: string; coordinates?: unknown } | null | undefined;
  const c = geometry?.coordinates;
  if (!Array.isArray(c)) return [];
  switch (geometry?.type) {
    case 'Point':
      return [[c as Position]];
    case 'MultiPoint':
    case 'LineString':
      return [c as Position[]];
    case 'MultiLineString':
    case 'Polygon':
      return c as Position[][];
    case 'MultiPolygon':
      return (c as Position[][][]).flat();
    default:
      return [];
  }
}

/** How deep objects and arrays nest in a value (a scalar is 0), counted without recursion. */
function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (typeof v !== 'object' || v === null) continue;
    const here = d + 1;
    if (here > deepest) deepest = here;
    if (deepest > 64) return deepest; // deep enough to refuse; stop walking
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, here]);
  }
  return deepest;
}
