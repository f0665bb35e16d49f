// GSHHG level-1 shoreline (coast.geojson) and the sea polygon (sea.geojson).
import polylabel from 'polylabel';
import {
  dedupe,
  pointInRing,
  rewindPolygon,
  roundPosition,
  samePosition,
  signedArea,
} from './geometry.mjs';
import { gmt, levelOf, parseMultisegment } from './gmt.mjs';
import { mergeLines } from './merge-lines.mjs';
import { CLIP, GMT_REGION, LICENCE, SOURCE } from './sources.mjs';
import { feature } from './write-geojson.mjs';

/** Level-1 (ocean/land) shoreline chains in the clip box, rounded, pieces joined. */
export function readShoreChains() {
  const segments = parseMultisegment(gmt(['coast', GMT_REGION, '-Dfull', '-W', '-M']));
  const level1 = segments
    .filter((s) => levelOf(s.header) === 1)
    .map((s) => dedupe(s.points.map(roundPosition)));
  return mergeLines(level1)
    .flatMap((c) => dropBoxEdgeRuns(c, CLIP))
    .filter((c) => c.length >= 2);
}

const onSameEdge = (a, b, [x0, y0, x1, y1]) =>
  (a[0] === x0 && b[0] === x0) ||
  (a[0] === x1 && b[0] === x1) ||
  (a[1] === y0 && b[1] === y0) ||
  (a[1] === y1 && b[1] === y1);

// gmt clips shore polygons to the region, so polygons cut by the box carry runs along the box
// edge that are no shoreline: cut them out, leaving shoreline pieces that end on the edge.
function dropBoxEdgeRuns(chain, box) {
  const closed = samePosition(chain[0], chain[chain.length - 1]);
  let pts = chain;
  if (closed) {
    const k = pts.findIndex((p, i) => i + 1 < pts.length && onSameEdge(p, pts[i + 1], box));
    if (k < 0) return [chain];
    // Rotate the ring so that it starts right after an edge run.
    pts = [...pts.slice(k + 1, -1), ...pts.slice(0, k + 2)];
  }
  const pieces = [];
  let current = [pts[0]];
  for (let i = 0; i + 1 < pts.length; i++) {
    if (onSameEdge(pts[i], pts[i + 1], box)) {
      if (current.length >= 2) pieces.push(current);
      current = [pts[i + 1]];
    } else current.push(pts[i + 1]);
  }
  if (current.length >= 2) pieces.push(current);
  return pieces;
}

export function coastFeatures(chains) {
  return chains.map((line, n) =>
    feature(
      `coast-${n}`,
      { source: SOURCE.coast, licence: LICENCE.gshhg, level: 1 },
      { type: 'LineString', coordinates: line },
    ),
  );
}

/**
 * The sea inside the box: the box is cut into faces by the open shoreline chains (which end on
 * the box edge), closed chains (islands) become holes of the face that holds them, and each face
 * is classified ocean or not by asking GSHHG (gmt select) about an interior point of it.
 */
export function seaFeature(chains, box) {
  const open = chains.filter((c) => !samePosition(c[0], c[c.length - 1]));
  const islands = chains.filter((c) => samePosition(c[0], c[c.length - 1]) && c.length >= 4);
  const faces = cutBox(open, box).map((ring) => [ring]);
  for (const island of islands) {
    const face = faces.find((rings) => pointInRing(island[0], rings[0]));
    if (!face) throw new Error(`island at ${island[0]} lies in no face of the box`);
    face.push(island);
  }
  const ocean = classifyOcean(faces.map(interiorPoint));
  const sea = faces.filter((_, i) => ocean[i]).map(rewindPolygon);
  if (sea.length === 0) throw new Error('no sea face found in the box');
  const geometry =
    sea.length === 1
      ? { type: 'Polygon', coordinates: sea[0] }
      : { type: 'MultiPolygon', coordinates: sea };
  return feature('sea', { source: SOURCE.sea, licence: LICENCE.gshhg }, geometry);
}

// Position of a point on the box edge as distance along the perimeter, counter-clockwise from SW.
function perimeterT([x, y], [x0, y0, x1, y1]) {
  const w = x1 - x0;
  const h = y1 - y0;
  if (y === y0 && x < x1) return x - x0;
  if (x === x1 && y < y1) return w + (y - y0);
  if (y === y1 && x > x0) return w + h + (x1 - x);
  if (x === x0 && y > y0) return 2 * w + h + (y1 - y);
  throw new Error(`shoreline end ${x},${y} is not on the box edge`);
}

// Faces of the box cut by chords (chains from edge to edge that do not cross), each a closed
// counter-clockwise ring: walk the edge counter-clockwise to the next chord end, follow that
// chord to its other end, and repeat until back at the start.
function cutBox(chords, box) {
  const [x0, y0, x1, y1] = box;
  const corners = [
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ].map((p) => ({ p, t: perimeterT(p, box) }));
  const ends = chords
    .flatMap((c, i) => [
      { i, atStart: true, p: c[0] },
      { i, atStart: false, p: c[c.length - 1] },
    ])
    .map((e) => ({ ...e, t: perimeterT(e.p, box) }))
    .sort((a, b) => a.t - b.t);
  if (ends.length === 0)
    return [
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ],
    ];
  const indexOf = new Map(ends.map((e, k) => [`${e.i}:${e.atStart}`, k]));
  const perimeter = 2 * (x1 - x0 + (y1 - y0));
  const used = new Array(ends.length).fill(false);
  const faces = [];
  for (let start = 0; start < ends.length; start++) {
    if (used[start]) continue;
    const ring = [];
    let k = start;
    while (!used[k]) {
      used[k] = true;
      const from = ends[k];
      const toIndex = (k + 1) % ends.length;
      const to = ends[toIndex];
      let span = to.t - from.t;
      if (span <= 0) span += perimeter;
      ring.push(from.p);
      const between = corners
        .map((c) => ({ ...c, d: (c.t - from.t + perimeter) % perimeter }))
        .filter((c) => c.d > 0 && c.d < span)
        .sort((a, b) => a.d - b.d);
      for (const c of between) ring.push(c.p);
      const chord = chords[to.i];
      const path = to.atStart ? chord : [...chord].reverse();
      ring.push(...path.slice(0, -1));
      k = indexOf.get(`${to.i}:${!to.atStart}`);
    }
    ring.push(ring[0]);
    const clean = dedupe(ring);
    if (signedArea(clean) <= 0)
      throw new Error('box face is not counter-clockwise: shoreline chords cross?');
    faces.push(clean);
  }
  return faces;
}

// A point well inside a face (pole of inaccessibility, in a plane scaled for latitude).
function interiorPoint(rings) {
  const k = Math.cos((22.1 * Math.PI) / 180);
  const scaled = rings.map((r) => r.map(([x, y]) => [x * k, y]));
  const [x, y] = polylabel(scaled, 1e-5);
  return [x / k, y];
}

// true for points in the ocean (GSHHG level 0), false for land, lakes, islands in lakes.
function classifyOcean(points) {
  const input = points.map(([x, y], i) => `${x}\t${y}\t${i}`).join('\n');
  const kept = gmt(['select', GMT_REGION, '-Dfull', '-Nk/s/s/s/s'], `${input}\n`);
  const oceanIds = new Set(
    kept
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('>'))
      .map((l) => Number(l.trim().split(/\s+/)[2])),
  );
  return points.map((_, i) => oceanIds.has(i));
}

/** Whether points are in the GSHHG ocean (for the build's sanity checks). */
export const inOcean = classifyOcean;
