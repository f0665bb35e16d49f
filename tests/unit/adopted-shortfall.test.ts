// The adopted-boundary check (issue 16, 有相关成果河道) against an independent GEOS reference
// (tests/reference/shortfall_geos.py, Debian python3-shapely), on a synthetic reach.
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/contract/messages/render';
import { adoptionSentence, readApproval } from '../../src/domain/adopted/approval';
import { isZoneFeature, loadZoneEngine } from '../../src/domain/zones/compute-zones';

import {
  approvedRing,
  SYNTHETIC_REACH,
  syntheticApproved,
  syntheticToes,
} from '../helpers/synthetic-approved';

const engine = await loadZoneEngine();
const plan = (...extra: FeatureCollection['features']): FeatureCollection => ({
  type: 'FeatureCollection',
  features: [...syntheticToes(), ...extra],
});

interface Reference {
  managementArea: number;
  parts: { area: number; maxDistance: number }[];
}

/** The same difference computed by shapely from the GK metres, never from the engine's output. */
function reference(shortM: number, alongM: number): Promise<Reference> {
  const { origin, left, right, widthM } = SYNTHETIC_REACH;
  const abs = (ps: [number, number][]) => ps.map(([x, y]) => [origin[0] + x, origin[1] + y]);
  return new Promise((resolve, reject) => {
    import('node:child_process').then(({ spawnSync }) => {
      const r = spawnSync(
        '/usr/bin/python3',
        [new URL('../reference/shortfall_geos.py', import.meta.url).pathname],
        {
          input: JSON.stringify({
            left: abs(left),
            right: abs(right),
            widthM,
            quadSegs: 16,
            approved: abs(approvedRing(shortM, alongM)),
          }),
        },
      );
      if (r.status !== 0) reject(new Error(String(r.stderr)));
      else resolve(JSON.parse(String(r.stdout)) as Reference);
    }, reject);
  });
}

