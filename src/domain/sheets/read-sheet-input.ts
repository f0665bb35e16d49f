// What the sheets show, read from lon/lat features and projected into the reach's GK zone.
import type { Feature, Position } from 'geojson';
import { type CrsCode, type Projector, projector, zoneOfPositions } from '../crs/crs';
import { type Message, msg } from '../message';

/** A zone polygon in GK metres: its rings per part. */
export interface GkZone {
  reach: string;
  kind: 'management' | 'protection';
  parts: number[][][][];
}

/** A line in GK metres (boundary line or toe/bank line). */
export interface GkLine {
  reach: string;
  kind: 'management-line' | 'protection-line' | 'toe-line';
  bank: 'left' | 'right' | null;
  coords: number[][];
}

/** A marker or notice board in GK metres. */
export interface GkMarker {
  id: string;
  reach: string;
  series: string;
  type: 'marker' | 'board';
  bank: 'left' | 'right' | null;
  chainage: number;
  e: number;
  n: number;
}

/** Everything a sheet set shows, in one GK zone, with the reaches in order of first appearance. */
export interface SheetContent {
  crs: CrsCode;
  project: Projector['forward'];
  reaches: string[];
  rivers: string[];
  zones: GkZone[];
  lines: GkLine[];
  markers: GkMarker[];
}

const isLonLat = (p: unknown): p is Position =>
  Array.isArray(p) &&
  typeof p[0] === 'number' &&
  typeof p[1] === 'number' &&
  p[0] >= 106.5 &&
  p[0] <= 112.5 &&
  p[1] >= 18 &&
  p[1] <= 26;

type Kind = 'zone' | 'line' | 'toe' | 'marker' | null;

function kindOf(f: Feature): Kind {
  const p = f.properties ?? {};
  const t = f.geometry?.type;
  if (
    (t === 'Polygon' || t === 'MultiPolygon') &&
    (p.kind === 'management' || p.kind === 'protection')
  )
    return 'zone';
  if (t === 'LineString' && (p.kind === 'management-line' || p.kind === 'protection-line'))
    return 'line';
  if (t === 'LineString' && typeof p.role === 'string' && /^(toe|bank)-(left|right)$/.test(p.role))
    return 'toe';
  if (t === 'Point' && (p.markerType === 'boundary' || p.markerType === 'notice-board'))
    return 'marker';
  return null;
}

function positionsOf(f: Feature): unknown[] {
  const g = f.geometry as { type: string; coordinates: unknown };
  if (g.type === 'Point') return [g.coordinates];
  if (g.type === 'LineString') return g.coordinates as unknown[];
  if (g.type === 'Polygon') return (g.coordinates as unknown[][]).flat();
  return (g.coordinates as unknown[][][]).flat(2);
}

function check(features: readonly Feature[]): Message[] {
  const errors: Message[] = [];
  features.forEach((f, i) => {
    if (kindOf(f) === null) return;
    const bad = positionsOf(f).findIndex((p) => !isLonLat(p));
    if (bad >= 0)
      errors.push(
        msg('sheets.input.notLonLat', {
          n: i + 1,
          k: bad + 1,
          coord: JSON.stringify(positionsOf(f)[bad]),
        }),
      );
  });
  return errors;
}

const str = (v: unknown, d = '') => (typeof v === 'string' ? v : d);
const bankOf = (v: unknown) => (v === 'left' || v === 'right' ? v : null);

/**
 * The zones, lines and markers of lon/lat features in the GK zone of their extent (`zoneOfPositions`);
 * other features are left out. Errors: input that is no list of features, nothing to draw, positions
 * that are not lon/lat in zones 36–37.
 * @example readSheetContent(fc.features).content?.crs // 'EPSG:4545'
 */
export function readSheetContent(
  features: unknown,
): { ok: true; content: SheetContent } | { ok: false; errors: Message[] } {
  if (!Array.isArray(features)) return { ok: false, errors: [msg('sheets.input.notCollection')] };
  const fs = features.filter(
    (f): f is Feature =>
      !!f &&
      typeof f === 'object' &&
      (f as Feature).type === 'Feature' &&
      !!(f as Feature).geometry,
  );
  const errors = check(fs);
  if (errors.length > 0) return { ok: false, errors };
  const used = fs.filter((f) => kindOf(f) !== null);
  if (!used.some((f) => kindOf(f) === 'zone' || kindOf(f) === 'line' || kindOf(f) === 'marker'))
    return { ok: false, errors: [msg('sheets.input.nothing')] };
  const zone = zoneOfPositions(used.flatMap((f) => positionsOf(f) as Position[]));
  const { forward } = projector(zone.code);
  const content: SheetContent = {
    crs: zone.code,
    project: forward,
    reaches: [],
    rivers: [],
    zones: [],
    lines: [],
    markers: [],
  };
  for (const f of used) {
    const p = f.properties ?? {};
    const reach = str(p.reach, '—');
    if (!content.reaches.includes(reach)) content.reaches.push(reach);
    const river = str(p.river);
    if (river && !content.rivers.includes(river)) content.rivers.push(river);
    const g = f.geometry as { type: string; coordinates: unknown };
    const k = kindOf(f);
    if (k === 'zone') {
      const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as Position[][][];
      content.zones.push({
        reach,
        kind: p.kind,
        parts: polys.map((rings) => rings.map((r) => r.map(forward))),
      });
    } else if (k === 'line' || k === 'toe') {
      const coords = (g.coordinates as Position[]).map(forward);
      const bank = k === 'toe' ? bankOf(str(p.role).split('-')[1]) : bankOf(p.bank);
      content.lines.push({ reach, kind: k === 'toe' ? 'toe-line' : p.kind, bank, coords });
    } else if (k === 'marker') {
      const [e, n] = forward(g.coordinates as Position);
      const id = str(p.id, '?');
      content.markers.push({
        id,
        reach,
        series: id.replace(/-\d+$/, ''),
        type: p.markerType === 'notice-board' ? 'board' : 'marker',
        bank: bankOf(p.bank),
        chainage: typeof p.chainageM === 'number' ? p.chainageM : 0,
        e,
        n,
      });
    }
  }
  return { ok: true, content };
}
