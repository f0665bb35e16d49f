import { describe, expect, it } from 'vitest';
import { viewPlan } from '../../src/domain/plans/plan';
import { summarizePlans } from '../../src/domain/plans/summarize-plans';
import { bundledRegister } from '../helpers/register';

describe('summarizePlans', () => {
  it('counts the seed by county and by deadline tier', () => {
    const { plans } = bundledRegister(new Date('2026-11-28T10:00:00+08:00'));
    const s = summarizePlans(plans);
    expect(s.total).toBe(36);
    expect(s.overdue).toBe(36);
    expect(s.byCounty.map((c) => [c.county.name, c.total])).toEqual([
      ['市本级', 7],
      ['钦南区', 6],
      ['钦北区', 13],
      ['灵山县', 8],
      ['浦北县', 2],
    ]);
    expect(s.byTier.map((t) => [t.tier.key, t.total])).toEqual([
      ['2019-10', 6],
      ['2019-12', 9],
      ['2020-12', 21],
      ['2021-12', 0],
    ]);
  });

  it('does not count a published plan as overdue', () => {
    const { geodata } = bundledRegister();
    const now = new Date('2026-11-28T10:00:00+08:00');
    const views = geodata.plans.map((r, i) =>
      viewPlan(r, i === 0 ? 'published' : 'draft', '', now),
    );
    const s = summarizePlans(views);
    expect(s.published).toBe(1);
    expect(s.overdue).toBe(35);
    expect(s.byCounty[0]).toMatchObject({ total: 7, overdue: 6, published: 1 });
  });
});

describe('viewRivers', () => {
  const { rivers } = bundledRegister();
  const river = (id: string) => {
    const r = rivers.find((x) => x.id === id);
    if (!r) throw new Error(id);
    return r;
  };

  it('joins one river with all its plans and their counties', () => {
    expect(river('wulijiang').planIds).toEqual(['county-01', 'county-09']);
    expect(river('wulijiang').counties.map((c) => c.name)).toEqual(['灵山县', '浦北县']);
    expect(river('dafengjiang').basinAreas.map((b) => b.km2)).toEqual([1888.1, 1927]);
    expect(river('qingnian-west-canal').planIds).toEqual(['county-14', 'county-15', 'county-21']);
  });

  it('keeps the alias and the reservoirs of the city rivers', () => {
    expect(river('wuhuijiang').aliases).toEqual(['武思江']);
    expect(river('qinjiang').reservoirNames).toEqual(['灵东水库']);
    expect(river('lingdong-reservoir').planIds).toEqual(['city-01']);
    expect(river('hongchaojiang-reservoir').planIds).toEqual(['city-06']);
  });

  it('says 未上图 (no geometry) for a river the data does not have, and never invents one', () => {
    expect(river('qinjiang').geometry).toBeNull();
    expect(river('maolingjiang').geometry).toBeNull();
    const mapped = rivers.filter((r) => r.geometry).map((r) => r.id);
    expect(mapped.every((id) => ['nanliujiang', 'hongchaojiang-reservoir'].includes(id))).toBe(
      true,
    );
  });

  it('has unique marker codes', () => {
    const codes = rivers.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
