// The notice (公告) and the public markers as pure functions: what they read from a publication,
// how they round, what they leave out, and that they never change their inputs.
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { redactMarkers } from '../../src/domain/markers/redact-markers';
import { msg } from '../../src/domain/message';
import {
  buildNotice,
  LAND_STATEMENT,
  withoutCoordinates,
} from '../../src/domain/notice/build-notice';
import { DEFAULT_RULES } from '../../src/domain/zones/rules';

const line = (reach: string, bank: string, lengthM: number, lat: number): Feature => ({
  type: 'Feature',
  geometry: {
    type: 'LineString',
    coordinates: [
      [108.600004, lat],
      [108.605, lat],
      [108.6100049, lat],
    ],
  },
  properties: { reach, bank, kind: 'management-line', lengthM, legalBasis: undefined },
});
const zone = (legalBasis: string): Feature => ({
  type: 'Feature',
  geometry: { type: 'MultiPolygon', coordinates: [] },
  properties: { reach: 'B', kind: 'management', legalBasis },
});
const marker = (markerType: string, extra: Record<string, unknown> = {}): Feature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [108.6000049, 21.9500051] },
  properties: {
    id: 'QJ01-GL-L-001',
    markerType,
    kind: 'end',
    line: 'management',
    bank: 'left',
    x: 2428123.45,
    y: 562345.67,
    chainageM: 0,
    ...extra,
  },
});
const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

const input = () => ({
  planId: 'city-01',
  river: '钦江',
  plan: '钦江',
  version: 3,
  publishedAt: '2020-12-31T17:30:00.000Z',
  zones: fc([
    line('B', 'right', 1000.004, 21.95),
    line('A', 'left', 500.125, 21.96),
    line('B', 'left', 1010, 21.951),
    zone('钦州市河道管理规定'),
    {
      ...line('A', 'left', 999, 21.9),
      properties: { reach: 'A', bank: 'left', kind: 'protection-line', lengthM: 999 },
    },
  ]),
  markers: fc([marker('boundary'), marker('boundary'), marker('notice-board')]),
  rules: DEFAULT_RULES,
  authority: null,
  supervisionPhone: null,
  geo: { counties: [], places: [] },
});

describe('buildNotice', () => {
  it('lists each reach with its name and management lines per bank, rounded, in plan and bank order', () => {
    const notice = buildNotice(input());
    const ends = (lengthM: number) => ({
      from: { county: null, near: null, chainageM: 0 },
      to: { county: null, near: null, chainageM: Math.round(lengthM) },
    });
    // in the plan's order (as first drawn), numbered as reachLabel numbers them
    expect(notice.reaches.map((r) => r.reach)).toEqual(['B', 'A']);
    expect(notice.reaches[1]?.label).toEqual(
      msg('register.reach.unnamed', { river: '钦江', n: 2 }),
    );
    expect(notice.reaches[1]?.banks).toEqual([
      {
        bank: 'left',
        start: [108.6, 21.96],
        end: [108.61, 21.96],
        lengthM: 500.13,
        ...ends(500.13),
      },
    ]);
    expect(notice.reaches[0]?.banks).toEqual([
      { bank: 'left', start: [108.6, 21.951], end: [108.61, 21.951], lengthM: 1010, ...ends(1010) },
      { bank: 'right', start: [108.6, 21.95], end: [108.61, 21.95], lengthM: 1000, ...ends(1000) },
    ]);
    // without public coordinates the ends are described by place only
    const plain = withoutCoordinates(notice);
    expect(plain.reaches.flatMap((r) => r.banks).some((b) => 'start' in b || 'end' in b)).toBe(
      false,
    );
    expect(notice.delineatedLengthM).toBe(2510.13);
  });

  it('takes standard and legal basis from the frozen table, counts markers and notice boards', () => {
    const notice = buildNotice(input());
    expect(notice.standard).toEqual({ id: 'GB50286-2013', version: '2019-06-20' });
    expect(notice.legalBasis).toEqual([DEFAULT_RULES.legalBasis, '钦州市河道管理规定']);
    expect(notice.markerCounts).toEqual({ boundary: 2, noticeBoard: 1, total: 3 });
    expect(notice.landStatement).toBe(LAND_STATEMENT);
  });

  it('dates the notice in China (UTC+8) and never invents an authority or a phone', () => {
    const notice = buildNotice(input());
    expect(notice.date).toBe('2021-01-01');
    expect([notice.authority, notice.supervisionPhone]).toEqual([null, null]);
    const set = buildNotice({
      ...input(),
      authority: '钦州市人民政府',
      supervisionPhone: '0777-1',
    });
    expect([set.authority, set.supervisionPhone]).toEqual(['钦州市人民政府', '0777-1']);
  });

  it('does not change its input', () => {
    const given = input();
    const before = structuredClone(given);
    buildNotice(given);
    expect(given).toEqual(before);
  });
});

describe('redactMarkers', () => {
  it('keeps six properties and a 1e-5° position; drops survey data and non-points', () => {
    const markers = fc([marker('boundary', { moved: true }), zone('x')]);
    const before = structuredClone(markers);
    expect(redactMarkers(markers, 'city-01')).toEqual([
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [108.6, 21.95001] },
        properties: {
          id: 'QJ01-GL-L-001',
          kind: 'end',
          line: 'management',
          bank: 'left',
          plan: 'city-01',
          markerType: 'boundary',
        },
      },
    ]);
    expect(markers).toEqual(before);
  });
});
