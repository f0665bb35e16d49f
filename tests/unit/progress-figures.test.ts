// The pure rules of supervision (issue 14): the reporting calendar in China time, who reports and
// sees what, report states, and the figures of a hand-built history (input never mutated).
import { describe, expect, it } from 'vitest';
import type { UserActor } from '../../src/domain/access/actor';
import { PUBLIC } from '../../src/domain/access/actor';
import type { PlanRecord } from '../../src/domain/plans/plan';
import { indexHistory, type ProgressHistory } from '../../src/domain/progress/progress-history';
import {
  figuresAsOf,
  isReportLate,
  monthEnd,
  monthOf,
  monthsBetween,
} from '../../src/domain/progress/report-month';
import {
  mayReportFor,
  maySupervise,
  reportState,
  unitsVisibleTo,
} from '../../src/domain/progress/report-rules';
import { progressOf } from '../../src/domain/progress/unit-figures';

const user = (over: Partial<UserActor>): UserActor => ({
  kind: 'user',
  id: 'u',
  username: 'u',
  name: 'u',
  role: 'planner',
  person: null,
  scope: { level: 'all', counties: [] },
  canPublish: false,
  ...over,
});
const lingshan = user({ scope: { level: 'county', counties: ['450721'] } });

describe('the reporting calendar (China time)', () => {
  it('a month ends at its last day 24:00 UTC+8; late from 00:00:00', () => {
    expect(monthEnd('2019-12')).toBe('2019-12-31T16:00:00.000Z');
    expect(monthEnd('2020-02')).toBe('2020-02-29T16:00:00.000Z');
    expect(isReportLate('2019-12', new Date('2019-12-31T23:59:59+08:00'))).toBe(false);
    expect(isReportLate('2019-12', new Date('2020-01-01T00:00:00+08:00'))).toBe(true);
    expect(monthOf(new Date('2019-12-31T16:00:00Z'))).toBe('2020-01');
    expect(monthsBetween('2019-11', '2020-02')).toEqual([
      '2019-11',
      '2019-12',
      '2020-01',
      '2020-02',
    ]);
    expect(figuresAsOf('2019-12', new Date('2026-01-01')).toISOString()).toBe(
      '2019-12-31T15:59:59.999Z',
    );
    expect(() => monthEnd('2019-13x')).toThrow(/YYYY-MM/);
  });

  it('states: the first revision decides; missing once the month is over, not due before', () => {
    const r = (revision: number, submittedAt: string) => ({
      unit: '450721',
      month: '2019-12',
      revision,
      submittedAt,
    });
    const after = new Date('2020-01-05T00:00:00Z');
    expect(
      reportState('2019-12', [r(2, '2020-01-02T00:00:00Z'), r(1, '2019-12-31T15:59:59Z')], after),
    ).toBe('on-time');
    expect(reportState('2019-12', [r(1, '2019-12-31T16:00:00Z')], after)).toBe('late');
    expect(reportState('2019-12', [], new Date('2019-12-31T15:59:59Z'))).toBe('not-due');
    expect(reportState('2019-12', [], new Date('2019-12-31T16:00:00Z'))).toBe('missing');
  });
});

describe('who reports and who sees', () => {
  it('a county planner reports for its county only; admins and planners of every plan for all', () => {
    expect(mayReportFor(lingshan, '450721')).toBe(true);
    expect(mayReportFor(lingshan, '450702')).toBe(false);
    expect(mayReportFor(user({ scope: { level: 'city', counties: [] } }), '450700')).toBe(true);
    expect(mayReportFor(user({ role: 'admin' }), '450722')).toBe(true);
    expect(mayReportFor(user({ role: 'chief' }), '450721')).toBe(false);
    expect(mayReportFor(PUBLIC, '450721')).toBe(false);
    expect(unitsVisibleTo(lingshan)).toEqual(['450721']);
    expect(unitsVisibleTo(user({ role: 'chief' }))).toHaveLength(5);
    expect(unitsVisibleTo(user({ role: 'department' }))).toEqual([]);
    expect(maySupervise(lingshan)).toBe(false);
    expect(maySupervise(user({}))).toBe(true);
  });
});

describe('figures from a history', () => {
  const plan = (id: string, deadline: string): PlanRecord => ({
    id,
    level: '县级',
    seq: 1,
    name: id,
    basinAreaKm2: null,
    chief: 'x',
    unit: '灵山县水利局',
    leader: 'x',
    deadline,
    note: '',
    riverId: 'r',
    section: null,
  });
  const history: ProgressHistory = {
    plans: [plan('a', '2019年10月'), plan('b', '2019年10月'), plan('c', '2019年10月')],
    events: [
      { planId: 'a', from: 'not-started', to: 'draft', at: '2019-08-01T00:00:00Z' },
      { planId: 'a', from: 'draft', to: 'published', at: '2019-10-31T15:59:59Z' },
      // sent back after publication: drafting again, the publication still counts
      { planId: 'a', from: 'published', to: 'field-check', at: '2019-11-10T00:00:00Z' },
      { planId: 'b', from: 'not-started', to: 'draft', at: '2019-09-01T00:00:00Z' },
      { planId: 'b', from: 'draft', to: 'published', at: '2019-11-05T00:00:00Z' },
    ],
    versions: [
      { planId: 'a', version: 1, at: '2019-08-02T00:00:00Z', lengthM: 1000 },
      { planId: 'a', version: 2, at: '2019-11-11T00:00:00Z', lengthM: 1100 },
      { planId: 'b', version: 1, at: '2019-09-02T00:00:00Z', lengthM: 2000 },
    ],
    publications: [
      {
        planId: 'a',
        version: 1,
        at: '2019-10-31T15:59:59Z',
        lengthM: 1000,
        boundary: 4,
        noticeBoards: 1,
      },
      {
        planId: 'b',
        version: 1,
        at: '2019-11-05T00:00:00Z',
        lengthM: 2000,
        boundary: 6,
        noticeBoards: 2,
      },
    ],
  };

  it('published on the due day counts as on time; a day late does not; a newer draft counts apart', () => {
    const frozen = structuredClone(history);
    const index = indexHistory(history);
    const nov = progressOf(index, '2019-11', new Date('2026-01-01')).units.find(
      (u) => u.unit === '450721',
    );
    expect(nov?.onTime).toEqual({ due: 3, published: 1 });
    expect(nov?.km).toEqual({ draft: 1.1, published: 3 });
    expect(nov?.markers).toEqual({ boundary: 10, noticeBoards: 3, installed: null });
    expect(nov?.byStage).toMatchObject({ 'field-check': 1, published: 1, 'not-started': 1 });
    // a plan sent back from 公告实施 is overdue again, as the register shows it (stage, not publication)
    expect(nov?.overdue).toEqual([
      { planId: 'a', days: 30 },
      { planId: 'c', days: 30 },
    ]);
    const oct = progressOf(index, '2019-10', new Date('2026-01-01')).units.find(
      (u) => u.unit === '450721',
    );
    expect(oct?.overdue).toEqual([]);
    expect(oct?.km).toEqual({ draft: 2, published: 1 });
    expect(history).toEqual(frozen);
  });
});
