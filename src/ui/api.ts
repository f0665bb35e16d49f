import type { z } from 'zod';
import type { Lang } from '../contract/messages/lang';
import type { ApiConfig, ApiPlan } from '../contract/plans';
import type { Session } from '../contract/session';
import { msg } from '../domain/message';
import type { PlanSummary } from '../domain/plans/summarize-plans';
import type { RiverView } from '../domain/rivers/waterbody';

export type { ApiConfig, ApiPlan, PlanSummary, Session };

/**
 * A refusal of the API: its status, the server's message (in the UI's language), Retry-After on a
 * 429, and the JSON body (e.g. a 400's `code`, `field` and `reasons`, a 409's `current`).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfter: number | null = null,
    readonly body: Record<string, unknown> | null = null,
  ) {
    super(message);
  }
}

/** The UI's language (the switch in the header keeps it in localStorage 'hejie.lang'). */
function uiLang(): Lang {
  return globalThis.localStorage?.getItem('hejie.lang') === 'en' ? 'en' : 'zh';
}

/**
 * The first screen's schemas: a chunk of its own (zod and the contract), asked for at once so that
 * it loads while the first requests are on the wire.
 */
const firstScreen = import('./api-contract');

/**
 * An answer that does not have the form the contract says: a clear error, never a crash later (the
 * catalogs load only for it: the first screen does not carry them).
 */
async function unexpected(path: string, status: number, error: z.ZodError): Promise<ApiError> {
  const field = error.issues[0]?.path.map(String).join('.') || '(root)';
  const { renderMessage } = await import('../contract/messages/render');
  return new ApiError(status, renderMessage(msg('register.badAnswer', { path, field }), uiLang()));
}

/**
 * A JSON request, its answer parsed with `schema` (src/contract). Every request says the UI's
 * language (Accept-Language), so the server's refusals come back in it; writes carry the session's
 * CSRF token and a JSON body (or a form, sent as multipart as it is); a refusal throws an ApiError
 * with the server's message.
 */
export async function requestJson<S extends z.ZodType>(
  path: string,
  schema: S | PromiseLike<S>,
  init: { method?: 'GET' | 'POST' | 'PUT' | 'PATCH'; body?: unknown; csrf?: string | null } = {},
): Promise<z.output<S>> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': uiLang() === 'en' ? 'en' : 'zh-CN',
  };
  const form = init.body instanceof FormData ? init.body : null;
  if (init.body !== undefined && !form) headers['content-type'] = 'application/json';
  if (init.csrf) headers['x-csrf-token'] = init.csrf;
  const res = await fetch(path, {
    method: init.method ?? 'GET',
    headers,
    body: form ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
    const wait = Number(res.headers.get('retry-after'));
    throw new ApiError(
      res.status,
      typeof body?.error === 'string' ? body.error : `${path}: HTTP ${res.status}`,
      Number.isFinite(wait) && wait > 0 ? wait : null,
      body !== null && typeof body === 'object' && !Array.isArray(body) ? body : null,
    );
  }
  const parsed = (await schema).safeParse(await res.json().catch(() => undefined));
  if (!parsed.success) throw await unexpected(path, res.status, parsed.error);
  return parsed.data as z.output<S>;
}

/** The session of this browser (GET /api/me), or null for the public. */
export async function fetchMe(): Promise<Session | null> {
  const me = await requestJson(
    '/api/me',
    firstScreen.then((c) => c.meSchema),
  );
  return me.actor.kind === 'user' && me.csrf ? { actor: me.actor, csrf: me.csrf } : null;
}

/** The register again, after a change (GET /api/plans). */
export const loadPlans = (): Promise<ApiPlan[]> =>
  requestJson(
    '/api/plans',
    firstScreen.then((c) => c.plansSchema),
  );

/** The rivers again, as the session sees them (their river courses depend on who asks). */
export const loadRivers = (): Promise<RiverView[]> =>
  requestJson(
    '/api/rivers',
    firstScreen.then((c) => c.riversSchema),
  );

/** What the first screen needs. */
type Register = { plans: ApiPlan[]; rivers: RiverView[]; config: ApiConfig };

/**
 * Everything the first screen needs: from the page itself when the server embedded it, else in one
 * round of requests.
 */
export async function loadRegister(): Promise<Register> {
  const embedded = document.getElementById('hejie-initial')?.textContent;
  if (embedded) {
    const schema = await firstScreen.then((m) => m.registerSchema);
    const parsed = schema.safeParse(JSON.parse(embedded));
    if (!parsed.success) throw await unexpected('/', 200, parsed.error);
    return parsed.data;
  }
  const [plans, rivers, config] = await Promise.all([
    requestJson(
      '/api/plans',
      firstScreen.then((m) => m.plansSchema),
    ),
    requestJson(
      '/api/rivers',
      firstScreen.then((m) => m.riversSchema),
    ),
    requestJson(
      '/api/config',
      firstScreen.then((m) => m.apiConfigSchema),
    ),
  ]);
  return { plans, rivers, config };
}
