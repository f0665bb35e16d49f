import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { MarkerProperties } from '../../markers/marker';
import { type Message, type MessageParam, msg } from '../../message';
import { deliverableOf } from '../common/deliverables';
import { listOf } from '../common/message-list';

/** A marker or notice board, checked, as the coordinate tables need it. */
export type MarkerRow = Pick<
  MarkerProperties,
  'id' | 'markerType' | 'reach' | 'river' | 'line' | 'bank' | 'kind' | 'chainageM' | 'lon' | 'lat'
>;

/** One point of a boundary (zone ring or line part), numbered J1…; a closing point repeats its label. */
export interface BoundaryPoint {
  label: string;
  /** ring (polygons) or part (lines), 1-based across the parts of a multi-geometry */
  ring: number;
  lon: number;
  lat: number;
}

/** A zone or zone line, checked, with its numbered points. */
export interface Boundary {
  layer: 'management-zone' | 'protection-zone' | 'management-line' | 'protection-line';
  reach: string;
  river: string | null;
  bank: 'left' | 'right' | null;
  /** 地块编号, e.g. `QJ01-GLFW`, `QJ01-GLX-L` */
  code: string;
  points: BoundaryPoint[];
  /** the rings as lon/lat, grouped by polygon part (outer first); empty for lines */
  polygons: Position[][][];
}

/** What a coordinate-table export reads from its input. */
export type TableFeatures =
  | { ok: true; markers: MarkerRow[]; boundaries: Boundary[]; skipped: number }
  | { ok: false; errors: Message[] };

const BANK_ORDER = { left: 0, right: 1 } as const;
const KINDS = ['main', 'bend', 'end', 'interval'] as const;
const CODE: Record<Boundary['layer'], string> = {
  'management-zone': 'GLFW',
  'protection-zone': 'BHFW',
  'management-line': 'GLX',
  'protection-line': 'BHX',
};

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Reads markers, zones and zone lines from lon/lat features, checks what the tables print, sorts
 * markers by reach, bank, chainage and boundaries by reach, bank. Other features are counted as skipped.
 * @example readTableFeatures(fc) // { ok: true, markers: [...], boundaries: [...], skipped: 0 }
 */
export function readTableFeatures(fc: FeatureCollection): TableFeatures {
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    return { ok: false, errors: [msg('formats.export.notCollection')] };
  }
  const errors: Message[] = [];
  const markers: MarkerRow[] = [];
  const boundaries: Boundary[] = [];
  let skipped = 0;
  fc.features.forEach((f, i) => {
    const layer = f ? deliverableOf(f) : null;
    const where = msg('formats.where.feature', { n: i + 1 });
    if (layer === 'marker' || layer === 'notice-board') {
      const m = readMarker(f, where);
      if (!('id' in m)) errors.push(m);
      else markers.push(m);
    } else if (layer) {
      const b = readBoundary(f, layer, where);
      if (!('layer' in b)) errors.push(b);
      else boundaries.push(b);
    } else skipped++;
  });
  if (errors.length > 0) return { ok: false, errors };
  markers.sort(
    (a, b) =>
      compareText(a.reach, b.reach) ||
      BANK_ORDER[a.bank] - BANK_ORDER[b.bank] ||
      a.chainageM - b.chainageM ||
      compareText(a.id, b.id),
  );
  const bankRank = (b: Boundary) => (b.bank ? BANK_ORDER[b.bank] : -1);
  boundaries.sort((a, b) => compareText(a.reach, b.reach) || bankRank(a) - bankRank(b));
  return { ok: true, markers, boundaries, skipped };
}

