// The wire of river courses (河道底图, issue 18).
//
//   GET  /api/rivers/:id                         (everyone) → RiverView with `course` + `courseFeatures`
//   GET  /api/courses                            (everyone) → the newest visible course of every river
//                                                (a FeatureCollection; staff see staff-only ones)
//   GET  /api/rivers/:id/courses                 (staff) → CourseSummary[] (every version, newest first)
//   POST /api/rivers/:id/courses                 (planner, admin) multipart courseFields + file → 201
//   POST /api/rivers/:id/courses/preview         (planner, admin) the same, nothing kept → 200
//   POST /api/rivers/:id/courses/:version/public (admin) coursePublicBody → 200 CourseSummary
import { z } from 'zod';
import { CRS } from '../domain/crs/crs';

/** 日期 of a survey: a year, a month or a day. */
const COURSE_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .default(null);

/** The text fields of a course import (multipart form, or the CLI's options). */
export const courseFields = z
  .object({
    source: z.string().trim().max(200).default(''),
    date: z
      .string()
      .trim()
      .refine((s) => s === '' || COURSE_DATE.test(s), { params: { code: 'courses.cli.date' } })
      .transform((s) => (s === '' ? null : s))
      .nullable()
      .default(null),
    unit: optionalText(100),
    declassified: z.enum(['yes', 'no', 'unknown']).default('unknown'),
    public: z
      .enum(['true', 'false', ''])
      .default('')
      .transform((s) => s === 'true'),
    crs: z
      .enum(Object.keys(CRS) as [string, ...string[]])
      .optional()
      .or(z.literal('').transform(() => undefined)),
    encoding: z
      .enum(['gbk', 'utf-8'])
      .optional()
      .or(z.literal('').transform(() => undefined)),
  })
  .strict();

/** `POST /api/rivers/:id/courses/:version/public`. */
export const coursePublicBody = z.object({ public: z.boolean() }).strict();

/** Largest course file, bytes: the import pipeline's own limit. */
export { MAX_IMPORT_BYTES as COURSE_FILE_MAX } from '../domain/formats/import/import-file';
