// The wire of accounts and settings (admin routes): request bodies and what the server answers.
import { z } from 'zod';
import { ACCOUNT_ROLES, checkPassword, checkUsername } from '../domain/access/account-rules';
import { checkSupervisionPhone } from '../domain/review/publish-settings';
import { withRule } from './refine';

/** Where a planner works: all plans, the city-level plans, or the plans of some counties. */
const scopeSchema = z
  .object({
    level: z.enum(['all', 'city', 'county']),
    counties: z.array(z.string().max(20)).max(20),
  })
  .strict();

const password = withRule(z.string().max(1000), checkPassword);

/** `POST /api/users` (the role-bound fields are checked against the register by the route) */
export const createUserBody = z
  .object({
    username: withRule(z.string().max(100), checkUsername),
    name: z.string().trim().min(1).max(50),
    role: z.enum(ACCOUNT_ROLES),
    person: z.string().trim().min(1).max(50).optional(),
    scope: scopeSchema.optional(),
    canPublish: z.boolean().optional(),
    organisation: z.string().trim().min(1).max(50).optional(),
    password,
  })
  .strict();

/** The revision an edit was made from (`revision` of the view): a stale one is refused (409). */
const base = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/** `PATCH /api/users/:id` (`disabled: false` enables a disabled account) */
export const patchUserBody = z
  .object({
    name: z.string().trim().min(1).max(50).optional(),
    disabled: z.boolean().optional(),
    scope: scopeSchema.optional(),
    canPublish: z.boolean().optional(),
    organisation: z.string().trim().min(1).max(50).optional(),
    password: password.optional(),
    base: base.optional(),
  })
  .strict();

/** `POST /api/me/password`: a user's own change, with the current password. */
export const ownPasswordBody = z
  .object({ current: z.string().min(1).max(1000), password })
  .strict();

/** An account as the API shows it: everything but the password hash. */
export const apiUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: z.enum(ACCOUNT_ROLES),
  person: z.string().nullable(),
  scope: scopeSchema,
  canPublish: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
  /** a department's organisation; null for the other roles */
  organisation: z.string().nullable(),
  /** changes with every change of the account: an edit sends it back as `base` */
  revision: z.string(),
});

/** An account as the API shows it. */
export type ApiUser = z.infer<typeof apiUserSchema>;

const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable().optional();

/** `PUT /api/settings` (null clears a text setting) */
export const settingsBody = z
  .object({
    publicCoordinates: z.boolean().optional(),
    tiandituKey: z
      .string()
      .regex(/^[A-Za-z0-9]{8,64}$/)
      .nullable()
      .optional(),
    noticeAuthority: optionalText(100),
    supervisionPhone: withRule(z.string().max(30), checkSupervisionPhone).nullable().optional(),
    displayDays: z.number().int().min(1).max(30).optional(),
    departmentCoordinates: z.boolean().optional(),
    supervisingUnit: optionalText(100),
    prohibitedActs: z.array(z.string().trim().min(1).max(200)).max(30).nullable().optional(),
    noticeBoard: z
      .object({
        widthCm: z.number().int().min(30).max(600),
        heightCm: z.number().int().min(20).max(400),
      })
      .strict()
      .optional(),
    base: base.optional(),
  })
  .strict();

/** The settings as an admin sees them (GET/PUT /api/settings). */
export const apiSettingsSchema = z.object({
  publicCoordinates: z.boolean(),
  tiandituKey: z.string().nullable(),
  noticeAuthority: z.string().nullable(),
  supervisionPhone: z.string().nullable(),
  displayDays: z.number(),
  departmentCoordinates: z.boolean(),
  supervisingUnit: z.string().nullable(),
  prohibitedActs: z.array(z.string()),
  noticeBoard: z.object({ widthCm: z.number(), heightCm: z.number() }),
});

/** The settings as an admin sees them. */
export type ApiSettings = z.infer<typeof apiSettingsSchema>;

/**
 * GET/PUT /api/settings: the settings with the revisions an edit sends back (`base` of the settings,
 * `?base=` of `PUT /api/rules`).
 */
export const adminSettingsSchema = apiSettingsSchema.extend({
  revision: z.string(),
  rulesRevision: z.string(),
});

/** `PUT /api/rules?base=` */
export const rulesQuery = z.object({ base: base.optional() }).strict();

/** `GET /api/admin/audit`: the newest entries, those whose target or actor contain the text. */
export const adminAuditQuery = z
  .object({
    target: z.string().trim().max(100).optional(),
    actor: z.string().trim().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
    /** only entries older than this id: the next page */
    before: z.coerce.number().int().min(1).optional(),
  })
  .strict();

/** An entry of the audit log as `GET /api/admin/audit` answers it. */
export const apiAuditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  detail: z.unknown(),
});

/** Routes that take no query (`GET /api/users`, `/api/settings`, `/api/rules`, …). */
export const noQuery = z.object({}).strict();
