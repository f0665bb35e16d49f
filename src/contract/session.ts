// The wire of a session: who is asking (GET /api/me) and a login's answer.
import { z } from 'zod';
import { ACCOUNT_ROLES } from '../domain/access/account-rules';

const userActor = z.object({
  kind: z.literal('user'),
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: z.enum(ACCOUNT_ROLES),
  person: z.string().nullable(),
  scope: z.object({
    level: z.enum(['all', 'city', 'county']),
    counties: z.array(z.string()),
  }),
  canPublish: z.boolean(),
  /** a department's organisation (e.g. 市生态环境局); null for the other roles */
  organisation: z.string().nullable().optional(),
});

/** A logged-in session as POST /api/login returns it. */
export const sessionSchema = z.object({ actor: userActor, csrf: z.string() });

/** A logged-in session. */
export type Session = z.infer<typeof sessionSchema>;

/** GET /api/me: the public (no csrf) or a session. */
export const meSchema = z.object({
  actor: z.union([z.object({ kind: z.literal('public') }), userActor]),
  csrf: z.string().nullable(),
});

/** What POST /api/logout answers. */
export const logoutSchema = z.object({ ok: z.boolean() });
