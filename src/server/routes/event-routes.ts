// GET /api/events: server-sent events of changes to the plans the reader may read (issue 19). The
// session cookie authenticates; the public hears of publications and 公示 starts only. Every
// process's hub polls the store, so a change written through any process reaches every page.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { SSEStreamingApi } from 'hono/streaming';
import { streamSSE } from 'hono/streaming';
import type { Actor } from '../../domain/access/actor';
import { msg } from '../../domain/message';
import type { LiveEvent } from '../../domain/workflow/live-events';
import { eventFor } from '../../domain/workflow/live-events';
import type { AppEnv, ServerDeps } from '../auth/context';
import { actorOf } from '../auth/context';
import { clientAddress } from '../auth/request-info';
import type { LiveBatch, LiveHub } from '../live-hub';
import { fail } from './route-kit';

/** Open streams per session (or per address for the public): a few tabs, not a flood. */
const MAX_STREAMS = 6;
/** A comment line this often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;
/** At most this many entries are replayed after Last-Event-ID; beyond, the page reloads all. */
const REPLAY = 500;

/** The plans whose rounds consult a department account (read when a batch may concern them). */
async function consultedPlans(deps: ServerDeps, actor: Actor): Promise<ReadonlySet<string>> {
  if (actor.kind !== 'user' || actor.role !== 'department') return new Set();
  return new Set((await deps.store.consultationsOf(actor.id)).map((r) => r.planId));
}

/** Writes the events of a batch that the reader may receive, newer than `seen`; returns the newest. */
async function deliver(
  stream: SSEStreamingApi,
  deps: ServerDeps,
  actor: Actor,
  batch: LiveBatch,
  seen: number,
): Promise<number> {
  const fresh = batch.events.filter((e) => e.id > seen);
  if (fresh.length === 0) return seen;
  const consulted = await consultedPlans(deps, actor);
  for (const e of fresh) {
    const plan = e.planId === null ? null : (batch.plans.get(e.planId) ?? null);
    const out: LiveEvent | null = eventFor(actor, e, plan, consulted.has(e.planId ?? ''));
    if (out)
      await stream.writeSSE({ id: String(e.id), event: 'change', data: JSON.stringify(out) });
  }
  return Math.max(seen, ...fresh.map((e) => e.id));
}

/** Whether the stream's session still stands (not logged out, expired or its account disabled). */
async function sessionStands(deps: ServerDeps, c: Context<AppEnv>): Promise<boolean> {
  const session = c.get('session');
  if (!session) return true;
  const now = await deps.store.getSession(session.id);
  return now !== null && now.expiresAt > deps.clock().toISOString();
}

/** GET /api/events */
export function eventRoutes(deps: ServerDeps, hub: LiveHub): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const open = new Map<string, number>();

  app.get('/api/events', (c) => {
    const actor = actorOf(c);
    const key = c.get('session')?.id ?? `public:${clientAddress(c)}`;
    if ((open.get(key) ?? 0) >= MAX_STREAMS)
      return fail(c, 429, msg('live.events.tooMany', { max: MAX_STREAMS }));
    open.set(key, (open.get(key) ?? 0) + 1);
    const resumeAfter = Number(c.req.header('last-event-id'));
    c.header('cache-control', 'no-store');
    c.header('x-accel-buffering', 'no');
    return streamSSE(c, async (stream) => {
      let chain: Promise<unknown> = Promise.resolve();
      let seen = 0;
      const unsubscribe = hub.subscribe((batch) => {
        chain = chain.then(async () => {
          seen = await deliver(stream, deps, actor, batch, seen);
        });
      });
      const heartbeat = setInterval(() => {
        chain = chain.then(async () => {
          if (!(await sessionStands(deps, c))) return stream.abort();
          await stream.write(': heartbeat\n\n');
        });
      }, HEARTBEAT_MS);
      chain = chain.then(async () => {
        const now = await hub.revision();
        if (Number.isSafeInteger(resumeAfter) && resumeAfter >= 0 && resumeAfter < now) {
          const replay = await hub.since(resumeAfter, REPLAY);
          if (replay.more) await stream.writeSSE({ event: 'reload', data: '{}' });
          seen = await deliver(stream, deps, actor, replay, resumeAfter);
        }
        seen = Math.max(seen, now);
        await stream.writeSSE({ id: String(seen), event: 'ready', data: '{}', retry: 3000 });
      });
      await new Promise<void>((done) => stream.onAbort(done));
      clearInterval(heartbeat);
      unsubscribe();
      const left = (open.get(key) ?? 1) - 1;
      if (left > 0) open.set(key, left);
      else open.delete(key);
    });
  });
  return app;
}
