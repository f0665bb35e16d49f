// Planner edits after placement: move and delete keep every other number; only renumber renumbers.
import type { FeatureCollection, Point } from 'geojson';
import { projector } from '../crs/crs';
import { type Message, msg } from '../message';
import { locateOnLine, measureLine } from './line-geometry';
import type { MarkerFeature, MarkerProperties } from './marker';
import { compareMarkers, markerId } from './number-markers';
import { BANK_NAMES, LINE_NAMES, readBoundaryLines } from './read-lines';

/** A marker collection as placeMarkers returns it. */
export type MarkerCollection = FeatureCollection<Point, MarkerProperties>;

/** The edited collection (a new one; the input is untouched), or why the edit was refused. */
export type EditResult = { ok: true; markers: MarkerCollection } | { ok: false; errors: Message[] };

function find(markers: MarkerCollection, id: string): number {
  return markers.features.findIndex((f) => f.properties.id === id);
}

/** The chainage of a point on the marker's own line in `lines` (a zone-engine output), or why not. */
function chainageOn(lines: unknown, p: MarkerProperties, xy: [number, number]): number | Message[] {
  const read = readBoundaryLines(lines);
  if (read.errors.length > 0) return read.errors;
  const line = read.lines.find(
    (l) => l.reach === p.reach && l.line === p.line && l.bank === p.bank,
  );
  if (!line) {
    const [bank, kind] = [BANK_NAMES[p.bank], LINE_NAMES[p.line]];
    return [msg('markers.edit.noLine', { id: p.id, reach: p.reach, bank, line: kind })];
  }
  const proj = projector(p.crs);
  const measured = measureLine(line.coords.map((c) => proj.forward(c)));
  return Math.round(locateOnLine(measured, xy).chainage * 1000) / 1000;
}

/**
 * Moves one marker; it keeps its number and is flagged `moved`. X/Y are recomputed in its zone;
 * with `lines` (the zone-engine output it was placed on) its chainage becomes that of the nearest
 * point of its line, otherwise the chainage is kept.
 * @example moveMarker(fc, 'QJ01-GL-L-004', [108.61, 21.95], zones) // { ok: true, markers }
 */
export function moveMarker(
  markers: MarkerCollection,
  id: string,
  lonLat: readonly [number, number],
  lines?: unknown,
): EditResult {
  const [lon, lat] = lonLat;
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) throw new Error('lonLat must be finite');
  const i = find(markers, id);
  const old = markers.features[i];
  if (!old) return { ok: false, errors: [msg('markers.edit.noMarker', { id })] };
  if (lon < 106.5 || lon > 112.5 || lat < 18 || lat > 26) {
    return { ok: false, errors: [msg('markers.edit.outsideZones', { id, lon, lat })] };
  }
  const [e, n] = projector(old.properties.crs).forward([lon, lat]);
  const chainageM =
    lines === undefined ? old.properties.chainageM : chainageOn(lines, old.properties, [e, n]);
  if (Array.isArray(chainageM)) return { ok: false, errors: chainageM };
  const moved: MarkerFeature = {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [lon, lat] },
    properties: {
      ...old.properties,
      lon,
      lat,
      x: Math.round(n * 1e4) / 1e4,
      y: Math.round(e * 1e4) / 1e4,
      chainageM,
      moved: true,
    },
  };
  const features = markers.features.map((f, k) => (k === i ? moved : f));
  return { ok: true, markers: { type: 'FeatureCollection', features } };
}

/**
 * Deletes one marker; the others keep their numbers (a gap stays until an explicit renumber).
 * @example deleteMarker(fc, 'QJ01-GL-L-004') // { ok: true, markers } without QJ01-GL-L-004
 */
export function deleteMarker(markers: MarkerCollection, id: string): EditResult {
  if (find(markers, id) < 0) return { ok: false, errors: [msg('markers.edit.noMarker', { id })] };
  const features = markers.features.filter((f) => f.properties.id !== id);
  return { ok: true, markers: { type: 'FeatureCollection', features } };
}

/** The number's prefix: everything before the last `-` (`QJ01-GL-L` of `QJ01-GL-L-004`). */
function prefixOf(id: string): string {
  const cut = id.lastIndexOf('-');
  if (cut <= 0) throw new Error(`marker id "${id}" has no sequence part`);
  return id.slice(0, cut);
}

/** The reach code a number starts with (`QJ01` of `QJ01-GL-L-004`; codes are letters and digits). */
function codeOf(id: string): string {
  return id.slice(0, id.indexOf('-'));
}

/**
 * The only edit that renumbers: within each numbered series (reach code, line kind or notice
 * board, bank) markers are numbered 1, 2, … by chainage (ties keep their old order). Returns the
 * new collection and, for every marker whose number changed, old → new.
 * @example renumberMarkers(fc).mapping // { 'QJ01-GL-L-005': 'QJ01-GL-L-004', … }
 */
export function renumberMarkers(markers: MarkerCollection): {
  markers: MarkerCollection;
  mapping: Record<string, string>;
} {
  const series = new Map<string, MarkerFeature[]>();
  for (const f of markers.features) {
    const key = prefixOf(f.properties.id);
    series.set(key, [...(series.get(key) ?? []), f]);
  }
  const mapping: Record<string, string> = {};
  const features: MarkerFeature[] = [];
  for (const list of series.values()) {
    const sorted = list.toSorted(
      (a, b) =>
        a.properties.chainageM - b.properties.chainageM || a.properties.seq - b.properties.seq,
    );
    sorted.forEach((f, k) => {
      const p = f.properties;
      const id = markerId(codeOf(p.id), p.markerType, p.line, p.bank, k + 1);
      features.push({ ...f, properties: { ...p, id, seq: k + 1 } });
      if (id !== p.id) mapping[p.id] = id;
    });
  }
  features.sort((a, b) => compareMarkers(a.properties, b.properties));
  return { markers: { type: 'FeatureCollection', features }, mapping };
}
