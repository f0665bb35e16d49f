/**
 * Deadlines in the plan are months ("2019年10月"): a plan is due at the end of that month, in
 * China Standard Time (UTC+8, no daylight saving), and overdue from the next day until published.
 */

/** A calendar month. */
export interface YearMonth {
  year: number;
  month: number;
}

const CST_OFFSET_MS = 8 * 3600 * 1000;

/**
 * Parses a deadline as published, "2019年10月"; null when it is not of that form.
 * @example parseDeadline('2019年10月') // { year: 2019, month: 10 }
 */
export function parseDeadline(text: string): YearMonth | null {
  const m = /^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return { year, month };
}

/**
 * ISO month key of a deadline.
 * @example monthKey({ year: 2019, month: 10 }) // '2019-10'
 */
export function monthKey(ym: YearMonth): string {
  return `${ym.year}-${String(ym.month).padStart(2, '0')}`;
}

/**
 * The last day of the month, as an ISO date.
 * @example dueDate({ year: 2020, month: 2 }) // '2020-02-29'
 */
export function dueDate(ym: YearMonth): string {
  const last = new Date(Date.UTC(ym.year, ym.month, 0)).getUTCDate();
  return `${monthKey(ym)}-${String(last).padStart(2, '0')}`;
}

/**
 * Today's date in China Standard Time, as an ISO date.
 * @example chinaDate(new Date('2019-10-31T16:00:00Z')) // '2019-11-01'
 */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Whole days from a due date to today (China time); positive when past due.
 * @example daysPastDue('2019-10-31', new Date('2019-11-02T00:00:00+08:00')) // 2
 */
export function daysPastDue(due: string, now: Date): number {
  const today = Date.parse(`${chinaDate(now)}T00:00:00Z`);
  return Math.round((today - Date.parse(`${due}T00:00:00Z`)) / 86_400_000);
}

/**
 * Whether work due on `due` is overdue at `now`: the due day itself is still on time.
 * A published plan is never overdue.
 * @example isOverdue('2019-10-31', false, new Date('2019-11-01T00:00:00+08:00')) // true
 */
export function isOverdue(due: string, published: boolean, now: Date): boolean {
  return !published && daysPastDue(due, now) > 0;
}