describe('approved boundary shortfall', () => {
  it('3 m short along 200 m of one bank: one part of 600 m², 3 m, as GEOS (shapely) finds', async () => {
    const ref = await reference(3, 200);
    const out = engine.checkApproved(plan(syntheticApproved(3, 200)));
    if (!out.ok) throw new Error(out.errors.map((e) => renderMessage(e, 'en')).join('\n'));
    const [check] = out.checks;
    expect(out.checks).toHaveLength(1);
    expect(check?.parts).toHaveLength(1);
    expect(ref.parts).toHaveLength(1);
    const part = check?.parts[0]?.properties;
    const want = ref.parts[0] as Reference['parts'][number];
    expect(Math.abs((part?.areaM2 ?? 0) - want.area)).toBeLessThan(
      Math.max(1e-3 * want.area, 0.01),
    );
    expect(Math.abs((check?.maxShortfallM ?? 0) - want.maxDistance)).toBeLessThan(0.001);
    expect(Math.abs((check?.rangeAreaM2 ?? 0) - ref.managementArea)).toBeLessThan(
      1e-3 * ref.managementArea,
    );
    // and the numbers the issue states
    expect(part?.areaM2).toBeCloseTo(600, 1);
    expect(check?.maxShortfallM).toBeCloseTo(3, 3);
    // the map layer's part lies on the left bank's side, between 400 and 600 m downstream
    expect(check?.parts[0]?.geometry.type).toBe('Polygon');
    expect(check?.approval?.category).toBe('urban-blueline');
  }, 30_000);

  it('a boundary that meets the standard (to the noise tolerance) reports no shortfall', async () => {
    const ref = await reference(0.01, 200);
    expect(ref.parts).toHaveLength(0);
    const out = engine.checkApproved(plan(syntheticApproved(0.01, 200)));
    if (!out.ok) throw new Error('not computed');
    expect(out.checks[0]?.parts).toEqual([]);
    expect(out.checks[0]?.maxShortfallM).toBe(0);
    expect(out.checks[0]?.ignored).toBeGreaterThan(0);
  }, 30_000);

  it('a deeper, longer shortfall scales as GEOS says', async () => {
    const ref = await reference(7.5, 333);
    const out = engine.checkApproved(plan(syntheticApproved(7.5, 333)));
    if (!out.ok) throw new Error('not computed');
    const part = out.checks[0]?.parts[0]?.properties;
    expect(Math.abs((part?.areaM2 ?? 0) - (ref.parts[0]?.area ?? 0))).toBeLessThan(0.01);
    expect(Math.abs((part?.maxShortfallM ?? 0) - (ref.parts[0]?.maxDistance ?? 0))).toBeLessThan(
      0.001,
    );
  }, 30_000);

  it('does not change its input', () => {
    const input = plan(syntheticApproved(3, 200));
    const before = JSON.stringify(input);
    engine.checkApproved(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('an adopted boundary in the zone engine', () => {
  it('becomes the management range, with its approval on the zone', () => {
    const approved = syntheticApproved(3, 200, { adopted: true });
    const out = engine.computeZones(plan(approved));
    if (!out.ok) throw new Error(out.errors.map((e) => renderMessage(e, 'en')).join('\n'));
    const management = out.zones.features
      .filter(isZoneFeature)
      .find((f) => f.properties.kind === 'management');
    const standard = engine.computeZones(plan());
    if (!standard.ok) throw new Error('not computed');
    const std = standard.zones.features
      .filter(isZoneFeature)
      .find((f) => f.properties.kind === 'management');
    expect(management?.properties.adoptedCategory).toBe('urban-blueline');
    expect(management?.properties.approvalRef).toBe('测试〔2099〕0号（合成数据）');
    expect((std?.properties.areaM2 ?? 0) - (management?.properties.areaM2 ?? 0)).toBeCloseTo(
      600,
      1,
    );
    const lines = out.zones.features.filter((f) => f.properties.kind === 'management-line');
    expect(lines).toHaveLength(2);
  });

  it('an approved boundary not adopted changes nothing', () => {
    const a = engine.computeZones(plan(syntheticApproved(3, 200)));
    const b = engine.computeZones(plan());
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('refuses two adopted boundaries in one reach', () => {
    const a = syntheticApproved(3, 200, { adopted: true });
    const out = engine.computeZones(plan(a, { ...a, id: 'approved-2' }));
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.errors[0]?.code).toBe('adopted.engine.twice');
  });
});

describe('the approval', () => {
  it('needs a category, a 文号 and a past date', () => {
    const bad = readApproval(
      { category: 'x', approvalRef: '  ', approvedOn: '2030-02-30' },
      '2026-01-01',
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.errors.map((e) => e.code)).toEqual([
        'adopted.approval.category',
        'adopted.approval.ref',
        'adopted.approval.date',
      ]);
    const future = readApproval(
      { category: 'wetland-park', approvalRef: 'A', approvedOn: '2026-01-02' },
      '2026-01-01',
    );
    expect(!future.ok && future.errors[0]?.code).toBe('adopted.approval.future');
  });

  it('prints the factual sentence, in Chinese first', () => {
    const ok = readApproval(syntheticApproved(3, 200).properties, '2026-01-01');
    if (!ok.ok) throw new Error('invalid');
    expect(renderMessage(adoptionSentence(ok.approval), 'zh')).toBe(
      '采用已批复的城市蓝线（测试〔2099〕0号（合成数据），2020-01-02）作为管理范围',
    );
  });
});

describe('the editor keeps approved boundaries and works', () => {
  it('as their roles, without width problems, and saves them unchanged', async () => {
    const { toEditFeatures, toSavedFeatures } = await import(
      '../../src/domain/editor/saved-features'
    );
    const { checkProperties } = await import('../../src/domain/editor/check-properties');
    const { resolveRules, DEFAULT_RULES } = await import('../../src/domain/zones/rules');
    const work = {
      type: 'Feature' as const,
      properties: { reach: 'SYN-A', role: 'work', workType: 'sluice', name: '测试闸（合成）' },
      geometry: {
        type: 'LineString' as const,
        coordinates: [
          [108.6, 21.95],
          [108.601, 21.95],
        ],
      },
    };
    const saved = [syntheticApproved(3, 200), work];
    const edit = toEditFeatures(saved).features;
    expect(edit.map((f) => f.properties.role)).toEqual(['approved-boundary', 'work']);
    const rules = resolveRules(DEFAULT_RULES, {});
    expect(edit.flatMap((f) => checkProperties(f, rules))).toEqual([]);
    expect(toSavedFeatures(edit).map((f) => f.properties)).toEqual(saved.map((f) => f.properties));
  });
});
