// The reporting calendar of 月报 (issue 14), China time (UTC+8): a month's report is due on its last
// day and is late from 00:00 the day after, by the same day rules as deadlines and review periods
// (src/domain/plans/deadline.ts, src/domain/review/review-dates.ts).
import { chinaDate, dueDate } from '../plans/deadline';
import { endOfChinaDay, isDayOver } from '../review/review-dates';

/** The first month the seed asks for reports: "从2019年6月起". */
export const REPORTING_START = '2019-06';

function parts(month: string): { year: number; month: number } {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) throw new Error(`month must be YYYY-MM, got "${month}"`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

/**
 * The last day of a month, ISO date.
 * @example lastDayOf('2020-02') // '2020-02-29'
 */
export function lastDayOf(month: string): string {
  return dueDate(parts(month));
}

/**
 * The instant a month ends in China (its last day's 24:00, UTC+8), ISO.
 * @example monthEnd('2019-12') // '2019-12-31T16:00:00.000Z'
 */
export function monthEnd(month: string): string {
  return endOfChinaDay(lastDayOf(month));
}

/**
 * The instant a month begins in China, ISO.
 * @example monthStart('2019-12') // '2019-11-30T16:00:00.000Z'
 */
export function monthStart(month: string): string {
  return new Date(Date.parse(`${month}-01T00:00:00+08:00`)).toISOString();
}

/**
 * The month of an instant in China.
 * @example monthOf(new Date('2019-12-31T16:00:00Z')) // '2020-01'
 */
export function monthOf(at: Date): string {
  return chinaDate(at).slice(0, 7);
}

/**
 * The month after.
 * @example nextMonth('2019-12') // '2020-01'
 */
function nextMonth(month: string): string {
  const { year, month: m } = parts(month);
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * The months from `from` to `to`, both included (none when `from` is later).
 * @example monthsBetween('2019-11', '2020-01') // ['2019-11', '2019-12', '2020-01']
 */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) out.push(m);
  return out;
}

/**
 * Whether a report of `month` submitted at `at` is late: after its last day's 24:00, China time.
 * @example isReportLate('2019-12', new Date('2019-12-31T23:59:59+08:00')) // false
 */
export function isReportLate(month: string, at: Date): boolean {
  return isDayOver(lastDayOf(month), at);
}

/**
 * The instant figures of `month` are as of: its end, or `now` while the month is still running.
 * @example figuresAsOf('2019-12', new Date('2026-01-01')) // Date of 2019-12-31T15:59:59.999Z
 */
export function figuresAsOf(month: string, now: Date): Date {
  return new Date(Math.min(Date.parse(monthEnd(month)) - 1, now.getTime()));
}
