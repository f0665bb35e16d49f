// What every route needs: JSON errors as the API contract says (a message rendered in the request's
// language, with its code and parameters), zod-checked bodies and queries, and the plan a request is
// about.
import type { Context } from 'hono';
import type { z } from 'zod';
import { type Lang, langOfAcceptLanguage } from '../../contract/messages/lang';
import { renderMessage } from '../../contract/messages/render';
import type { PlanAccess } from '../../domain/access/permissions';
import { type Message, msg } from '../../domain/message';
import type { AppEnv, ServerDeps } from '../auth/context';
import type { PlanRow } from '../store/store';

type Ctx = Context<AppEnv>;
type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500 | 503;

/** The request's language: `Accept-Language`, Chinese by default. */
function langOf(c: Context): Lang {
  return langOfAcceptLanguage(c.req.header('accept-language'));
}

/** What `fail` may add to the error: the field at fault, the reasons, and any other JSON fields. */
export interface FailExtra {
  field?: string;
  reasons?: readonly Message[];
  [key: string]: unknown;
}

/**
 * The JSON error body `{error, code, params, field?, reasons?}` in the request's language: `error`
 * is the message rendered, `reasons` each reason rendered (never a stack trace).
 */
function errorBody(c: Context, message: Message, extra: FailExtra = {}) {
  const lang = langOf(c);
  const { reasons, ...rest } = extra;
  return {
    error: renderMessage(message, lang),
    code: message.code,
    params: message.params ?? {},
    ...rest,
    ...(reasons ? { reasons: reasons.map((r) => renderMessage(r, lang)) } : {}),
  };
}

/** An error response in the request's language (see `errorBody`). */
export function fail(
  c: Context,
  status: ErrorStatus,
  message: Message,
  extra: FailExtra = {},
): Response {
  return c.json(errorBody(c, message, extra), status);
}

/** A computation the pool did not do (queue full, or over the time budget): 503 with Retry-After. */
export function computeRefused(c: Context, why: 'busy' | 'late', retryAfter: number): Response {
  c.header('retry-after', String(retryAfter));
  return fail(
    c,
    503,
    msg(why === 'busy' ? 'server.compute.busy' : 'server.compute.late', {
      seconds: retryAfter,
    }),
  );
}

/** 401 for the public (log in first), 403 for a logged-in account that may not. */
export function refuse(c: Ctx, what: Message): Response {
  return c.get('actor')?.kind === 'user'
    ? fail(c, 403, msg('common.mayNot', { what }))
    : fail(c, 401, msg('common.logInTo', { what }));
}

/** The message of a zod issue: its code and the bounds or values it names, never zod's English. */
function issueMessage(issue: z.core.$ZodIssue | undefined): Message {
  if (!issue) return msg('common.invalid.value');
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? msg('common.invalid.missing')
        : msg('common.invalid.type', { expected: issue.expected });
    case 'too_big':
      return msg(issue.origin === 'string' ? 'common.invalid.tooLong' : 'common.invalid.tooBig', {
        max: Number(issue.maximum),
      });
    case 'too_small':
      return msg(
        issue.origin === 'string' ? 'common.invalid.tooShort' : 'common.invalid.tooSmall',
        {
          min: Number(issue.minimum),
        },
      );
    case 'invalid_value':
      return msg('common.invalid.oneOf', { values: issue.values.map(String).join(' | ') });
    case 'invalid_format':
      return msg('common.invalid.format', { format: issue.format });
    case 'unrecognized_keys':
      return msg('common.invalid.unknownKey');
    case 'custom': {
      // a refinement says what is wrong with a code of its own: `.refine(f, { params: { code } })`
      const code = (issue.params as { code?: unknown } | undefined)?.code;
      return typeof code === 'string'
        ? { code, params: (issue.params as { values?: Message['params'] }).values ?? {} }
        : msg('common.invalid.value');
    }
    default:
      return msg('common.invalid.value');
  }
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
  return fail(c, 400, msg('common.invalidField', { field, why: issueMessage(issue) }), { field });
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
      return {
        ok: false,
        response: fail(c, 400, msg('common.bodyNotJson'), { field: 'body' }),
      };
    }
  }
  const parsed = schema.safeParse(raw);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, response: invalid(c, parsed.error, 'body') };
}

/** Values read otherwise (a form's text fields) checked by a schema, or the 400 to answer. */
export function checkValue<T>(
  c: Ctx,
  schema: z.ZodType<T>,
  raw: unknown,
): { ok: true; value: T } | { ok: false; response: Response } {
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
  if (!row) return { ok: false, response: fail(c, 404, msg('common.noPlan', { id })) };
  return { ok: true, plan: { row, access: row.record } };
}

/** How the audit log and versions name an account. */
export function actorName(c: Ctx): string {
  const actor = c.get('actor');
  return actor?.kind === 'user' ? actor.username : 'public';
}

/**
 * `Content-Disposition` for a download: an ASCII fallback name and the real one as RFC 5987
 * `filename*` (UTF-8, percent-encoded).
 */
export function disposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
