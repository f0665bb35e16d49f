// The assessment table per unit (考核表, issue 14): reports on time, plans finished by their
// deadline, overdue plans, km delineated and markers, each with the message that says how it was
// computed (rendered by the catalogs at the edge).
import { type Message, msg } from '../message';
import { monthEnd, monthsBetween, REPORTING_START } from './report-month';
import { type ReportFacts, reportState } from './report-rules';
import type { UnitFigures } from './unit-figures';

/** A figure and how it was computed. */
export interface AssessedFigure {
  value: number | null;
  basis: Message;
}

/** One unit's row of the 考核表. */
export interface Assessment {
  unit: string;
  /** % of the months due since 2019-06 whose first report came by the month's last day */
  reportsOnTime: AssessedFigure;
  /** % of the plans due by the month's end that were published by their deadline */
  finishedByDeadline: AssessedFigure;
  overdue: AssessedFigure;
  km: AssessedFigure;
  markers: AssessedFigure;
}

const percent = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;

/** The months due by `now` up to `month`: their last day is over. */
function dueMonths(month: string, now: Date): string[] {
  return monthsBetween(REPORTING_START, month).filter(
    (m) => Date.parse(monthEnd(m)) <= now.getTime(),
  );
}

/**
 * The 考核表 row of a unit as of `month`, from its figures and every revision of its reports.
 * @example assessUnit(figures, reports, new Date()).reportsOnTime.value // 87.5
 */
export function assessUnit(
  figures: UnitFigures,
  reports: readonly ReportFacts[],
  now: Date,
): Assessment {
  const months = dueMonths(figures.month, now);
  const onTime = months.filter(
    (m) =>
      reportState(
        m,
        reports.filter((r) => r.unit === figures.unit && r.month === m),
        now,
      ) === 'on-time',
  ).length;
  const { due, published } = figures.onTime;
  const kmSum = Math.round((figures.km.draft + figures.km.published) * 1000) / 1000;
  const { boundary, noticeBoards } = figures.markers;
  return {
    unit: figures.unit,
    reportsOnTime: {
      value: percent(onTime, months.length),
      basis: msg('reports.basis.onTime', {
        from: REPORTING_START,
        to: months.at(-1) ?? '—',
        onTime,
        due: months.length,
      }),
    },
    finishedByDeadline: {
      value: percent(published, due),
      basis: msg('reports.basis.finished', { published, due }),
    },
    overdue: {
      value: figures.overdue.length,
      basis: msg('reports.basis.overdue', { count: figures.overdue.length }),
    },
    km: {
      value: kmSum,
      basis: msg('reports.basis.km', {
        draft: figures.km.draft,
        published: figures.km.published,
      }),
    },
    markers: {
      value: boundary + noticeBoards,
      basis: msg('reports.basis.markers', { boundary, boards: noticeBoards }),
    },
  };
}
