// A synthetic reach with an approved boundary, for the adopted-boundary tests: two straight toe
// lines 100 m apart flowing north for 1,000 m near 108.6°E 21.95°N (a made-up place, flagged
// `synthetic: true`), class 4 级以下 at 8 m, and an approved polygon equal to the standard's range
// except that it falls `shortM` metres short along `alongM` metres of the left bank's outer edge.
import type { Feature, Polygon, Position } from 'geojson';
import { projector } from '../../src/domain/crs/crs';

const GK = projector('EPSG:4545');
const ORIGIN = GK.forward([108.6, 21.95]).map(Math.round) as [number, number];

/** GK metres relative to the origin → lon/lat. */
const lonLat = (p: readonly [number, number]): Position =>
  GK.inverse([ORIGIN[0] + p[0], ORIGIN[1] + p[1]]);

/** The reach in GK metres (relative to the origin), as the GEOS reference takes it. */
export const SYNTHETIC_REACH = {
  origin: ORIGIN,
  left: [
    [0, 0],
    [0, 1000],
  ] as [number, number][],
  right: [
    [100, 0],
    [100, 1000],
  ] as [number, number][],
  widthM: 8,
};

/** The approved polygon's outer ring in GK metres (relative to the origin). */
export function approvedRing(shortM: number, alongM: number): [number, number][] {
  const w = SYNTHETIC_REACH.widthM;
  const y0 = 500 - alongM / 2;
  const y1 = 500 + alongM / 2;
  return [
    [-w, 0],
    [100 + w, 0],
    [100 + w, 1000],
    [-w, 1000],
    [-w, y1],
    [-w + shortM, y1],
    [-w + shortM, y0],
    [-w, y0],
    [-w, 0],
  ];
}

/** The reach's two toe lines, lon/lat. */
export function syntheticToes(): Feature[] {
  const { left, right, widthM } = SYNTHETIC_REACH;
  return (
    [
      ['toe-left', left],
      ['toe-right', right],
    ] as const
  ).map(([role, line], i) => ({
    type: 'Feature',
    id: `toe-${i + 1}`,
    properties: { reach: 'SYN-A', role, embankmentClass: 5, widthM, synthetic: true },
    geometry: { type: 'LineString', coordinates: line.map(lonLat) },
  }));
}

/** The approved polygon as a plan feature (synthetic 文号), lon/lat. */
export function syntheticApproved(
  shortM: number,
  alongM: number,
  extra: Record<string, unknown> = {},
): Feature<Polygon> {
  return {
    type: 'Feature',
    id: 'approved-1',
    properties: {
      reach: 'SYN-A',
      role: 'approved-boundary',
      category: 'urban-blueline',
      approvalRef: '测试〔2099〕0号（合成数据）',
      approvedOn: '2020-01-02',
      synthetic: true,
      ...extra,
    },
    geometry: { type: 'Polygon', coordinates: [approvedRing(shortM, alongM).map(lonLat)] },
  };
}

/** A point of the synthetic reach, GK metres relative to its origin → lon/lat. */
export function syntheticAt(x: number, y: number): [number, number] {
  return lonLat([x, y]) as [number, number];
}
