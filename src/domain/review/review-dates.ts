// The calendar of consultation and display (issue 13): China time (UTC+8, no daylight saving), whole
// days, deadlines ending at 24:00. Working days skip Saturdays and Sundays only: the statutory
// holidays and the weekends worked in their place change every year and are not set in Hejie, so a
// planner who wants them counted sets the due date by hand.
import { chinaDate } from '../plans/deadline';

const DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * 3_600_000;

/** Default reply time of a consultation round, in working days. */
const DEFAULT_REPLY_WORKING_DAYS = 10;

/** Display period bounds and default, in days (the admin setting `displayDays`). */
export const DISPLAY_DAYS = { min: 1, max: 30, default: 7 } as const;

const dayNumber = (ymd: string): number => Date.parse(`${ymd}T00:00:00Z`) / DAY_MS;
const ymdOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * Whether a string is a real calendar date YYYY-MM-DD.
 * @example isIsoDate('2026-02-30') // false
 */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const t = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === text;
}

/**
 * The date `n` days after `ymd` (before, when negative).
 * @example addDays('2026-12-31', 1) // '2027-01-01'
 */
export function addDays(ymd: string, n: number): string {
  return ymdOf(dayNumber(ymd) + n);
}

/**
 * The `n`-th working day (Monday–Friday) after `ymd`.
 * @example addWorkingDays('2026-12-03', 10) // '2026-12-17' (a Thursday: two weekends skipped)
 */
function addWorkingDays(ymd: string, n: number): string {
  let day = dayNumber(ymd);
  for (let left = n; left > 0; ) {
    day += 1;
    const weekday = new Date(day * DAY_MS).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return ymdOf(day);
}

/**
 * The instant a China day ends (24:00 China time = 16:00 UTC), as an ISO string.
 * @example endOfChinaDay('2026-12-17') // '2026-12-17T16:00:00.000Z'
 */
export function endOfChinaDay(ymd: string): string {
  return new Date((dayNumber(ymd) + 1) * DAY_MS - CST_OFFSET_MS).toISOString();
}

/**
 * Whether a China day is over at `now` (its 24:00 has passed).
 * @example isDayOver('2026-12-17', new Date('2026-12-17T16:00:00Z')) // true
 */
export function isDayOver(ymd: string, now: Date): boolean {
  return now.getTime() >= Date.parse(endOfChinaDay(ymd));
}

/**
 * The default reply deadline of a round opened at `now`: 10 working days after today (China).
 * @example defaultDue(new Date('2026-12-03T02:00:00Z')) // '2026-12-17'
 */
export function defaultDue(now: Date): string {
  return addWorkingDays(chinaDate(now), DEFAULT_REPLY_WORKING_DAYS);
}

/**
 * A display period of `days` days starting today (China): its first and last day.
 * @example displayWindow(new Date('2026-12-03T02:00:00Z'), 7) // { start: '2026-12-03', end: '2026-12-09' }
 */
export function displayWindow(now: Date, days: number): { start: string; end: string } {
  const start = chinaDate(now);
  return { start, end: addDays(start, days - 1) };
}

/**
 * Where a display period stands at `now`: not begun, open, or over.
 * @example displayState({ start: '2026-12-03', end: '2026-12-09' }, new Date('2026-12-10T00:00:00+08:00')) // 'over'
 */
export function displayState(
  period: { start: string; end: string },
  now: Date,
): 'before' | 'open' | 'over' {
  if (isDayOver(period.end, now)) return 'over';
  return now.getTime() < Date.parse(`${period.start}T00:00:00+08:00`) ? 'before' : 'open';
}
