import { describe, expect, it } from 'vitest';
import {
  chinaDate,
  daysPastDue,
  dueDate,
  isOverdue,
  monthKey,
  parseDeadline,
} from '../../src/domain/plans/deadline';
import { tierOf } from '../../src/domain/plans/tiers';

describe('deadlines', () => {
  it('parses the published month form and rejects others', () => {
    expect(parseDeadline('2019年10月')).toEqual({ year: 2019, month: 10 });
    expect(parseDeadline(' 2020 年 12 月 ')).toEqual({ year: 2020, month: 12 });
    expect(parseDeadline('2019-10')).toBeNull();
    expect(parseDeadline('2019年13月')).toBeNull();
    expect(parseDeadline('2019年0月')).toBeNull();
    expect(parseDeadline('')).toBeNull();
  });

  it('is due on the last day of the month, leap years included', () => {
    expect(dueDate({ year: 2019, month: 10 })).toBe('2019-10-31');
    expect(dueDate({ year: 2019, month: 12 })).toBe('2019-12-31');
    expect(dueDate({ year: 2020, month: 2 })).toBe('2020-02-29');
    expect(dueDate({ year: 2021, month: 2 })).toBe('2021-02-28');
    expect(dueDate({ year: 2020, month: 4 })).toBe('2020-04-30');
    expect(monthKey({ year: 2020, month: 4 })).toBe('2020-04');
  });

  it('counts days in China Standard Time, whatever the machine zone', () => {
    expect(chinaDate(new Date('2019-10-31T15:59:59Z'))).toBe('2019-10-31');
    expect(chinaDate(new Date('2019-10-31T16:00:00Z'))).toBe('2019-11-01');
  });

  it('is on time through the last second of the due day and overdue from midnight after', () => {
    const due = '2019-10-31';
    expect(isOverdue(due, false, new Date('2019-10-31T23:59:59+08:00'))).toBe(false);
    expect(isOverdue(due, false, new Date('2019-11-01T00:00:00+08:00'))).toBe(true);
    expect(daysPastDue(due, new Date('2019-10-31T23:59:59+08:00'))).toBe(0);
    expect(daysPastDue(due, new Date('2019-11-01T00:00:00+08:00'))).toBe(1);
    expect(daysPastDue(due, new Date('2019-10-01T09:00:00+08:00'))).toBe(-30);
  });

  it('never flags a published plan', () => {
    expect(isOverdue('2019-10-31', true, new Date('2026-11-28T00:00:00+08:00'))).toBe(false);
  });

  it('puts deadlines in the plan tiers', () => {
    expect(tierOf({ year: 2019, month: 10 }).zh).toContain('示范');
    expect(tierOf({ year: 2021, month: 12 }).key).toBe('2021-12');
    expect(tierOf({ year: 2022, month: 6 })).toMatchObject({ key: '2022-06', zh: '2022年6月' });
  });
});
