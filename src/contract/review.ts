// The wire of 意见征求, 公示 and 验收 (issue 13): request bodies the server checks, and the views it
// answers. Route names are relied on elsewhere; keep them.
//
//   POST /api/plans/:id/consultations        consultationBody → 201 Consultation
//   GET  /api/plans/:id/consultations        (staff of the plan) → RoundView[]
//   GET  /api/consultations                  (a department) → DepartmentRound[]
//   GET  /api/consultations/:id/view         (a consulted department, staff) → ConsultedDraft
//   POST /api/consultations/:id/replies      replyBody → 201 Reply
//   POST /api/replies/:id/answer             answerBody → 200 Reply
//   GET  /api/departments                    (planners, admins) → DepartmentAccount[]
//   POST /api/plans/:id/display              displayBody → 201 DisplayPeriod
//   GET  /api/plans/:id/display              (everyone) → PublicDisplay, 404 when none is open
//   POST /api/plans/:id/public-opinions      publicOpinionBody (everyone) → 201 {id}
//   GET  /api/plans/:id/public-opinions      (staff of the plan) → PublicOpinion[]
//   POST /api/public-opinions/:id/answer     answerBody (no version) → 200 PublicOpinion
//   POST /api/plans/:id/acceptance           multipart acceptanceFields + file (PDF) → 201
//   GET  /api/plans/:id/acceptance           (staff) → AcceptanceRecord[]
//   GET  /api/acceptance/:id/file            (staff) → the uploaded PDF
//   GET  /api/plans/:id/review               (staff) → PlanReview: everything above and the gates
import { z } from 'zod';
import { cleanText } from '../domain/review/clean-text';
import { isIsoDate } from '../domain/review/review-dates';
import type { RoundStatus } from '../domain/review/review-rules';
import type {
  AcceptanceRecord,
  Consultation,
  DisplayPeriod,
  PublicOpinion,
  Reply,
} from '../domain/review/review-types';

const isoDate = z.string().refine(isIsoDate, { params: { code: 'common.invalid.date' } });
const version = z.number().int().min(1);
const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);

/** Longest message of a round, reply text and answer reason. */
export const REVIEW_TEXT_MAX = { message: 2000, reply: 5000, reason: 2000, opinion: 1000 } as const;

/** `POST /api/plans/:id/consultations`: `due` defaults to 10 working days after today (China). */
export const consultationBody = z
  .object({
    version,
    departments: z.array(z.string().uuid()).min(1).max(30),
    due: isoDate.optional(),
    message: z.string().trim().min(1).max(REVIEW_TEXT_MAX.message),
  })
  .strict();

/** `POST /api/consultations/:id/replies`: 有意见 needs text; a pin needs both lon and lat. */
export const replyBody = z
  .object({
    verdict: z.enum(['no-objection', 'objection']),
    text: z.string().trim().max(REVIEW_TEXT_MAX.reply).optional(),
    lon: lon.optional(),
    lat: lat.optional(),
  })
  .strict()
  .refine((b) => b.verdict === 'no-objection' || (b.text ?? '') !== '', {
    path: ['text'],
    params: { code: 'consultation.reply.textNeeded' },
  })
  .refine((b) => (b.lon === undefined) === (b.lat === undefined), {
    path: ['lat'],
    params: { code: 'consultation.reply.pinBoth' },
  });

/** `POST /api/replies/:id/answer` and `POST /api/public-opinions/:id/answer` */
export const answerBody = z
  .object({
    decision: z.enum(['adopted', 'partly', 'rejected']),
    reason: z.string().trim().min(1).max(REVIEW_TEXT_MAX.reason),
    version: version.optional(),
  })
  .strict();

/** `POST /api/plans/:id/display`: `days` defaults to the admin setting `displayDays`. */
export const displayBody = z
  .object({ version, days: z.number().int().min(1).max(30).optional() })
  .strict();

/** Public text, checked after `cleanText` (NFC, no control characters; line breaks kept). */
const typed = (min: number, max: number) =>
  z.string().transform(cleanText).pipe(z.string().trim().min(min).max(max));

/** `POST /api/plans/:id/public-opinions` (anyone, while the display is open) */
export const publicOpinionBody = z
  .object({
    text: typed(1, REVIEW_TEXT_MAX.opinion),
    name: typed(0, 50).optional(),
    contact: typed(0, 100).optional(),
  })
  .strict();

/** The text fields of `POST /api/plans/:id/acceptance` (multipart; the PDF is the part `file`). */
export const acceptanceFields = z
  .object({
    version: z.coerce.number().int().min(1),
    date: isoDate,
    body: z.string().trim().min(1).max(100),
    members: z.string().trim().min(1).max(1000),
    conclusion: z.enum(['pass', 'fail']),
    remarks: z.string().trim().max(REVIEW_TEXT_MAX.reason).default(''),
  })
  .strict();

/** Largest acceptance document, bytes (20 MB). */
export const ACCEPTANCE_FILE_MAX = 20 * 1024 * 1024;

/** A message as views carry it: its code and parameters, and the text in the request's language. */
export interface RenderedMessage {
  code: string;
  params: Record<string, unknown>;
  text: string;
}

/** A department account as a planner picks it for a round. */
export interface DepartmentAccount {
  id: string;
  username: string;
  name: string;
  organisation: string;
}

/** A round with each department's state (`RoundStatus` of src/domain/review/review-rules). */
export type RoundView = RoundStatus;

/** A round as the consulted department sees it: the plan, its own reply, and whether it is late. */
export interface DepartmentRound {
  consultation: Omit<Consultation, 'departments'>;
  plan: { id: string; name: string; level: string; unit: string; chief: string };
  reply: Reply | null;
  /** whether it may still reply (before the deadline, plan still at 意见征求, no reply yet) */
  open: boolean;
}

/** What a consulted department reads of a round's version: the drawing, zones and markers. */
export interface ConsultedDraft {
  consultation: Omit<Consultation, 'departments'>;
  /** the version's features (lines and water polygons, lon/lat) to draw on the map */
  features: GeoJSON.Feature[];
  /** the zones and boundary lines computed from that version, with their lengths */
  zones: GeoJSON.FeatureCollection;
  /** markers with number, kind and chainage; X/Y only when the setting allows departments coordinates */
  markers: GeoJSON.FeatureCollection;
  coordinates: boolean;
}

/** The display of a plan as the public river page shows it: lines and zones, no coordinate table. */
export interface PublicDisplay {
  period: Pick<DisplayPeriod, 'planId' | 'version' | 'start' | 'end' | 'days'>;
  state: 'open' | 'over';
  zones: GeoJSON.FeatureCollection;
}

/** Everything of a plan's review, for the plan panel, with what still blocks each gate. */
export interface PlanReview {
  rounds: RoundView[];
  displays: DisplayPeriod[];
  opinions: PublicOpinion[];
  acceptances: AcceptanceRecord[];
  /** why the plan may not leave 意见征求 now (null: it may) */
  leaveConsultation: RenderedMessage | null;
  /** why the newest version may not be published now (null: it may, as far as review goes) */
  publish: RenderedMessage | null;
  /** the default reply deadline of a round opened today, and the display days in force */
  defaults: { due: string; displayDays: number };
}
