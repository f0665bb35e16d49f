// Where a reach's bank starts and ends, for the public: the county the end lies in, then the nearest
// named feature of the bundled map data (a reservoir, a river) with its distance and direction, or,
// with none near, the chainage from the reach's start (K1+000). Coordinates only where they are public.
import type { Geometry, Position } from 'geojson';
import { type Message, msg } from '../message';
import { type CountyArea, countyAt, inArea } from './zone-counties';

/** A named feature of the bundled map data (never an invented place). */
export interface NamedPlace {
  name: string;
  geometry: Geometry;
}

/** The 8 directions, north first, clockwise. */
export type Compass = 'N' | 'NE' | 'E' | 'SE' | 'S' | 'SW' | 'W' | 'NW';

/** One end of a bank as the public reads it. */
export interface ReachEnd {
  county: string | null;
  /** the nearest named feature within NEAR_M; direction null when the end is at or in it */
  near: { name: string; distanceM: number; direction: Compass | null } | null;
  /** metres from the reach's start along its management line */
  chainageM: number;
}

/** A named feature farther than this (metres) does not describe an end. */
export const NEAR_M = 5000;
/** Closer than this (metres), an end is at the feature: no direction. */
const AT_M = 100;
const M_PER_DEG = 111_320;
const COMPASS: Compass[] = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'];

type Local = (p: Position) => [number, number];

/** Metres east and north of `origin` (equirectangular: good to 0.1 % within 50 km). */
function localFrame(origin: Position): Local {
  const cos = Math.cos(((origin[1] as number) * Math.PI) / 180);
  return (p) => [
    ((p[0] as number) - (origin[0] as number)) * cos * M_PER_DEG,
    ((p[1] as number) - (origin[1] as number)) * M_PER_DEG,
  ];
}

function nearestOnSegment(a: [number, number], b: [number, number]): [number, number] {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, -(a[0] * dx + a[1] * dy) / len));
  return [a[0] + t * dx, a[1] + t * dy];
}

/** The nearest point of the lines to the origin (0, 0) in the local frame. */
function nearestOnLines(lines: readonly Position[][], local: Local): [number, number] | null {
  let best: [number, number] | null = null;
  for (const line of lines) {
    const pts = line.map(local);
    if (pts.length === 1) pts.push(pts[0] as [number, number]);
    for (let i = 1; i < pts.length; i++) {
      const q = nearestOnSegment(pts[i - 1] as [number, number], pts[i] as [number, number]);
      if (!best || Math.hypot(...q) < Math.hypot(...best)) best = q;
    }
  }
  return best;
}

function linesOf(g: Geometry): Position[][] {
  switch (g.type) {
    case 'Point':
      return [[g.coordinates]];
    case 'MultiPoint':
    case 'LineString':
      return [g.coordinates];
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates;
    case 'MultiPolygon':
      return g.coordinates.flat();
    default:
      return g.geometries.flatMap(linesOf);
  }
}

function inside(p: Position, g: Geometry): boolean {
  return (g.type === 'Polygon' || g.type === 'MultiPolygon') && inArea(p, g);
}

/**
 * The end at lon/lat `p`, `chainageM` along its line, described by county and the nearest named place.
 * @example describeReachEnd([108.63, 21.97], 0, counties, places) // { county: '钦南区', near: null, chainageM: 0 }
 */
export function describeReachEnd(
  p: Position,
  chainageM: number,
  counties: readonly CountyArea[],
  places: readonly NamedPlace[],
): ReachEnd {
  const local = localFrame(p);
  let near: ReachEnd['near'] = null;
  for (const place of places) {
    const q = inside(p, place.geometry) ? [0, 0] : nearestOnLines(linesOf(place.geometry), local);
    if (!q) continue;
    const d = Math.hypot(q[0] as number, q[1] as number);
    if (d > NEAR_M || (near && near.distanceM <= d)) continue;
    // the end as seen from the place: the place lies at q, the end at the origin
    const bearing = (Math.atan2(-(q[0] as number), -(q[1] as number)) * 180) / Math.PI;
    const direction =
      d < AT_M ? null : (COMPASS[Math.round(((bearing + 360) % 360) / 45) % 8] as Compass);
    near = { name: place.name, distanceM: Math.round(d), direction };
  }
  return { county: countyAt(p, counties), near, chainageM: Math.round(chainageM) };
}

/**
 * A chainage as surveyors write it: kilometres, then metres to three digits.
 * @example chainageLabel(3250) // 'K3+250'
 */
export function chainageLabel(m: number): string {
  const r = Math.round(m);
  return `K${Math.floor(r / 1000)}+${String(r % 1000).padStart(3, '0')}`;
}

const DIRECTION: Record<Compass, Message> = {
  N: msg('public.direction.N'),
  NE: msg('public.direction.NE'),
  E: msg('public.direction.E'),
  SE: msg('public.direction.SE'),
  S: msg('public.direction.S'),
  SW: msg('public.direction.SW'),
  W: msg('public.direction.W'),
  NW: msg('public.direction.NW'),
};

/**
 * An end in words: 钦南区，洪潮江水库 东北约 1.2 km; or 钦南区，里程 K1+000.
 * @example reachEndMessage({ county: '钦南区', near: null, chainageM: 1000 }) // msg('public.end.chainage', …) → 钦南区，里程 K1+000
 */
export function reachEndMessage(end: ReachEnd): Message {
  const county = end.county ?? msg('public.end.outside');
  const { near } = end;
  if (!near) return msg('public.end.chainage', { county, k: chainageLabel(end.chainageM) });
  if (!near.direction) return msg('public.end.at', { county, name: near.name });
  const km = near.distanceM >= 1000 ? (near.distanceM / 1000).toFixed(1) : null;
  return msg(km ? 'public.end.nearKm' : 'public.end.nearM', {
    county,
    name: near.name,
    direction: DIRECTION[near.direction],
    d: km ?? String(Math.round(near.distanceM / 10) * 10),
  });
}
