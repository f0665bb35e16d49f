// nearestMarker against independent references: PROJ's cs2cs projects the position and every marker
// into the zone (grid distance, bearing, which marker is nearest), PROJ's geod gives the geodesic
// distance and azimuth (the grid distance differs from it by the zone's scale factor only).
import { execFileSync } from 'node:child_process';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/contract/messages/render';
import type { CrsCode } from '../../src/domain/crs/crs';
import { projector } from '../../src/domain/crs/crs';
import { compassPoint, nearestMarker } from '../../src/domain/markers/nearest-marker';
import { placeMarkers } from '../../src/domain/markers/place-markers';
import { cs2csXY } from '../helpers/coordinate-tables';
import { readJson } from '../helpers/markers';
import { englishLines } from '../helpers/messages';
import { mulberry32 } from '../helpers/random';

/** Zones of a golden fixture and the markers placed on its lines: what the chief's draft holds. */
function draftOf(name: string): FeatureCollection {
  const zones = readJson(`tests/fixtures/zones/out/${name}.geojson`);
  const placed = placeMarkers(zones, { codeFor: () => 'QJ01' });
  if (!placed.ok) throw new Error(englishLines(placed.errors));
  return { type: 'FeatureCollection', features: [...zones.features, ...placed.markers.features] };
}

const boundary = (fc: FeatureCollection) =>
  fc.features.filter((f) => f.properties?.markerType === 'boundary') as Array<
    Feature & { geometry: { type: 'Point'; coordinates: number[] }; properties: { id: string } }
  >;

/** geod's inverse problem on GRS80: [azimuth 1→2 in degrees, distance in metres] per pair. */
function geodInverse(pairs: Array<[number[], number[]]>): Array<[number, number]> {
  const input = pairs.map(([a, b]) => `${a[1]} ${a[0]} ${b[1]} ${b[0]}`).join('\n');
  const out = execFileSync('geod', ['+ellps=GRS80', '-I', '-f', '%.9f'], { input: `${input}\n` });
  return out
    .toString()
    .trim()
    .split('\n')
    .map((l) => {
      const [az, , d] = l.trim().split(/\s+/).map(Number);
      return [((az as number) + 360) % 360, d as number];
    });
}

/** The reference: positions and markers projected by one cs2cs call, the nearest by plain search. */
function reference(code: CrsCode, positions: number[][], markers: ReturnType<typeof boundary>) {
  const xy = cs2csXY(code, [...positions, ...markers.map((m) => m.geometry.coordinates)]);
  const grid = xy.slice(positions.length) as number[][];
  return (xy.slice(0, positions.length) as number[][]).map(([n0, e0]) => {
    let best = { i: -1, d: Infinity, bearing: 0 };
    grid.forEach(([n, e], i) => {
      const dn = (n as number) - (n0 as number);
      const de = (e as number) - (e0 as number);
      const d = Math.hypot(dn, de);
      if (d < best.d) best = { i, d, bearing: ((Math.atan2(de, dn) * 180) / Math.PI + 360) % 360 };
    });
    return {
      marker: markers[best.i] as (typeof markers)[number],
      d: best.d,
      bearing: best.bearing,
    };
  });
}

/** The smallest angle between two bearings, degrees. */
const angleBetween = (a: number, b: number) => Math.abs(((a - b + 540) % 360) - 180);

