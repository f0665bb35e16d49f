// The counties a publication's zones lie in (issue 19): a point-in-polygon test on the zones'
// outlines, densified to COUNTY_TOLERANCE_M, against the bundled county boundaries.
import { join } from 'node:path';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { COUNTY_TOLERANCE_M, zoneCounties } from '../../src/domain/notice/zone-counties';
import { publicGeoOf } from '../../src/server/public-geo';
import { ROOT } from '../helpers/register';

const { counties } = publicGeoOf(join(ROOT, 'geodata'));

/** A zone: a rectangle of lon/lat. */
const box = (w: number, s: number, e: number, n: number): Feature<Polygon> => ({
  type: 'Feature',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  },
  properties: { kind: 'management' },
});

const square = (adcode: string, name: string, w: number) => ({
  adcode,
  name,
  geometry: box(w, 0, w + 1, 1).geometry,
});

describe('zoneCounties', () => {
  it('finds the county a zone lies in from the bundled boundaries', () => {
    // around 灵山县's label point (109.10°E 22.32°N)
    expect(zoneCounties([box(109.1, 22.31, 109.11, 22.32)], counties)).toEqual([
      { adcode: '450721', name: '灵山县' },
    ]);
    // at sea, or no zones at all: none
    expect(zoneCounties([box(108.6, 21.5, 108.61, 21.51)], counties)).toEqual([]);
    expect(zoneCounties([], counties)).toEqual([]);
  });

  it('names every county a zone reaches into, in the register order, each once', () => {
    const areas = [square('450722', '浦北县', 1), square('450702', '钦南区', 0)];
    const zones = [box(0.9, 0.4, 1.1, 0.5), box(0.2, 0.2, 0.3, 0.3)];
    expect(zoneCounties(zones, areas).map((c) => c.name)).toEqual(['钦南区', '浦北县']);
  });

  it(`finds a zone that reaches ${COUNTY_TOLERANCE_M * 2} m into a county, with a long straight edge`, () => {
    const areas = [square('450702', '钦南区', 0), square('450703', '钦北区', 1)];
    const into = (2 * COUNTY_TOLERANCE_M) / 111_320;
    // one 50 km edge whose ends both lie in 钦南区: only the densified points enter 钦北区
    const zone: Feature<Polygon> = {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0.5, 0.2],
            [1 + into, 0.4],
            [0.5, 0.6],
            [0.5, 0.2],
          ],
        ],
      },
      properties: {},
    };
    expect(zoneCounties([zone], areas).map((c) => c.name)).toEqual(['钦南区', '钦北区']);
  });

  it('does not change its inputs', () => {
    const zones = [box(109.1, 22.31, 109.11, 22.32)];
    const before = structuredClone(zones);
    zoneCounties(zones, counties);
    expect(zones).toEqual(before);
  });
});
