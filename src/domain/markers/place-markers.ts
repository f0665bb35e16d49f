// `placeMarkers`: boundary markers (界桩) and notice boards (公告牌) on the zone engine's lines.
import type { FeatureCollection, Point } from 'geojson';
import { projector } from '../crs/crs';
import { type Message, msg } from '../message';
import type { MeasuredLine, XY } from './line-geometry';
import { measureLine, pointAt } from './line-geometry';
import type { MarkerFeature, MarkerProperties } from './marker';
import type { MarkerOptions } from './marker-options';
import { resolveMarkerOptions } from './marker-options';
import type { CodeFor } from './number-markers';
import { compareMarkers, markerId, reachCoder } from './number-markers';
import { placeStations } from './place-chainages';
import { placeNoticeBoards } from './place-notice-boards';
import type { BoundaryLine } from './read-lines';
import { lineWhere, readBoundaryLines } from './read-lines';

/** Options of a placement: the rules, and how reach codes are made (default: from the reach id). */
export interface PlaceMarkersOptions extends Partial<MarkerOptions> {
  codeFor?: CodeFor;
}

/** What was placed on one line, for the CLI's summary. */
export interface LineSummary {
  reach: string;
  code: string;
  line: MarkerProperties['line'];
  bank: MarkerProperties['bank'];
  lengthM: number;
  counts: Record<'end' | 'bend' | 'main', number>;
  boards: number;
}

/** Markers and a summary per line, or every reason nothing was placed. */
export type MarkersResult =
  | { ok: true; markers: FeatureCollection<Point, MarkerProperties>; lines: LineSummary[] }
  | { ok: false; errors: Message[] };

/** A lon/lat rounded to 1e-9° (0.1 mm), and X/Y (mm/10) of exactly that point. */
function locate(line: BoundaryLine, xy: XY) {
  const proj = projector(line.crs);
  const [lon, lat] = proj.inverse(xy).map((v) => Math.round(v * 1e9) / 1e9) as XY;
  const [e, n] = proj.forward([lon, lat]);
  return { lon, lat, x: Math.round(n * 1e4) / 1e4, y: Math.round(e * 1e4) / 1e4 };
}

function feature(
  line: BoundaryLine,
  measured: MeasuredLine,
  base: Pick<MarkerProperties, 'id' | 'markerType' | 'kind' | 'seq' | 'chainageM'>,
): MarkerFeature {
  const at = locate(line, pointAt(measured, base.chainageM));
  const properties: MarkerProperties = {
    id: base.id,
    markerType: base.markerType,
    reach: line.reach,
    ...(line.reachName === null ? {} : { reachName: line.reachName }),
    river: line.river,
    line: line.line,
    bank: line.bank,
    kind: base.kind,
    seq: base.seq,
    chainageM: Math.round(base.chainageM * 1000) / 1000,
    lon: at.lon,
    lat: at.lat,
    crs: line.crs,
    x: at.x,
    y: at.y,
    sample: line.sample,
  };
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [at.lon, at.lat] },
    properties,
  };
}

/** The codes of every reach, or the reaches that would share one. */
function codesOf(lines: BoundaryLine[], codeFor: CodeFor): Map<string, string> | Message[] {
  const codes = new Map<string, string>();
  const owner = new Map<string, string>();
  const errors = new Map<string, Message>();
  for (const l of lines) {
    const code = l.reachCode ?? codeFor(l.reach, l.river);
    if (!/^[A-Za-z0-9]+$/.test(code)) throw new Error(`codeFor gave "${code}" for ${l.reach}`);
    const had = codes.get(l.reach);
    if (had !== undefined && had !== code) {
      const m = msg('markers.reach.twoCodes', { reach: l.reach, a: had, b: code });
      errors.set(JSON.stringify(m), m);
    }
    const other = owner.get(code);
    if (other !== undefined && other !== l.reach) {
      const m = msg('markers.reach.sameCode', { a: other, b: l.reach, code });
      errors.set(JSON.stringify(m), m);
    }
    codes.set(l.reach, code);
    owner.set(code, l.reach);
  }
  return errors.size > 0 ? [...errors.values()] : codes;
}

