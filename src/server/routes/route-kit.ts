// What every plan route needs: JSON errors as the API contract says, zod-checked bodies and queries,
// and the plan a request is about.
import type { Context } from 'hono';
import type { z } from 'zod';
import type { PlanAccess } from '../../domain/access/permissions';
import type { AppEnv, ServerDeps } from '../auth/context';
import type { PlanRow } from '../store/store';

type Ctx = Context<AppEnv>;
type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413;

/** A JSON error `{ error, field? }` (never a stack trace). */
export function fail(c: Ctx, status: ErrorStatus, error: string, field?: string): Response {
  return c.json(field === undefined ? { error } : { error, field }, status);
}

/** 401 for the public (log in first), 403 for a logged-in account that may not. */
export function refuse(c: Ctx, what: string): Response {
  return c.get('actor')?.kind === 'user'
    ? fail(c, 403, `you may not ${what}`)
    : fail(c, 401, `log in to ${what}`);
}

/** A 400 naming the first invalid field of a zod error. */
function invalid(c: Ctx, error: z.ZodError, fallback: string): Response {
  const issue = error.issues[0];
  // an unknown key is named itself, not its parent object
  const path = [
    ...(issue?.path ?? []),
    ...(issue?.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : []),
  ];
  const field = path.length > 0 ? path.map(String).join('.') : fallback;
  return fail(c, 400, `${field}: ${issue?.message ?? 'invalid'}`, field);
}

/** The JSON body checked by a schema, or the 400 to answer (an empty body reads as `{}`). */
export async function readBody<T>(
  c: Ctx,
  schema: z.ZodType<T>,
): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  const text = await c.req.text();
  let raw: unknown = {};
  if (text.trim() !== '') {
    try {
      raw = JSON.parse(text);
    } catch {
      return { ok: false, response: fail(c, 400, 'the body is not valid JSON', 'body') };
    }
  }
  const parsed = schema.safeParse(raw);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, response: invalid(c, parsed.error, 'body') };
}

/** The query checked by a schema, or the 400 to answer. */
export function readQuery<T>(
  c: Ctx,
  schema: z.ZodType<T>,
): { ok: true; value: T } | { ok: false; response: Response } {
  const parsed = schema.safeParse(c.req.query());
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, response: invalid(c, parsed.error, 'query') };
}

/** A plan row and what the permission rules read from it. */
export interface PlanHit {
  row: PlanRow;
  access: PlanAccess;
}

/** The plan `:id` names, or the 404 to answer. */
export async function findPlan(
  c: Ctx,
  deps: ServerDeps,
): Promise<{ ok: true; plan: PlanHit } | { ok: false; response: Response }> {
  const id = c.req.param('id') ?? '';
  const row = /^(city|county)-\d{2}$/.test(id) ? await deps.store.getPlan(id) : null;
  if (!row) return { ok: false, response: fail(c, 404, `no plan "${id}"`) };
  return { ok: true, plan: { row, access: row.record } };
}

/** How the audit log and versions name an account. */
export function actorName(c: Ctx): string {
  const actor = c.get('actor');
  return actor?.kind === 'user' ? actor.username : 'public';
}
