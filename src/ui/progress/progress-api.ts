// The dashboard's requests (issue 14): the months' counts (GET /api/progress/series, one request),
// the month's figures (GET /api/progress), the matrix, a report and a reminder. Answers are parsed with the contract's schemas.

import { z } from 'zod';
import {
  progressSchema,
  progressSeriesSchema,
  publicProgressSchema,
  reportMatrixSchema,
  reportSchema,
} from '../../contract/progress';
import { ApiError, requestJson } from '../api';

/** The staff answer of GET /api/progress. */
export type StaffProgress = z.infer<typeof progressSchema>;
/** The public answer of GET /api/progress (counts only). */
export type PublicProgress = z.infer<typeof publicProgressSchema>;
/** The staff answer of GET /api/progress/series: each month's counts, and the plans' stages at the end. */
export type ProgressSeries = z.infer<typeof progressSeriesSchema>;
/** GET /api/reports: units × months. */
export type ReportMatrix = z.infer<typeof reportMatrixSchema>;

const wait = (s: number) => new Promise((r) => setTimeout(r, s * 1000));

/** A GET that waits and asks again while the server says 503 with Retry-After (drafts measuring). */
async function patiently<T>(get: () => Promise<T>, onBusy?: (s: number) => void): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await get();
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 503 || attempt >= 5) throw e;
      const s = e.retryAfter ?? 1;
      onBusy?.(s);
      await wait(s);
    }
  }
}

/** A month's figures as staff read them (with the 考核表). */
export const loadProgress = (month: string, onBusy?: (s: number) => void) =>
  patiently(() => requestJson(`/api/progress?month=${month}`, progressSchema), onBusy);

/** A month's public summary (the public and departments get only this). */
export const loadPublicProgress = (month: string) =>
  patiently(() => requestJson(`/api/progress?month=${month}`, publicProgressSchema));

/** The counts of the months `from`–`to` (at most 120) in one request. */
export const loadSeries = (from: string, to: string, onBusy?: (s: number) => void) =>
  patiently(
    () => requestJson(`/api/progress/series?from=${from}&to=${to}`, progressSeriesSchema),
    onBusy,
  );

/** The matrix of the months `from`–`to` (the rows the session may see). */
export const loadMatrix = (from: string, to: string) =>
  requestJson(`/api/reports?from=${from}&to=${to}`, reportMatrixSchema);

/** POST /api/reports: the unit's report of the month (the server computes and freezes its figures). */
export const submitReport = (
  body: { unit: string; month: string; problems: string; nextSteps: string },
  csrf: string,
) => requestJson('/api/reports', reportSchema, { method: 'POST', body, csrf });

/** POST /api/reports/reminders (催报). */
export const sendReminder = (body: { unit: string; month: string }, csrf: string) =>
  requestJson('/api/reports/reminders', z.looseObject({ id: z.number() }), {
    method: 'POST',
    body,
    csrf,
  });

/** A refusal or failure as the user reads it: the server's message (already in the UI's language). */
export const problemText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
