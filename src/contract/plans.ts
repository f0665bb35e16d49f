// The wire of the register (GET /api/plans, /api/plans/:id, /api/config) and of a plan's workflow
// (stage moves, publication, comments, audit): request schemas the server checks and response
// schemas the client parses.
import { z } from 'zod';
import type { Message } from '../domain/message';
import { STAGES, type StageId } from '../domain/workflow/stages';

const stageIds = STAGES.map((s) => s.id) as [StageId, ...StageId[]];
const stage = z.enum(stageIds);
const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
const planId = z.string().regex(/^(city|county)-\d{2}$/);

const county = z.object({ adcode: z.string(), name: z.string(), nameEn: z.string() });

/** A plan as GET /api/plans returns it: the register view, its stage label and its search text. */
export const apiPlanSchema = z.object({
  id: z.string(),
  level: z.enum(['市级', '县级']),
  seq: z.number(),
  name: z.string(),
  basinAreaKm2: z.number().nullable(),
  chief: z.string(),
  unit: z.string(),
  leader: z.string(),
  deadline: z.string(),
  note: z.string(),
  riverId: z.string(),
  section: z.string().nullable(),
  stage,
  county,
  deadlineMonth: z.string(),
  dueDate: z.string(),
  tier: z.string(),
  overdue: z.boolean(),
  daysPastDue: z.number(),
  updatedAt: z.string(),
  stageLabel: z.string(),
  searchKeys: z.string(),
});

/** A plan as GET /api/plans returns it. */
export type ApiPlan = z.infer<typeof apiPlanSchema>;

/** `GET /api/plans` filters (any subset; none answers the whole register). */
export const planQuery = z
  .object({
    q: z.string().max(100).optional(),
    level: z.enum(['市级', '县级']).optional(),
    county: z
      .string()
      .regex(/^4507\d\d$/)
      .optional(),
    unit: z.string().max(50).optional(),
    chief: z.string().max(50).optional(),
    stage: stage.optional(),
    overdue: z.enum(['true', 'false']).optional(),
    tier: z
      .string()
      .regex(/^\d{4}-\d{2}$/)
      .optional(),
  })
  .strict();

/**
 * The published layers as vector tiles (GET /tiles/published/{z}/{x}/{y}.pbf): their path, the zoom
 * they are cut to (the map over-zooms past it) and their layers.
 */
export const PUBLISHED_TILES = {
  path: '/tiles/published/',
  maxzoom: 14,
  zones: 'zones',
  markers: 'markers',
} as const;

/** GET /api/config */
export const apiConfigSchema = z.object({
  demo: z.boolean(),
  tiandituKey: z.string().nullable(),
  now: z.string(),
  /** how the map reads the published zones and markers: one GeoJSON each, or vector tiles (large) */
  publishedLayer: z.enum(['geojson', 'tiles']),
});

/** GET /api/config */
export type ApiConfig = z.infer<typeof apiConfigSchema>;

/** `POST /api/plans/:id/stage` (a send-back needs a comment) */
export const stageBody = z
  .object({
    to: stage,
    comment: z.string().max(2000).optional(),
  })
  .strict();

/** What a stage move answers: the event written. */
export const stageEventSchema = z.object({
  planId: z.string(),
  from: stage,
  to: stage,
  actor: z.string(),
  comment: z.string(),
  at: z.string(),
});

// a message the client renders in its language (src/contract/messages)
const message = z.custom<Message>(
  (v) => typeof v === 'object' && v !== null && typeof (v as { code?: unknown }).code === 'string',
);
/** a sign-off: the version, the account (`by`), its display name (`byName`, 高朴) and when */
const signOff = z.object({
  version: z.number(),
  by: z.string(),
  byName: z.string(),
  at: z.string(),
});

/**
 * GET /api/plans/:id/signoffs: the river chief's standing sign-offs at 审核确定 and 成果文件制作与验收
 * (null where none stands), the newest saved version, and the version a publication would publish
 * (null, with the reason, when none may be published now).
 */
export const signOffsSchema = z.object({
  review: signOff.nullable(),
  acceptance: signOff.nullable(),
  latest: z.number().nullable(),
  publishable: z.number().nullable(),
  reason: message.nullable(),
});

/** The sign-offs of a plan as the panel shows them. */
export type PlanSignOffs = z.infer<typeof signOffsSchema>;

/** `POST /api/plans/:id/publish` */
export const publishBody = z.object({ comment: z.string().max(2000).optional() }).strict();

/** What POST /api/plans/:id/publish answers (zones and markers are counts). */
export const publicationSchema = z.object({
  planId: z.string(),
  version: z.number(),
  etag: z.string(),
  publishedAt: z.string(),
  publishedBy: z.string(),
  zones: z.number(),
  markers: z.number(),
  /** the markers by kind, counted as the notice counts them (`countMarkers`) */
  markerCounts: z.object({ boundary: z.number(), noticeBoard: z.number(), total: z.number() }),
  /** what publishing warns of, in the request's language (a work whose range is 尚未设置) */
  warnings: z.array(z.string()).optional(),
});

/**
 * `POST /api/plans/:id/comments` (lon and lat together or not at all); `objection`: the author
 * marks it 异议 (a chief's pinned comment is one anyway, src/domain/workflow/objections.ts).
 */
export const commentBody = z
  .object({
    text: z.string().trim().min(1).max(2000),
    lon: lon.optional(),
    lat: lat.optional(),
    objection: z.boolean().optional(),
  })
  .strict()
  .refine((b) => (b.lon === undefined) === (b.lat === undefined), {
    params: { code: 'register.lonLatTogether' },
    path: ['lat'],
  });

/**
 * A comment on a plan; `lon`/`lat` are set when it is pinned to a place. `author` is the account,
 * `authorName` its display name; `version` the newest saved version when it was made; an
 * objection (异议) blocks publishing that version until it is resolved with a reply.
 */
export const commentSchema = z.object({
  id: z.number(),
  planId: z.string(),
  author: z.string(),
  authorName: z.string(),
  text: z.string(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  at: z.string(),
  version: z.number().nullable(),
  objection: z.boolean(),
  resolution: z
    .object({ reply: z.string(), by: z.string(), byName: z.string(), at: z.string() })
    .nullable(),
});

/** `POST /api/plans/:id/comments/:cid/resolve`: the planner's reply. */
export const resolveBody = z.object({ reply: z.string().trim().min(1).max(2000) }).strict();

/** `GET /api/plans/:id/history`: the stage moves, oldest first, with who by display name. */
export const stageHistorySchema = z.array(
  z.object({
    from: stage,
    to: stage,
    by: z.string(),
    at: z.string(),
    version: z.number().nullable(),
    comment: z.string(),
  }),
);

/** A stage move as the panel's history lists it. */
export type StageHistoryEntry = z.infer<typeof stageHistorySchema>[number];

/** A comment on a plan. */
export type PlanComment = z.infer<typeof commentSchema>;

/** `GET /api/audit[?plan=:id]` */
export const auditQuery = z.object({ plan: planId.optional() }).strict();

export { lat, lon, planId };
