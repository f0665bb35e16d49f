// What the public side of a published plan fetches: its notice, and whether this visitor may
// download its coordinate table. The server decides both; the UI only mirrors its answers.
import type { Actor } from '../../domain/access/actor';
import { canSeeCoordinates } from '../../domain/access/permissions';
import type { PublicNotice } from '../../domain/notice/build-notice';
import type { ApiPlan } from '../api';

/** A fetch that either gave its value or says why not. */
export type Fetched<T> = { ok: true; value: T } | { ok: false; error: string };

/** GET /api/plans/:id/notice */
export async function fetchNotice(
  planId: string,
  signal: AbortSignal,
): Promise<Fetched<PublicNotice>> {
  const path = `/api/plans/${encodeURIComponent(planId)}/notice`;
  try {
    const res = await fetch(path, { headers: { accept: 'application/json' }, signal });
    if (res.ok) return { ok: true, value: (await res.json()) as PublicNotice };
    const body = (await res.json().catch(() => null)) as { error?: string } | null;
    return { ok: false, error: body?.error ?? `${path}: HTTP ${res.status}` };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** Where a plan's published coordinate table (坐标成果表) is served. */
export function markersCsvPath(planId: string): string {
  return `/api/plans/${encodeURIComponent(planId)}/markers.csv`;
}

/**
 * Whether GET markers.csv is allowed for this visitor. An account that may see the plan's drafts
 * may (the pure rule says so without asking); anyone else only when an admin opened coordinates,
 * a setting the public cannot read: a HEAD request asks the server, which answers 200 or 403.
 */
export async function mayDownloadCoordinates(plan: ApiPlan, signal: AbortSignal): Promise<boolean> {
  try {
    const me = await fetch('/api/me', { headers: { accept: 'application/json' }, signal });
    const actor = me.ok ? ((await me.json()) as { actor: Actor }).actor : null;
    const context = { publicCoordinates: false, published: true };
    if (actor && canSeeCoordinates(actor, plan, context)) return true;
    const probe = await fetch(markersCsvPath(plan.id), { method: 'HEAD', signal });
    return probe.ok;
  } catch {
    // no answer is no permission: a link that may not work is worse than no link
    return false;
  }
}