describe('nearestMarker against cs2cs and geod', () => {
  it.each([
    ['straight', 'EPSG:4545'],
    ['crosses-109.5E', 'EPSG:4546'],
  ] as const)(
    '%s: 150 seeded positions within 600 m: same marker, distance to 1 mm, direction',
    (name, code) => {
      const draft = draftOf(name);
      const markers = boundary(draft);
      expect(markers.length).toBeGreaterThan(10);
      const random = mulberry32(name.length * 7919);
      const proj = projector(code);
      const positions = Array.from({ length: 150 }, () => {
        const m = markers[Math.floor(random() * markers.length)] as (typeof markers)[number];
        const [e, n] = proj.forward(m.geometry.coordinates);
        return proj.inverse([e + (random() - 0.5) * 1200, n + (random() - 0.5) * 1200]);
      });
      const geod: Array<[number[], number[]]> = [];
      let worst = 0;
      let edges = 0;
      const refs = reference(code, positions, markers);
      positions.forEach((position, i) => {
        const r = nearestMarker(position, draft.features);
        if (!r.ok) throw new Error(renderMessage(r.reason, 'en'));
        const ref = refs[i] as (typeof refs)[number];
        expect(r.nearest.crs).toBe(code);
        expect(r.nearest.id).toBe(ref.marker.properties.id);
        worst = Math.max(worst, Math.abs(r.nearest.distanceM - ref.d));
        expect(r.nearest.distanceM.toFixed(1)).toBe(ref.d.toFixed(1));
        // the compass point of the reference bearing, unless within 0.01° of a sector edge
        if (angleBetween(ref.bearing % 45, 22.5) > 0.01) {
          expect(r.nearest.direction).toBe(compassPoint(ref.bearing));
        } else edges++;
        // cs2cs prints to 1 µm: the bearing agrees to a few µm over the distance
        expect(angleBetween(r.nearest.bearingDeg, ref.bearing)).toBeLessThan(1e-3);
        geod.push([position, ref.marker.geometry.coordinates]);
      });
      // the grid is not the ellipsoid: distances differ by the scale factor (< 1.0003 in 106.5–112.5°E)
      // and bearings by the meridian convergence (< 1.2° at 22°N, 3° from the central meridian)
      const geodesic = geodInverse(geod);
      positions.forEach((position, i) => {
        const r = nearestMarker(position, draft.features);
        if (!r.ok) throw new Error(renderMessage(r.reason, 'en'));
        const [az, d] = geodesic[i] as [number, number];
        expect(Math.abs(r.nearest.distanceM - d)).toBeLessThanOrEqual(d * 3e-4 + 1e-3);
        if (d > 1) expect(angleBetween(r.nearest.bearingDeg, az)).toBeLessThan(1.2);
      });
      console.info(
        `${name}: worst |grid − cs2cs| ${(worst * 1000).toFixed(4)} mm, ${edges} at a sector edge`,
      );
      expect(worst).toBeLessThan(1e-3);
    },
  );

  it('10 m north-east of a marker: 10.0 m, NE; and on the marker: 0 m', () => {
    const draft = draftOf('straight');
    const m = boundary(draft)[5] as ReturnType<typeof boundary>[number];
    const proj = projector('EPSG:4545');
    const [e, n] = proj.forward(m.geometry.coordinates);
    // standing 10 m south-west of the marker: it lies north-east of me
    const here = proj.inverse([e - 10 / Math.SQRT2, n - 10 / Math.SQRT2]);
    const r = nearestMarker(here, draft.features);
    expect(r.ok && r.nearest).toMatchObject({ id: m.properties.id, direction: 'NE' });
    expect(r.ok && r.nearest.distanceM).toBeCloseTo(10, 6);
    expect(r.ok && r.nearest.bearingDeg).toBeCloseTo(45, 6);
    const [[, d]] = geodInverse([[here, m.geometry.coordinates]]) as [[number, number]];
    expect(d.toFixed(1)).toBe('10.0');
    const on = nearestMarker(m.geometry.coordinates, draft.features);
    expect(on.ok && on.nearest).toMatchObject({
      id: m.properties.id,
      distanceM: 0,
      direction: 'N',
    });
  });
});

describe('nearestMarker: the reasons, the input left alone', () => {
  const draft = draftOf('straight');

  it('says why there is no answer', () => {
    const zonesOnly = draft.features.filter((f) => f.geometry.type !== 'Point');
    const none = nearestMarker([108.58, 21.96], zonesOnly);
    expect(!none.ok && renderMessage(none.reason, 'en')).toBe('the draft has no boundary markers');
    expect(nearestMarker([108.58, 21.96], [])).toMatchObject({ ok: false });
    const nan = nearestMarker([Number.NaN, 21.96], draft.features);
    expect(!nan.ok && renderMessage(nan.reason, 'en')).toBe(
      'the position has no valid longitude and latitude',
    );
    expect(nearestMarker([108.58], draft.features)).toMatchObject({ ok: false });
    expect(nearestMarker([108.58, 95], draft.features)).toMatchObject({ ok: false });
    const far = nearestMarker([116.4, 39.9], draft.features);
    expect(far.ok).toBe(false);
    expect(!far.ok && renderMessage(far.reason, 'en')).toContain('too far from the markers');
    expect(!far.ok && renderMessage(far.reason, 'zh')).toContain('太远');
  });

  it('reads boundary markers only (not notice boards) and does not mutate its input', () => {
    const before = structuredClone(draft);
    const boards = draft.features.filter((f) => f.properties?.markerType === 'notice-board');
    const board = boards[0];
    if (board?.geometry.type === 'Point') {
      const r = nearestMarker(board.geometry.coordinates, draft.features);
      expect(r.ok && r.nearest.id).not.toBe(board.properties?.id);
    }
    nearestMarker([108.5806, 21.965], draft.features);
    expect(draft).toEqual(before);
  });

  it('names the compass points', () => {
    expect(
      [0, 22.4, 22.6, 44, 90, 135, 180, 225, 270, 315, 337.6, 359.9, -45].map(compassPoint),
    ).toEqual(['N', 'N', 'NE', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW', 'N', 'N', 'NW']);
  });
});
