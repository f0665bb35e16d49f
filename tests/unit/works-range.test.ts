// Ranges of works inside the river (issue 16, 涉水工程): each construction against an independent
// GEOS reference (tests/reference/works_geos.py, Debian python3-shapely), on synthetic shapes; and
// the engine: a work whose type has no range is listed 尚未设置 and adds nothing.
import { spawnSync } from 'node:child_process';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/contract/messages/render';
import { projector } from '../../src/domain/crs/crs';
import { type WorkShape, workRange } from '../../src/domain/works/work-range';
import type { WorkRange, WorkType } from '../../src/domain/works/work-types';
import { isZoneFeature, loadZoneEngine } from '../../src/domain/zones/compute-zones';
import { loadGeos, Planar, quadrantSegmentsFor, type XY } from '../../src/domain/zones/planar';
import { DEFAULT_RULES } from '../../src/domain/zones/rules';
import { parseRuleTable } from '../../src/domain/zones/rules-schema';
import { SYNTHETIC_REACH, syntheticToes } from '../helpers/synthetic-approved';

const geos = await loadGeos();
const engine = await loadZoneEngine();

interface Case {
  name: string;
  shape: WorkShape;
  type: WorkType;
  rule: WorkRange;
  reference: Record<string, unknown>;
}

const CASES: Case[] = [
  {
    name: 'a straight sluice axis 30 m, 50 m upstream, 100 m downstream, 20 m beyond each end',
    shape: {
      type: 'LineString',
      xy: [
        [0, 0],
        [30, 0],
      ],
    },
    type: 'sluice',
    rule: { upstreamM: 50, downstreamM: 100, sidesM: 20 },
    reference: {
      kind: 'axis',
      xy: [
        [0, 0],
        [30, 0],
      ],
      up: 50,
      down: 100,
      sides: 20,
    },
  },
  {
    name: 'a bent dam axis (three vertices, oblique)',
    shape: {
      type: 'LineString',
      xy: [
        [10, 5],
        [60, 40],
        [130, 45],
      ],
    },
    type: 'dam',
    rule: { upstreamM: 80, downstreamM: 150, sidesM: 35 },
    reference: {
      kind: 'axis',
      xy: [
        [10, 5],
        [60, 40],
        [130, 45],
      ],
      up: 80,
      down: 150,
      sides: 35,
    },
  },
  {
    name: 'a hydrological station point, 25 m around',
    shape: { type: 'Point', xy: [3, 4] },
    type: 'hydrological-station',
    rule: { aroundM: 25 },
    reference: { kind: 'around', geom: 'Point', xy: [3, 4], around: 25 },
  },
  {
    name: 'a pumping station footprint, 15 m around',
    shape: {
      type: 'Polygon',
      xy: [
        [
          [0, 0],
          [20, 0],
          [20, 12],
          [0, 12],
          [0, 0],
        ],
      ],
    },
    type: 'pumping-station',
    rule: { aroundM: 15 },
    reference: {
      kind: 'around',
      geom: 'Polygon',
      xy: [
        [
          [0, 0],
          [20, 0],
          [20, 12],
          [0, 12],
          [0, 0],
        ],
      ],
      around: 15,
    },
  },
];

function shapely(cases: Record<string, unknown>[]) {
  const r = spawnSync(
    '/usr/bin/python3',
    [new URL('../reference/works_geos.py', import.meta.url).pathname],
    { input: JSON.stringify(cases) },
  );
  if (r.status !== 0) throw new Error(String(r.stderr));
  return JSON.parse(String(r.stdout)) as {
    area: number;
    gotArea: number;
    symDiff: number;
    hausdorff: number;
  }[];
}