function placeOnLine(line: BoundaryLine, code: string, options: MarkerOptions) {
  const proj = projector(line.crs);
  const measured = measureLine(line.coords.map((c) => proj.forward(c)));
  const stations = placeStations(measured, options);
  const markers = stations.map((s, i) =>
    feature(line, measured, {
      id: markerId(code, 'boundary', line.line, line.bank, i + 1),
      markerType: 'boundary',
      kind: s.kind,
      seq: i + 1,
      chainageM: s.chainageM,
    }),
  );
  const boards =
    line.line === 'management'
      ? placeNoticeBoards(measured.length, options.boardKm).map((b, i) =>
          feature(line, measured, {
            id: markerId(code, 'notice-board', line.line, line.bank, i + 1),
            markerType: 'notice-board',
            kind: b.kind,
            seq: i + 1,
            chainageM: b.chainageM,
          }),
        )
      : [];
  const count = (k: Station['kind']) => stations.filter((s) => s.kind === k).length;
  const summary: LineSummary = {
    reach: line.reach,
    code,
    line: line.line,
    bank: line.bank,
    lengthM: measured.length,
    counts: { end: count('end'), bend: count('bend'), main: count('main') },
    boards: boards.length,
  };
  return { features: [...markers, ...boards], summary };
}

type Station = ReturnType<typeof placeStations>[number];

/** Chainages are given to the millimetre. */
const SHORT_TOLERANCE_M = 0.0005;

/**
 * Lines shorter than the minimum gap cannot hold their two end markers (to the half millimetre
 * chainages are given in, so that a 20 m line read back from lon/lat is still 20 m).
 */
function tooShort(lines: BoundaryLine[], minGapM: number): Message[] {
  return lines.flatMap((l) => {
    const proj = projector(l.crs);
    const len = measureLine(l.coords.map((c) => proj.forward(c))).length;
    return len < minGapM - SHORT_TOLERANCE_M
      ? [
          msg('markers.line.tooShort', {
            where: lineWhere(l.feature, l.reach, l.line, l.bank),
            length: len.toFixed(2),
            minGap: minGapM,
          }),
        ]
      : [];
  });
}

/**
 * Boundary markers on every management and protection line of a zone-engine output (one line per
 * reach × line kind × bank, never across reach ends) and suggested notice boards on each bank's
 * management line, numbered upstream → downstream. All or nothing: any bad line and no marker.
 * @example placeMarkers(zones, { spacingM: 150, codeFor: () => 'QJ01' }) // { ok: true, markers: { features: [QJ01-GL-L-001, …] }, lines }
 */
export function placeMarkers(input: unknown, options: PlaceMarkersOptions = {}): MarkersResult {
  const { codeFor, ...rules } = options;
  const resolved = resolveMarkerOptions(rules);
  if (resolved.errors.length > 0) return { ok: false, errors: resolved.errors };
  const { lines, errors } = readBoundaryLines(input);
  if (errors.length > 0) return { ok: false, errors };
  const short = tooShort(lines, resolved.options.minGapM);
  if (short.length > 0) return { ok: false, errors: short };
  const codes = codesOf(lines, codeFor ?? reachCoder([], lines));
  if (Array.isArray(codes)) return { ok: false, errors: codes };
  const features: MarkerFeature[] = [];
  const summaries: LineSummary[] = [];
  for (const line of lines) {
    const placed = placeOnLine(line, codes.get(line.reach) as string, resolved.options);
    for (const f of placed.features) features.push(f);
    summaries.push(placed.summary);
  }
  features.sort((a, b) => compareMarkers(a.properties, b.properties));
  return { ok: true, markers: { type: 'FeatureCollection', features }, lines: summaries };
}
