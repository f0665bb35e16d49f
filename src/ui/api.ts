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

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: string } | null;
    throw new Error(body?.error ?? `${path}: HTTP ${res.status}`);
  }
  return (await res.json()) as T;
}

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