describe('work range constructions', () => {
  it('match shapely: area to 1e-6, boundaries within 1 mm', () => {
    const pl = new Planar(geos);
    try {
      const requests = CASES.map((c) => {
        const out = workRange(pl, c.shape, c.type, c.rule, null);
        if (!out.ok) throw new Error(`${c.name}: not computed`);
        const rings = pl.multiPolygonCoordinates(out.range);
        const radius = Math.max(
          c.rule.upstreamM ?? 0,
          c.rule.downstreamM ?? 0,
          c.rule.aroundM ?? 0,
        );
        return {
          ...c.reference,
          q: quadrantSegmentsFor(radius, 0.005),
          got: { type: 'MultiPolygon', coordinates: rings },
        };
      });
      const results = shapely(requests);
      results.forEach((r, i) => {
        const name = CASES[i]?.name;
        expect(Math.abs(r.gotArea - r.area) / r.area, name).toBeLessThan(1e-6);
        expect(r.symDiff, name).toBeLessThan(1e-3);
        expect(r.hausdorff, name).toBeLessThan(0.001);
      });
      // the straight sluice is a rectangle: (30 + 2 × 20) × (50 + 100)
      expect(results[0]?.area).toBeCloseTo(70 * 150, 6);
    } finally {
      pl.dispose();
    }
  });

  it('downstream lies on the left of an axis drawn from the left bank to the right', () => {
    const pl = new Planar(geos);
    try {
      // flow is north (+y): the left bank is west, so the axis is drawn west → east
      const out = workRange(
        pl,
        {
          type: 'LineString',
          xy: [
            [0, 0],
            [30, 0],
          ],
        },
        'sluice',
        { upstreamM: 10, downstreamM: 90, sidesM: 5 },
        null,
      );
      if (!out.ok) throw new Error('not computed');
      const ys = pl
        .multiPolygonCoordinates(out.range)
        .flat(2)
        .map((p: XY) => p[1]);
      expect(Math.max.apply(null, ys)).toBeCloseTo(90, 6);
      expect(Math.min.apply(null, ys)).toBeCloseTo(-10, 6);
    } finally {
      pl.dispose();
    }
  });

  it('is 尚未设置 while a field it needs is unset; a reservoir needs the basis its polygon has', () => {
    const pl = new Planar(geos);
    try {
      const axis: WorkShape = {
        type: 'LineString',
        xy: [
          [0, 0],
          [30, 0],
        ],
      };
      expect(workRange(pl, axis, 'sluice', undefined, null)).toEqual({ ok: false, unset: true });
      expect(workRange(pl, axis, 'sluice', { upstreamM: 5, downstreamM: 5 }, null)).toEqual({
        ok: false,
        unset: true,
      });
      const poly: WorkShape = {
        type: 'Polygon',
        xy: [
          [
            [0, 0],
            [900, 0],
            [900, 700],
            [0, 0],
          ],
        ],
      };
      expect(workRange(pl, poly, 'reservoir', {}, 'land-acquisition')).toEqual({
        ok: false,
        unset: true,
      });
      const wrong = workRange(
        pl,
        poly,
        'reservoir',
        { basis: 'check-flood-level' },
        'land-acquisition',
      );
      expect(!wrong.ok && !wrong.unset && wrong.reason.code).toBe(
        'works.reservoir.checkFloodLevel',
      );
      const land = workRange(
        pl,
        poly,
        'reservoir',
        { basis: 'land-acquisition' },
        'land-acquisition',
      );
      expect(land.ok && pl.area(land.range)).toBeCloseTo((900 * 700) / 2, 6);
    } finally {
      pl.dispose();
    }
  });
});

/** A synthetic sluice across the synthetic reach, 500 m downstream of its start (GK → lon/lat). */
function sluice(): Feature {
  const gk = projector('EPSG:4545');
  const o = SYNTHETIC_REACH.origin;
  return {
    type: 'Feature',
    properties: {
      reach: 'SYN-A',
      role: 'work',
      workType: 'sluice',
      name: '测试闸（合成）',
      synthetic: true,
    },
    geometry: {
      type: 'LineString',
      coordinates: [
        [0, 500],
        [100, 500],
      ].map(([x, y]) => gk.inverse([o[0] + (x as number), o[1] + (y as number)])),
    },
  };
}