function readMarker(f: Feature, where: Message): MarkerRow | Message {
  const p = f.properties ?? {};
  const id = p.id;
  const name =
    typeof id === 'string' && id !== '' ? msg('formats.where.marker', { where, id }) : where;
  const problems: Message[] = [];
  const got = (v: unknown) => JSON.stringify(v) ?? 'undefined';
  if (typeof id !== 'string' || id === '') problems.push(msg('formats.table.idText'));
  if (typeof p.reach !== 'string' || p.reach === '') problems.push(msg('formats.table.reachText'));
  if (p.river != null && typeof p.river !== 'string') problems.push(msg('formats.table.riverText'));
  if (p.line !== 'management' && p.line !== 'protection')
    problems.push(msg('formats.table.line', { got: got(p.line) }));
  if (p.bank !== 'left' && p.bank !== 'right')
    problems.push(msg('formats.table.bank', { got: got(p.bank) }));
  if (!KINDS.includes(p.kind))
    problems.push(msg('formats.table.kind', { kinds: KINDS.join('/'), got: got(p.kind) }));
  if (typeof p.chainageM !== 'number' || !Number.isFinite(p.chainageM))
    problems.push(msg('formats.table.chainage'));
  const c = f.geometry?.type === 'Point' ? f.geometry.coordinates : undefined;
  const bad = c ? badPosition(c) : msg('formats.table.noPoint');
  if (bad) problems.push(msg('formats.table.thePoint', { why: bad }));
  if (problems.length > 0)
    return msg('formats.inFile', {
      file: name,
      what: listOf(problems, problems.length, 'semi'),
    });
  return {
    id,
    markerType: p.markerType,
    reach: p.reach,
    river: p.river ?? null,
    line: p.line,
    bank: p.bank,
    kind: p.kind,
    chainageM: p.chainageM,
    lon: c?.[0] as number,
    lat: c?.[1] as number,
  };
}

function readBoundary(f: Feature, layer: Boundary['layer'], where: Message): Boundary | Message {
  const p = f.properties ?? {};
  const at = (file: MessageParam, what: Message) => msg('formats.inFile', { file, what });
  if (typeof p.reach !== 'string' || p.reach === '')
    return at(where, msg('formats.table.reachText'));
  const name = msg('formats.where.boundary', { where, reach: p.reach, layer });
  if (p.river != null && typeof p.river !== 'string')
    return at(name, msg('formats.table.riverText'));
  const bank = p.bank === 'left' || p.bank === 'right' ? p.bank : null;
  if (p.bank != null && !bank)
    return at(name, msg('formats.table.bank', { got: JSON.stringify(p.bank) }));
  const parts = partsOf(f.geometry as Geometry);
  const isZone = layer.endsWith('zone');
  const minimum = isZone ? 3 : 2;
  if (parts.length === 0) return at(name, msg('formats.table.noCoordinates'));
  for (const [k, part] of parts.entries()) {
    if (part.length < minimum)
      return at(name, msg('formats.table.fewPoints', { part: k + 1, n: part.length, minimum }));
    for (const [j, c] of part.entries()) {
      const bad = badPosition(c);
      if (bad)
        return at(name, msg('formats.table.badVertex', { point: j + 1, part: k + 1, why: bad }));
    }
  }
  const polygons = isZone
    ? polygonsOf(f.geometry as Geometry).map((poly) => poly.map(closeRing))
    : [];
  const side = bank ? `-${bank === 'left' ? 'L' : 'R'}` : '';
  return {
    layer,
    reach: p.reach,
    river: p.river ?? null,
    bank,
    code: `${p.reach}-${CODE[layer]}${side}`,
    points: numberPoints(isZone ? polygons.flat() : parts, isZone),
    polygons,
  };
}

function badPosition(c: Position): Message | null {
  const [lon, lat] = c;
  if (
    typeof lon !== 'number' ||
    typeof lat !== 'number' ||
    !Number.isFinite(lon) ||
    !Number.isFinite(lat)
  )
    return msg('formats.table.notNumbers', { coordinates: JSON.stringify(c) });
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90)
    return msg('formats.table.outOfRange', { lon, lat });
  return null;
}

function polygonsOf(g: Geometry): Position[][][] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

function partsOf(g: Geometry): Position[][] {
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  return polygonsOf(g).flat();
}

function closeRing(ring: Position[]): Position[] {
  const a = ring[0] as Position;
  const z = ring[ring.length - 1] as Position;
  return a[0] === z[0] && a[1] === z[1] ? ring : [...ring, a];
}

/** Numbers J1… across rings; a ring's closing point (same as its first) repeats the first label. */
function numberPoints(rings: Position[][], closed: boolean): BoundaryPoint[] {
  const out: BoundaryPoint[] = [];
  let n = 0;
  rings.forEach((ring, r) => {
    const first = n + 1;
    ring.forEach((c, j) => {
      const closing = closed && j === ring.length - 1;
      const label = closing ? `J${first}` : `J${++n}`;
      out.push({ label, ring: r + 1, lon: c[0] as number, lat: c[1] as number });
    });
  });
  return out;
}
