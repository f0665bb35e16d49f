// The wire of supervision (issue 14, 可监督、可考核): the monthly figures of each reporting unit
// (GET /api/progress), the monthly reports (月报: POST/GET /api/reports), reminders and the city's
// exports. Server and UI both parse with these. Units are the register's adcodes; 450700 is 市本级.
import { z } from 'zod';
import { STAGES, type StageId } from '../domain/workflow/stages';

const stage = z.enum(STAGES.map((s) => s.id) as [StageId, ...StageId[]]);

/** A month, China time: YYYY-MM. */
const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/** A reporting unit: 市本级 or a county/district, by adcode. */
const unitSchema = z.enum(['450700', '450702', '450703', '450721', '450722']);

/**
 * One unit's figures as of a month's end (China time), computed from the history as it was then
 * (stage events, saved versions, publications with their times), never from today's state.
 */
const unitFiguresSchema = z.object({
  unit: unitSchema,
  month: monthSchema,
  /** the unit's plans (by responsible unit) */
  plans: z.number().int(),
  /** plans at each stage at the month's end */
  byStage: z.record(stage, z.number().int()),
  /** stage moves made during the month: plan, from, to, ISO time */
  moves: z.array(z.object({ planId: z.string(), from: stage, to: stage, at: z.string() })),
  /** km of management line: of the newest saved drafts computed (not yet published), and published */
  km: z.object({ draft: z.number(), published: z.number() }),
  /** markers and notice boards designed (published sets; installed: null until markers have a status) */
  markers: z.object({
    boundary: z.number().int(),
    noticeBoards: z.number().int(),
    installed: z.number().int().nullable(),
  }),
  /** plans past their deadline at the month's end and not published, with days overdue */
  overdue: z.array(z.object({ planId: z.string(), days: z.number().int() })),
  /** plans published by their deadline (of those whose deadline has passed by the month's end) */
  onTime: z.object({ due: z.number().int(), published: z.number().int() }),
});
export type UnitFigures = z.infer<typeof unitFiguresSchema>;

const messageSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.unknown()).optional(),
});

/** A figure of the 考核表 and how it was computed (a message rendered by the catalogs). */
const assessedSchema = z.object({ value: z.number().nullable(), basis: messageSchema });

/** A unit's row of the assessment table (考核表): percentages, counts, km, markers. */
const assessmentSchema = z.object({
  unit: unitSchema,
  reportsOnTime: assessedSchema,
  finishedByDeadline: assessedSchema,
  overdue: assessedSchema,
  km: assessedSchema,
  markers: assessedSchema,
});

/** GET /api/progress?month=YYYY-MM */
export const progressQuery = z.object({ month: monthSchema.optional() }).strict();
export const progressSchema = z.object({
  month: monthSchema,
  /** the month's end the figures are as of (ISO, China time 23:59:59.999; now while it runs) */
  asOf: z.string(),
  units: z.array(unitFiguresSchema),
  /** the 考核表 as of the month (added in the routes' session: each figure with its basis) */
  assessment: z.array(assessmentSchema),
});

/**
 * GET /api/progress for the public (and departments): counts only, no plan ids and no drafts (the
 * dashboard's public summary).
 */
export const publicProgressSchema = z.object({
  month: monthSchema,
  asOf: z.string(),
  public: z.literal(true),
  units: z.array(
    z.object({
      unit: unitSchema,
      plans: z.number().int(),
      byStage: z.record(stage, z.number().int()),
      publishedKm: z.number(),
      markers: z.object({ boundary: z.number().int(), noticeBoards: z.number().int() }),
      overdue: z.number().int(),
    }),
  ),
});

/** GET /api/progress/series?from=YYYY-MM&to=YYYY-MM: at most 120 months, both given. */
export const progressSeriesQuery = z.object({ from: monthSchema, to: monthSchema }).strict();

/** A unit's counts at a month's end in the series: the numbers of its `UnitFigures` that month. */
const unitCountsSchema = z.object({
  unit: unitSchema,
  plans: z.number().int(),
  byStage: z.record(stage, z.number().int()),
  /** the month's `km` */
  km: z.object({ draft: z.number(), published: z.number() }),
  markers: z.object({ boundary: z.number().int(), noticeBoards: z.number().int() }),
  /** how many plans were overdue (the length of the month's `overdue` list) */
  overdue: z.number().int(),
});

/**
 * The staff answer of GET /api/progress/series: each month's counts (what the dashboard's charts
 * draw), and once, each plan's stage at the end of `to` (what a funnel bar filters the plans by).
 */
export const progressSeriesSchema = z.object({
  from: monthSchema,
  to: monthSchema,
  months: z.array(
    z.object({ month: monthSchema, asOf: z.string(), units: z.array(unitCountsSchema) }),
  ),
  /** plan id → stage at the end of `to` (as of now while it runs) */
  stages: z.record(z.string(), stage),
});

/** The public answer of GET /api/progress/series: each month's public counts, no plan ids or drafts. */
export const publicProgressSeriesSchema = z.object({
  from: monthSchema,
  to: monthSchema,
  public: z.literal(true),
  months: z.array(
    z.object({
      month: monthSchema,
      asOf: z.string(),
      units: publicProgressSchema.shape.units,
    }),
  ),
});

/** POST /api/reports: the reporter's two texts; the figures are computed by the server. */
export const reportBody = z
  .object({
    unit: unitSchema,
    month: monthSchema,
    problems: z.string().trim().max(2000),
    nextSteps: z.string().trim().max(2000),
  })
  .strict();

/** A submitted report (frozen): its figures as computed when submitted, and its revision. */
export const reportSchema = z.object({
  id: z.number().int(),
  unit: unitSchema,
  month: monthSchema,
  /** 1 for the first submission; a correction is the next revision, the old ones kept */
  revision: z.number().int().min(1),
  figures: unitFiguresSchema,
  problems: z.string(),
  nextSteps: z.string(),
  /** the account (username) that submitted it, as recorded */
  submittedBy: z.string(),
  /** that account's display name, for people to read */
  submittedByName: z.string(),
  submittedAt: z.string(),
  /** submitted after the month's last day, China time */
  late: z.boolean(),
});
export type Report = z.infer<typeof reportSchema>;

/** A cell of the city's matrix: 按时 / 逾期报送 / 未报送 (and 未到期 for the current month). */
const reportStateSchema = z.enum(['on-time', 'late', 'missing', 'not-due']);

/** GET /api/reports?month=YYYY-MM (or ?from=&to= for a range of months): the matrix. */
export const reportsQuery = z
  .object({
    month: monthSchema.optional(),
    from: monthSchema.optional(),
    to: monthSchema.optional(),
  })
  .strict();
export const reportMatrixSchema = z.object({
  months: z.array(monthSchema),
  rows: z.array(
    z.object({
      unit: unitSchema,
      cells: z.array(
        z.object({
          month: monthSchema,
          state: reportStateSchema,
          /** the newest revision, when any */
          report: reportSchema.nullable(),
          /** reminders sent for this unit and month */
          reminders: z.number().int(),
          /** every revision, oldest first (the report form lists them with their downloads) */
          revisions: z.array(
            z.object({
              id: z.number().int(),
              revision: z.number().int(),
              submittedBy: z.string(),
              submittedByName: z.string(),
              submittedAt: z.string(),
              late: z.boolean(),
            }),
          ),
        }),
      ),
    }),
  ),
});

/** POST /api/reports/reminders: the city reminds a unit of a month's report (shown on its start screen). */
export const reminderBody = z.object({ unit: unitSchema, month: monthSchema }).strict();
