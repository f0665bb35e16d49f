import type { Actor, UserActor } from '../domain/access/actor';
import type { PlanView } from '../domain/plans/plan';
import type { PlanSummary } from '../domain/plans/summarize-plans';
import type { RiverView } from '../domain/rivers/waterbody';

/** A plan as GET /api/plans returns it. */
export type ApiPlan = PlanView & { stageLabel: string; searchKeys: string };

/** GET /api/config */
export interface ApiConfig {
  demo: boolean;
  tiandituKey: string | null;
  now: string;
}

/**
 * A refusal of the API: its status, the server's plain message, Retry-After on a 429, and the
 * JSON body (e.g. a 400's `field` and `reasons`, a 409's `current`).
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

/** A logged-in session as GET /api/me and POST /api/login return it. */
export interface Session {
  actor: UserActor;
  csrf: string;
}

/**
 * A JSON request. Writes carry the session's CSRF token and a JSON body; a refusal throws an
 * ApiError with the server's message.
 */
export async function requestJson<T>(
  path: string,
  init: { method?: 'GET' | 'POST' | 'PUT'; body?: unknown; csrf?: string | null } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.csrf) headers['x-csrf-token'] = init.csrf;
  const res = await fetch(path, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
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
  return (await res.json()) as T;
}

const getJson = <T>(path: string): Promise<T> => requestJson<T>(path);

/** The session of this browser (GET /api/me), or null for the public. */
export async function fetchMe(): Promise<Session | null> {
  const me = await getJson<{ actor: Actor; csrf: string | null }>('/api/me');
  return me.actor.kind === 'user' && me.csrf ? { actor: me.actor, csrf: me.csrf } : null;
}

/** The register again, after a change (GET /api/plans). */
export const loadPlans = (): Promise<ApiPlan[]> => getJson<ApiPlan[]>('/api/plans');

/** What the first screen needs. */
interface Register {
  plans: ApiPlan[];
  rivers: RiverView[];
  config: ApiConfig;
}

/**
 * Everything the first screen needs: from the page itself when the server embedded it, else in one
 * round of requests.
 */
export async function loadRegister(): Promise<Register> {
  const embedded = document.getElementById('hejie-initial')?.textContent;
  if (embedded) return JSON.parse(embedded) as Register;
  const [plans, rivers, config] = await Promise.all([
    getJson<ApiPlan[]>('/api/plans'),
    getJson<RiverView[]>('/api/rivers'),
    getJson<ApiConfig>('/api/config'),
  ]);
  return { plans, rivers, config };
}

export type { PlanSummary };