describe('works in the zone engine', () => {
  const input = () => ({
    type: 'FeatureCollection' as const,
    features: [...syntheticToes(), sluice()],
  });
  const managementArea = (out: ReturnType<typeof engine.computeZones>) =>
    out.ok
      ? out.zones.features.filter(isZoneFeature).find((f) => f.properties.kind === 'management')
          ?.properties.areaM2
      : null;

  it('lists a work of a type with no range as 尚未设置; it adds nothing', () => {
    const out = engine.computeZones(input());
    const plain = engine.computeZones({ type: 'FeatureCollection', features: syntheticToes() });
    if (!out.ok) throw new Error(out.errors.map((e) => renderMessage(e, 'en')).join('\n'));
    expect(out.works).toMatchObject([
      { name: '测试闸（合成）', type: 'sluice', status: 'unset', range: null },
    ]);
    expect(out.warnings.map((w) => renderMessage(w, 'zh'))).toContain(
      '水闸「测试闸（合成）」（第 3 个要素）：管理范围尚未设置，未计入管理范围',
    );
    expect(managementArea(out)).toBe(managementArea(plain));
  });

  it('unions a set range into the reach’s management range', () => {
    const parsed = parseRuleTable({
      id: 'test-works',
      version: '1',
      works: { sluice: { upstreamM: 50, downstreamM: 100, sidesM: 20 } },
    });
    if (!parsed.ok) throw new Error('table refused');
    const out = engine.computeZones(input(), parsed.rules);
    if (!out.ok) throw new Error(out.errors.map((e) => renderMessage(e, 'en')).join('\n'));
    expect(out.works[0]?.status).toBe('computed');
    expect(out.works[0]?.areaM2).toBeCloseTo(140 * 150, 1);
    // the range reaches 12 m beyond each 8 m management edge over 150 m: 2 × 12 × 150 more
    const plain = managementArea(
      engine.computeZones({ type: 'FeatureCollection', features: syntheticToes() }),
    );
    expect((managementArea(out) ?? 0) - (plain ?? 0)).toBeCloseTo(2 * 12 * 150, 1);
    expect(out.works[0]?.range?.type).toBe('MultiPolygon');
  });

  it('a reservoir plan of its own: a 征地线 polygon is its range when the table says so', () => {
    const gk = projector('EPSG:4545');
    const o = SYNTHETIC_REACH.origin;
    const ring = [
      [0, 0],
      [800, 0],
      [800, 600],
      [0, 600],
      [0, 0],
    ].map(([x, y]) => gk.inverse([o[0] + (x as number) + 5000, o[1] + (y as number)]));
    const reservoir: Feature = {
      type: 'Feature',
      properties: {
        role: 'work',
        workType: 'reservoir',
        name: '测试水库（合成）',
        rangeSource: 'land-acquisition',
        synthetic: true,
      },
      geometry: { type: 'Polygon', coordinates: [ring] },
    };
    const unset = engine.computeZones({ type: 'FeatureCollection', features: [reservoir] });
    expect(unset.ok && unset.works[0]?.status).toBe('unset');
    const table = parseRuleTable({
      id: 't',
      version: '1',
      works: { reservoir: { basis: 'land-acquisition' } },
    });
    if (!table.ok) throw new Error('refused');
    const set = engine.computeZones(
      { type: 'FeatureCollection', features: [reservoir] },
      table.rules,
    );
    if (!set.ok) throw new Error(set.errors.map((e) => renderMessage(e, 'en')).join('\n'));
    expect(set.works[0]?.areaM2).toBeCloseTo(800 * 600, 0);
  });

  it('the rule table refuses ranges outside 0 < m ≤ 1000 and unknown types', () => {
    const bad = parseRuleTable({
      id: 't',
      version: '1',
      works: { sluice: { upstreamM: 0, sidesM: 1200 }, canal: {} },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.errors.map((e) => e.field).sort()).toEqual([
        'works.canal',
        'works.sluice.sidesM',
        'works.sluice.upstreamM',
      ]);
    expect(DEFAULT_RULES.works).toBeUndefined();
  });
});
