// Save-time checks: what cannot be computed is refused when it is saved, naming the feature.
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/contract/messages/render';
import { IMPORT_EXTENT } from '../../src/domain/formats/import/import-extent';
import {
  checkFeatures,
  type FeatureLimits,
  parseRegion,
} from '../../src/domain/geo/check-features';
import { readEnv } from '../../src/server/config';

const limits: FeatureLimits = {
  region: { west: 108.13, south: 21.54, east: 109.92, north: 22.73 },
  maxVertices: 1000,
  maxDepth: 8,
};
const line = (coordinates: number[][], properties: Record<string, unknown> = {}): Feature => ({
  type: 'Feature',
  geometry: { type: 'LineString', coordinates },
  properties: { reach: 'QJ-1', role: 'toe-left', ...properties },
});

describe('checkFeatures', () => {
  it('passes a plan inside the region', () => {
    expect(
      checkFeatures(
        [
          line([
            [108.6, 21.95],
            [108.61, 21.96],
          ]),
        ],
        limits,
      ),
    ).toEqual([]);
  });

  it('refuses a position outside the region (lon −30, lat 89.99), naming the feature', () => {
    const reasons = checkFeatures(
      [line([[108.6, 21.95]]), line([[-30, 21.95]]), line([[108.6, 89.99]])],
      limits,
    );
    expect(reasons.map((r) => [r.code, r.params?.feature, r.params?.lon])).toEqual([
      ['geo.outsideRegion', 2, -30],
      ['geo.outsideRegion', 3, 108.6],
    ]);
    expect(renderMessage(reasons[0] as never, 'zh')).toBe(
      '要素 2（河段 QJ-1）：坐标 -30°E 21.95°N 超出本系统的适用范围（108.13–109.92°E，21.54–22.73°N），请检查坐标系与带号',
    );
  });

  it('refuses more vertices than the limit, and counts 250,000 without a stack overflow', () => {
    const many = Array.from({ length: 250_000 }, (_, i) => [108.6 + i * 1e-7, 21.95]);
    const reasons = checkFeatures([line(many), line(many)], limits);
    expect(reasons.map((r) => [r.code, r.params?.count])).toEqual([
      ['geo.tooManyVertices', 250_000],
      ['geo.tooManyVertices', 250_000],
    ]);
  });

  it('refuses properties nested deeper than the limit (1,000 levels without recursion)', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 1000; i++) deep = { deep };
    const reasons = checkFeatures([line([[108.6, 21.95]], { note: deep })], limits);
    expect(reasons[0]?.code).toBe('geo.tooDeep');
    expect(checkFeatures([line([[108.6, 21.95]], { a: { b: [1, 2] } })], limits)).toEqual([]);
  });

  it('does not change its input', () => {
    const fs = [line([[-30, 0]])];
    const before = JSON.stringify(fs);
    checkFeatures(fs, limits);
    expect(JSON.stringify(fs)).toBe(before);
  });
});

describe('HEJIE_REGION: one setting, refused at start outside zones 36–37', () => {
  it('reads west,south,east,north; the default is the import extent', () => {
    expect(parseRegion('106.5, 20.5, 112.5, 26')).toEqual({
      ok: true,
      region: { west: 106.5, south: 20.5, east: 112.5, north: 26 },
    });
    expect(readEnv({}).region).toEqual(IMPORT_EXTENT);
    expect(readEnv({ HEJIE_REGION: '107,21,110,24' }).region).toEqual({
      west: 107,
      south: 21,
      east: 110,
      north: 24,
    });
  });

  it('refuses a region outside 106.5–112.5°E, or not four numbers, with a clear message', () => {
    expect(() => readEnv({ HEJIE_REGION: '-30,21,110,24' })).toThrow(
      /HEJIE_REGION "-30,21,110,24" reaches outside the supported area .*106\.5–112\.5°E/,
    );
    expect(() => readEnv({ HEJIE_REGION: '108,21,110,89.99' })).toThrow(/outside the supported/);
    for (const bad of ['108,21,110', '110,21,108,24', 'a,b,c,d', ''])
      expect(parseRegion(bad)).toMatchObject({ ok: false, reason: { code: 'geo.region.syntax' } });
  });
});
