// The dashboard's pure helpers (issue 14): chart scales and the series assembled from the months'
// counts (cumulative published against the deadline tiers, km, a funnel bar's plans).
import { describe, expect, it } from 'vitest';
import type { UnitFigures } from '../../src/contract/progress';
import { axisTicks, niceMax, scaleLinear } from '../../src/ui/progress/chart-scale';
import { en, zh } from '../../src/ui/progress/messages-progress';
import {
  deadlineTiers,
  kmSeries,
  lastMonths,
  type MonthFigures,
  overdueRanking,
  plansAtStage,
  publishedSeries,
  stateCounts,
} from '../../src/ui/progress/progress-series';
import { englishSentences } from '../helpers/english-sentences';

describe('chart scales', () => {
  it('end the axis on 1, 2, 2.5 or 5 × 10ⁿ', () => {
    expect([0, -3, Number.NaN, 0.3, 1, 7, 10, 11, 23, 37, 180, 5000].map(niceMax)).toEqual([
      1, 1, 1, 0.5, 1, 10, 10, 20, 25, 50, 200, 5000,
    ]);
  });
  it('tick from 0 to the top in round steps', () => {
    expect(axisTicks(37)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(axisTicks(8)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(axisTicks(0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(axisTicks(36, 4)).toEqual([0, 25, 50]);
    expect(axisTicks(0.3)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
  });
  it('map values linearly and clamp', () => {
    const x = scaleLinear(50, 200);
    expect([x(0), x(25), x(50), x(80), x(-1)]).toEqual([0, 100, 200, 200, 0]);
    expect(scaleLinear(0, 100)(5)).toBe(0);
  });
});

const zero = {
  'not-started': 0,
  'base-map': 0,
  draft: 0,
  consultation: 0,
  'field-check': 0,
  review: 0,
  deliverables: 0,
  published: 0,
};

function unit(u: string, month: string, more: Partial<UnitFigures>): UnitFigures {
  return {
    unit: u as UnitFigures['unit'],
    month,
    plans: 0,
    byStage: { ...zero },
    moves: [],
    km: { draft: 0, published: 0 },
    markers: { boundary: 0, noticeBoards: 0, installed: null },
    overdue: [],
    onTime: { due: 0, published: 0 },
    ...more,
  };
}

// a synthetic history: two plans of 灵山县 and one of 市本级 over three months
const series: { month: string; units: UnitFigures[] }[] = [
  {
    month: '2019-10',
    units: [
      unit('450700', '2019-10', {
        moves: [
          { planId: 'city-x', from: 'not-started', to: 'base-map', at: '2019-10-03T02:00:00Z' },
        ],
      }),
      unit('450721', '2019-10', { km: { draft: 1.25, published: 0 } }),
    ],
  },
  {
    month: '2019-11',
    units: [
      unit('450700', '2019-11', {
        moves: [{ planId: 'city-x', from: 'base-map', to: 'draft', at: '2019-11-03T02:00:00Z' }],
      }),
      unit('450721', '2019-11', {
        byStage: { ...zero, published: 1 },
        moves: [
          { planId: 'county-b', from: 'deliverables', to: 'published', at: '2019-11-20T02:00:00Z' },
          { planId: 'county-a', from: 'not-started', to: 'base-map', at: '2019-11-02T02:00:00Z' },
        ],
        km: { draft: 2, published: 12.3 },
      }),
    ],
  },
  {
    month: '2019-12',
    units: [
      unit('450700', '2019-12', {
        overdue: [{ planId: 'city-x', days: 30 }],
      }),
      unit('450721', '2019-12', {
        byStage: { ...zero, published: 1 },
        moves: [{ planId: 'county-a', from: 'base-map', to: 'draft', at: '2019-12-09T02:00:00Z' }],
        km: { draft: 0.001, published: 12.3 },
        overdue: [
          { planId: 'county-a', days: 30 },
          { planId: 'county-c', days: 61 },
        ],
      }),
    ],
  },
];
const plans = [
  { id: 'city-x', unit: '市水利局', deadlineMonth: '2019-11' },
  { id: 'county-a', unit: '灵山县水利局', deadlineMonth: '2019-10' },
  { id: 'county-b', unit: '灵山县水利局', deadlineMonth: '2019-12' },
  { id: 'county-c', unit: '灵山县水利局', deadlineMonth: '2020-12' },
];

describe('the dashboard series', () => {
  it('count plans published against the plans due by each month (cumulative)', () => {
    expect(publishedSeries(series, plans)).toEqual([
      { month: '2019-10', published: 0, due: 1 },
      { month: '2019-11', published: 1, due: 2 },
      { month: '2019-12', published: 1, due: 3 },
    ]);
    expect(deadlineTiers(plans)).toEqual(['2019-10', '2019-11', '2019-12', '2020-12']);
  });
  it('sum the km of the units, drafts and published apart', () => {
    expect(kmSeries(series)).toEqual([
      { month: '2019-10', draft: 1.25, published: 0 },
      { month: '2019-11', draft: 2, published: 12.3 },
      { month: '2019-12', draft: 0.001, published: 12.3 },
    ]);
  });
  it('read the months as MonthFigures, and pick a funnel bar’s plans from the stages at the end', () => {
    const months: MonthFigures[] = series;
    expect(publishedSeries(months, plans).at(-1)?.published).toBe(1);
    // the series' `stages`: plans not listed are 未开始
    const stages = { 'city-x': 'draft', 'county-a': 'draft', 'county-b': 'published' } as const;
    expect(plansAtStage(plans, stages, '450721', 'draft')).toEqual(['county-a']);
    expect(plansAtStage(plans, stages, '450721', 'not-started')).toEqual(['county-c']);
    expect(plansAtStage(plans, stages, null, 'draft')).toEqual(['city-x', 'county-a']);
  });
  it('rank the overdue plans of every unit by days', () => {
    expect(overdueRanking(series[2]?.units ?? [])).toEqual([
      { planId: 'county-c', unit: '450721', days: 61 },
      { planId: 'city-x', unit: '450700', days: 30 },
      { planId: 'county-a', unit: '450721', days: 30 },
    ]);
  });
  it('count the states of a matrix row and list the last months', () => {
    expect(stateCounts([{ state: 'on-time' }, { state: 'missing' }, { state: 'missing' }])).toEqual(
      { 'on-time': 1, late: 0, missing: 2, 'not-due': 0 },
    );
    expect(lastMonths('2020-02', 3, '2019-06')).toEqual(['2019-12', '2020-01', '2020-02']);
    expect(lastMonths('2019-07', 12, '2019-06')).toEqual(['2019-06', '2019-07']);
  });
  it('do not change their input', () => {
    const before = JSON.stringify(series);
    publishedSeries(series, plans);
    overdueRanking(series[2]?.units ?? []);
    expect(JSON.stringify(series)).toBe(before);
  });
});

describe('the dashboard’s messages', () => {
  it('have both languages, the same placeholders, and no English sentence in Chinese', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(zh)) {
      expect(names(en[key as keyof typeof en]), key).toEqual(names(text));
      expect(englishSentences(text), key).toEqual([]);
    }
  });
});
