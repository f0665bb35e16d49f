import { describe, expect, it } from 'vitest';
import { filterPlans, sortPlans } from '../../src/domain/plans/filter-plans';
import { matchesQuery, searchKeys } from '../../src/domain/text/search-keys';
import { toPinyin } from '../../src/server/pinyin';
import { bundledRegister } from '../helpers/register';

const { plans } = bundledRegister();
const names = (ps: { name: string }[]) => ps.map((p) => p.name);

describe('register search', () => {
  it('finds a river by name, alias, reservoir, chief and pinyin initials', () => {
    expect(names(filterPlans(plans, { q: '钦江' }))).toEqual(['钦江']);
    expect(names(filterPlans(plans, { q: '武思江' }))).toEqual(['武惠江']);
    expect(names(filterPlans(plans, { q: '灵东' }))).toEqual(['钦江']);
    expect(names(filterPlans(plans, { q: '屯六水库' }))).toEqual(['八尺江']);
    expect(names(filterPlans(plans, { q: '旺盛江水库' }))).toEqual(['旺盛江']);
    expect(names(filterPlans(plans, { q: '洪潮江水库' }))).toEqual(['洪潮江']);
    expect(names(filterPlans(plans, { q: '高朴' }))).toEqual(['钦江']);
    expect(names(filterPlans(plans, { q: 'GP' }))).toEqual(['钦江']);
    expect(names(filterPlans(plans, { q: 'qinjiang' }))).toEqual(['钦江']);
  });

  it('returns every plan of a river that has several', () => {
    expect(filterPlans(plans, { q: '武利江' }).map((p) => p.unit)).toEqual([
      '灵山县水利局',
      '浦北县水利局',
    ]);
    expect(filterPlans(plans, { q: '茅岭江' })).toHaveLength(2);
    expect(filterPlans(plans, { q: '大风江' })).toHaveLength(2);
    expect(filterPlans(plans, { q: '西干渠' })).toHaveLength(3);
  });

  it('needs every word of a multi-word query', () => {
    expect(names(filterPlans(plans, { q: '黄荡开 那蒙' }))).toEqual(['那蒙江']);
    expect(filterPlans(plans, { q: '钦江 浦北' })).toEqual([]);
  });

  it('ignores case and brackets', () => {
    const keys = searchKeys(['市青年水闸西干渠 (康干渠段)'], toPinyin);
    expect(matchesQuery(keys, '西干渠（康干渠段）')).toBe(true);
    expect(matchesQuery(keys, 'XGQ')).toBe(true);
  });
});

describe('register filters and sorting', () => {
  it('filters by level, county, unit, chief, stage, overdue and tier', () => {
    expect(filterPlans(plans, { level: '市级' })).toHaveLength(7);
    expect(filterPlans(plans, { county: '450721' })).toHaveLength(8);
    expect(filterPlans(plans, { unit: '浦北县水利局' })).toHaveLength(2);
    expect(names(filterPlans(plans, { chief: '李磊岩' }))).toEqual(['武惠江', '旺盛江']);
    expect(filterPlans(plans, { stage: 'not-started' })).toHaveLength(36);
    expect(filterPlans(plans, { stage: 'published' })).toHaveLength(0);
    // bundledRegister() looks at 2019-11-15: only the 2019-10 plans are overdue
    expect(filterPlans(plans, { overdue: true })).toHaveLength(6);
    expect(filterPlans(plans, { tier: '2020-12' })).toHaveLength(21);
    expect(filterPlans(plans, { county: '450703', overdue: false, q: '潘有南' })).toHaveLength(2);
  });

  it('sorts by a column with the register order as the tie-break, without mutating', () => {
    const before = plans.map((p) => p.id);
    const byDeadline = sortPlans(plans, 'deadline', 'asc');
    expect(byDeadline.slice(0, 6).map((p) => p.id)).toEqual([
      'city-01',
      'county-01',
      'county-09',
      'county-10',
      'county-13',
      'county-17',
    ]);
    expect(sortPlans(plans, 'basinAreaKm2', 'desc')[0]?.name).toBe('南流江');
    expect(sortPlans(plans, 'basinAreaKm2', 'asc')[0]?.name).toMatch(/^市青年水闸/);
    expect(sortPlans(plans, 'seq', 'desc')[0]?.id).toBe('county-29');
    expect(plans.map((p) => p.id)).toEqual(before);
  });
});
