// Reach ends by place (issue 19): the county, the nearest named feature of the bundled map data
// with distance and direction, or the chainage; never coordinates.
import { join } from 'node:path';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/contract/messages/render';
import {
  chainageLabel,
  describeReachEnd,
  NEAR_M,
  reachEndMessage,
} from '../../src/domain/notice/reach-ends';
import { publicGeoOf } from '../../src/server/public-geo';
import { ROOT } from '../helpers/register';

const geo = publicGeoOf(join(ROOT, 'geodata'));
const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [108.6, 21.9],
      [108.61, 21.9],
      [108.61, 21.91],
      [108.6, 21.91],
      [108.6, 21.9],
    ],
  ],
};
const lake = { name: '示例水库', geometry: square };
const M_PER_DEG = 111_320;

describe('describeReachEnd', () => {
  it('names the nearest place with its distance and the direction the end lies in', () => {
    // ≈ 1.2 km north-east of the square's north-east corner
    const d = 1200 / Math.SQRT2 / M_PER_DEG;
    const end = describeReachEnd(
      [108.61 + d / Math.cos((21.91 * Math.PI) / 180), 21.91 + d],
      250,
      [],
      [lake],
    );
    expect(end.near?.name).toBe('示例水库');
    expect(end.near?.direction).toBe('NE');
    expect(end.near?.distanceM).toBeGreaterThan(1190);
    expect(end.near?.distanceM).toBeLessThan(1210);
    expect(end.chainageM).toBe(250);
    expect(renderMessage(reachEndMessage(end), 'zh')).toBe(
      '钦州市四县区以外，示例水库东北约 1.2 km',
    );
    expect(renderMessage(reachEndMessage(end), 'en')).toBe(
      'outside the four counties of Qinzhou, about 1.2 km north-east of 示例水库',
    );
  });

  it('an end in or at the place has no direction; beyond NEAR_M the chainage describes it', () => {
    expect(describeReachEnd([108.605, 21.905], 0, [], [lake]).near).toEqual({
      name: '示例水库',
      distanceM: 0,
      direction: null,
    });
    const far = describeReachEnd([108.61 + (NEAR_M + 500) / M_PER_DEG, 21.905], 3250, [], [lake]);
    expect(far.near).toBeNull();
    expect(renderMessage(reachEndMessage(far), 'zh')).toBe('钦州市四县区以外，里程 K3+250');
  });

  it('reads the bundled map data: the county of an end and 洪潮江水库 near it', () => {
    // 500 m north of a vertex of the reservoir's outline (109.07647°E 21.89311°N)
    const end = describeReachEnd([109.07647, 21.89311 + 0.5 / 111.32], 0, geo.counties, geo.places);
    expect(end.county).toBe('钦南区');
    expect(end.near?.name).toBe('洪潮江水库');
    expect(geo.places.map((p) => p.name).sort()).toEqual(['南流江', '洪潮江水库']);
    // 钦州 city (108.62°E 21.95°N): no named feature within 5 km, so the chainage
    const city = describeReachEnd([108.62, 21.95], 1000, geo.counties, geo.places);
    expect(city.near).toBeNull();
    expect(renderMessage(reachEndMessage(city), 'zh')).toMatch(/^钦(南|北)区，里程 K1\+000$/);
  });

  it('writes chainages as surveyors do', () => {
    expect(chainageLabel(0)).toBe('K0+000');
    expect(chainageLabel(3250.4)).toBe('K3+250');
    expect(chainageLabel(12_005)).toBe('K12+005');
  });
});
