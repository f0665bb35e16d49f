import { isMessage, type Message, msg } from '../message';
import type { StageId } from '../workflow/stages';
import { FINAL_STAGE } from '../workflow/stages';
import type { County } from './counties';
import { countyOfUnit } from './counties';
import { daysPastDue, dueDate, isOverdue, monthKey, parseDeadline } from './deadline';
import { tierOf } from './tiers';

/** Who chairs the river: a city leader (附件1) or a county-level official (附件2). */
export type Level = '市级' | '县级';

/** One row of the plan's two tables, exactly as published, plus a stable id and the river it is for. */
export interface PlanRecord {
  /** Stable id: `city-01`…`city-07`, `county-01`…`county-29` (level and 序号). */
  id: string;
  level: Level;
  /** 序号 within its table. */
  seq: number;
  /** 江河湖库名称 as published, e.g. "市青年水闸西干渠 (康干渠段)". */
  name: string;
  /** 流域面积 in km²; null where the table leaves it empty (canal sections). */
  basinAreaKm2: number | null;
  /** 河长姓名 */
  chief: string;
  /** 编制责任单位 */
  unit: string;
  /** 责任领导 */
  leader: string;
  /** 完成时间 as published, e.g. "2019年10月" (due at the end of that month). */
  deadline: string;
  /** 备注: 示范性河流, 推荐示范性河流 or empty. */
  note: string;
  /** The waterbody this plan is for (several plans may share one river). */
  riverId: string;
  /** The section named in brackets, e.g. "康干渠段"; null for whole rivers. */
  section: string | null;
}

/** A plan as the register shows it: the record with its stage and computed deadline status. */
export interface PlanView extends PlanRecord {
  stage: StageId;
  county: County;
  /** "2019-10" */
  deadlineMonth: string;
  /** Last day of the deadline month, "2019-10-31". */
  dueDate: string;
  tier: string;
  overdue: boolean;
  /** Days past due (negative: days left); 0 on the due date. */
  daysPastDue: number;
  updatedAt: string;
}

export const PLAN_CSV_COLUMNS = [
  'id',
  'level',
  'seq',
  'name',
  'basinAreaKm2',
  'chief',
  'unit',
  'leader',
  'deadline',
  'note',
  'riverId',
  'section',
] as const;

/**
 * Reads plan records from rows of `plans.csv` (header first). Every row is checked; the reasons
 * name the line and the field.
 * @example readPlanRows([[...PLAN_CSV_COLUMNS], row]) // { plans: [...], errors: [] }
 */
export function readPlanRows(rows: string[][]): { plans: PlanRecord[]; errors: Message[] } {
  const [header, ...body] = rows;
  const errors: Message[] = [];
  if (!header || PLAN_CSV_COLUMNS.some((c, i) => header[i] !== c)) {
    return {
      plans: [],
      errors: [msg('register.csv.header', { columns: PLAN_CSV_COLUMNS.join(',') })],
    };
  }
  const plans: PlanRecord[] = [];
  const ids = new Set<string>();
  body.forEach((cells, i) => {
    const line = i + 2;
    const result = readPlanRow(cells);
    if (isMessage(result)) errors.push(msg('register.csv.line', { line, why: result }));
    else if (ids.has(result.id))
      errors.push(
        msg('register.csv.line', { line, why: msg('register.csv.duplicateId', { id: result.id }) }),
      );
    else {
      ids.add(result.id);
      plans.push(result);
    }
  });
  return { plans, errors };
}

function readPlanRow(cells: string[]): PlanRecord | Message {
  if (cells.length !== PLAN_CSV_COLUMNS.length) {
    return msg('register.csv.fieldCount', {
      expected: PLAN_CSV_COLUMNS.length,
      found: cells.length,
    });
  }
  const [id, level, seq, name, area, chief, unit, leader, deadline, note, riverId, section] =
    cells.map((c) => c.trim()) as [string, ...string[]];
  if (!/^(city|county)-\d{2}$/.test(id)) return msg('register.csv.id', { id });
  if (level !== '市级' && level !== '县级')
    return msg('register.csv.level', { level: level ?? '' });
  if (!/^\d+$/.test(seq ?? '')) return msg('register.csv.seq', { seq: seq ?? '' });
  const basin = area === '' ? null : Number(area);
  if (basin !== null && !(Number.isFinite(basin) && basin > 0)) {
    return msg('register.csv.basinArea', { area: area ?? '' });
  }
  if (!name || !chief || !unit || !leader || !riverId) return msg('register.csv.required');
  if (!parseDeadline(deadline ?? ''))
    return msg('register.csv.deadline', { deadline: deadline ?? '' });
  if (!countyOfUnit(unit)) return msg('register.csv.unit', { unit });
  return {
    id,
    level,
    seq: Number(seq),
    name,
    basinAreaKm2: basin,
    chief,
    unit,
    leader,
    deadline: deadline as string,
    note: note ?? '',
    riverId,
    section: section ? section : null,
  };
}

/**
 * The register's view of a plan at a moment: county, due date, tier and overdue flag.
 * @example viewPlan(record, 'draft', '2019-08-01T00:00:00Z', new Date()).overdue // true
 */
export function viewPlan(
  record: PlanRecord,
  stage: StageId,
  updatedAt: string,
  now: Date,
): PlanView {
  const ym = parseDeadline(record.deadline);
  const county = countyOfUnit(record.unit);
  if (!ym || !county)
    throw new Error(`plan ${record.id} was not validated: ${record.deadline}, ${record.unit}`);
  const due = dueDate(ym);
  return {
    ...record,
    stage,
    county,
    deadlineMonth: monthKey(ym),
    dueDate: due,
    tier: tierOf(ym).key,
    overdue: isOverdue(due, stage === FINAL_STAGE, now),
    daysPastDue: daysPastDue(due, now),
    updatedAt,
  };
}
