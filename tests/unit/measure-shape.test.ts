// 测量: lengths and areas on the GK plane of the zone (as the zone engine measures), against PROJ's
// cs2cs projection and the planar formulas computed here independently; and how they read.
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/contract/messages/render';
import type { CrsCode } from '../../src/domain/crs/crs';
import { readPoint } from '../../src/domain/geo/grid-position';
import {
  formatArea,
  formatDistance,
  measureArea,
  measureDistance,
} from '../../src/domain/geo/measure-shape';
import { cs2csXY } from '../helpers/coordinate-tables';

/** cs2cs lon/lat → [E, N] metres (the independent reference). */
const cs2cs = (code: CrsCode, pts: readonly [number, number][]): [number, number][] =>
  cs2csXY(code, [...pts]).map(([n, e]) => [e as number, n as number]);

const PATH: [number, number][] = [
  [108.6, 21.95],
  [108.61, 21.955],
  [108.615, 21.97],
];
const TRIANGLE: [number, number][] = [
  [108.6, 21.95],
  [108.61, 21.95],
  [108.605, 21.96],
];

describe('measureDistance and measureArea', () => {
  it('give the length of a 2-segment path as cs2cs coordinates do, to the millimetre', () => {
    const xy = cs2cs('EPSG:4545', PATH);
    let ref = 0;
    for (let i = 1; i < xy.length; i++) {
      const [a, b] = [xy[i - 1] as [number, number], xy[i] as [number, number]];
      ref += Math.hypot(b[0] - a[0], b[1] - a[1]);
    }
    expect(Math.abs((measureDistance(PATH) ?? 0) - ref)).toBeLessThan(0.001);
  });

  it('give the area of a triangle as cs2cs coordinates do, to 0.01 m², open or closed', () => {
    const [[ax, ay], [bx, by], [cx, cy]] = cs2cs('EPSG:4545', TRIANGLE) as [
      [number, number],
      [number, number],
      [number, number],
    ];
    const ref = Math.abs((bx - ax) * (cy - ay) - (cx - ax) * (by - ay)) / 2;
    expect(Math.abs((measureArea(TRIANGLE) ?? 0) - ref)).toBeLessThan(0.01);
    const closed = [...TRIANGLE, TRIANGLE[0] as [number, number]];
    expect(Math.abs((measureArea(closed) ?? 0) - ref)).toBeLessThan(0.01);
    // the same triangle the other way round has the same (positive) area
    expect(measureArea(TRIANGLE.toReversed())).toBeCloseTo(measureArea(TRIANGLE) ?? 0, 6);
  });

  it('measure east of 109.5°E in zone 37, and nothing outside zones 36–37', () => {
    const east: [number, number][] = [
      [110, 21.6],
      [110.01, 21.6],
      [110.005, 21.61],
    ];
    const [[ax, ay], [bx, by], [cx, cy]] = cs2cs('EPSG:4546', east) as [
      [number, number],
      [number, number],
      [number, number],
    ];
    const ref = Math.abs((bx - ax) * (cy - ay) - (cx - ax) * (by - ay)) / 2;
    expect(Math.abs((measureArea(east) ?? 0) - ref)).toBeLessThan(0.01);
    expect(
      measureArea([
        [116.4, 39.9],
        [116.5, 39.9],
        [116.45, 40],
      ]),
    ).toBeNull();
    expect(
      measureDistance([
        [116.4, 39.9],
        [116.5, 39.9],
      ]),
    ).toBeNull();
    expect(measureArea(PATH.slice(0, 2))).toBe(0);
  });

  it('read as a planner reads them: m or km, m² or km² with 亩', () => {
    const zh = (m: Parameters<typeof renderMessage>[0]) => renderMessage(m, 'zh');
    expect(zh(formatDistance(999.994))).toBe('999.99 m');
    expect(zh(formatDistance(1234.5))).toBe('1.235 km');
    expect(zh(formatArea(14000))).toBe('14000.0 m²（21.00 亩）');
    expect(zh(formatArea(2_500_000))).toBe('2.5000 km²（3750.00 亩）');
    expect(renderMessage(formatArea(14000), 'en')).toBe('14000.0 m² (21.00 mu)');
  });

  it('do not change their input', () => {
    const copy = structuredClone(TRIANGLE);
    measureArea(TRIANGLE);
    measureDistance(TRIANGLE);
    expect(TRIANGLE).toEqual(copy);
  });
});

describe('readPoint', () => {
  it('gives B/L in degrees and 度分秒, and X (north) / Y (east) of the zone as cs2cs', () => {
    const r = readPoint([108.6, 21.95]);
    expect([r.b, r.l, r.bDms, r.lDms]).toEqual([
      '21.950000',
      '108.600000',
      `21°57'00.00"`,
      `108°36'00.00"`,
    ]);
    const [[e, n]] = cs2cs('EPSG:4545', [[108.6, 21.95]]) as [[number, number]];
    expect(r.grid?.code).toBe('EPSG:4545');
    expect(r.grid?.zone).toBe(36);
    expect(Math.abs((r.grid?.x ?? 0) - n)).toBeLessThan(0.001);
    expect(Math.abs((r.grid?.y ?? 0) - e)).toBeLessThan(0.001);
    expect(readPoint([110, 21.6]).grid?.code).toBe('EPSG:4546');
    // a plan's zone is kept across the zone line
    expect(readPoint([109.6, 21.6], 'EPSG:4545').grid?.code).toBe('EPSG:4545');
    expect(readPoint([116.4, 39.9]).grid).toBeNull();
  });
});
