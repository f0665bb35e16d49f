// The routes of 意见征求, 公示 and 验收 (src/contract/review.ts) as the browser calls them; lazy, with
// the workspace. Views are typed by the contract; refusals arrive as ApiError in the UI's language.
import { z } from 'zod';
import type {
  ConsultedDraft,
  DepartmentAccount,
  DepartmentRound,
  PlanReview,
  PublicDisplay,
} from '../../../contract/review';
import type {
  Consultation,
  Decision,
  DisplayPeriod,
  PublicOpinion,
  Reply,
  Verdict,
} from '../../../domain/review/review-types';
import { ApiError, requestJson } from '../../api';

export type { ConsultedDraft, DepartmentRound, PlanReview, PublicDisplay };

const plan = (id: string) => `/api/plans/${encodeURIComponent(id)}`;
const view = <T>() => z.custom<T>((v) => typeof v === 'object' && v !== null);

/** GET /api/plans/:id/review: rounds, displays, opinions, acceptances and the two gates. */
export const loadReview = (id: string) => requestJson(`${plan(id)}/review`, view<PlanReview>());

/** GET /api/departments: the department accounts a round may name. */
export const loadDepartments = () => requestJson('/api/departments', view<DepartmentAccount[]>());

/** POST /api/plans/:id/consultations */
export const openRound = (
  id: string,
  body: { version: number; departments: string[]; due: string; message: string },
  csrf: string,
) => requestJson(`${plan(id)}/consultations`, view<Consultation>(), { method: 'POST', body, csrf });

/** GET /api/consultations: a department's own rounds. */
export const loadMyRounds = () => requestJson('/api/consultations', view<DepartmentRound[]>());

/** GET /api/consultations/:id/view: the round's version as a department reads it. */
export const loadRoundView = (id: number) =>
  requestJson(`/api/consultations/${id}/view`, view<ConsultedDraft>());

/** POST /api/consultations/:id/replies */
export const sendReply = (
  id: number,
  body: { verdict: Verdict; text?: string; lon?: number; lat?: number },
  csrf: string,
) => requestJson(`/api/consultations/${id}/replies`, view<Reply>(), { method: 'POST', body, csrf });

/** The answer to a department's objection or to a citizen's opinion. */
export interface AnswerInput {
  decision: Decision;
  reason: string;
  version?: number;
}

/** POST /api/replies/:id/answer */
export const answerReply = (id: number, body: AnswerInput, csrf: string) =>
  requestJson(`/api/replies/${id}/answer`, view<Reply>(), { method: 'POST', body, csrf });

/** POST /api/public-opinions/:id/answer (no version) */
export const answerOpinion = (id: number, body: AnswerInput, csrf: string) =>
  requestJson(`/api/public-opinions/${id}/answer`, view<PublicOpinion>(), {
    method: 'POST',
    body: { decision: body.decision, reason: body.reason },
    csrf,
  });

/** POST /api/plans/:id/display */
export const startDisplay = (id: string, body: { version: number; days: number }, csrf: string) =>
  requestJson(`${plan(id)}/display`, view<DisplayPeriod>(), { method: 'POST', body, csrf });

/** GET /api/plans/:id/display: the open (or last) display, null when there is none (404). */
export async function loadDisplay(id: string): Promise<PublicDisplay | null> {
  try {
    return await requestJson(`${plan(id)}/display`, view<PublicDisplay>());
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

/** POST /api/plans/:id/public-opinions (anyone, while the display is open) → {id} */
export const sendOpinion = (id: string, body: { text: string; name?: string; contact?: string }) =>
  requestJson(`${plan(id)}/public-opinions`, z.object({ id: z.number() }).loose(), {
    method: 'POST',
    body,
  });

/** POST /api/plans/:id/acceptance, multipart with the signed PDF as `file`. */
export async function sendAcceptance(id: string, form: FormData, csrf: string): Promise<void> {
  await requestJson(`${plan(id)}/acceptance`, z.object({ id: z.number() }).loose(), {
    method: 'POST',
    body: form,
    csrf,
  });
}

/** Where the documents of a published plan are served. */
export const documentPath = (
  id: string,
  doc: 'notice.pdf' | 'notice.docx' | 'boards.pdf' | 'archive.zip',
  full = false,
) => `${plan(id)}/${doc}${full ? '?full=1' : ''}`;

/** Where an acceptance record's PDF is served (staff). */
export const acceptanceFilePath = (id: number) => `/api/acceptance/${id}/file`;
