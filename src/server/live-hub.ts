// One poller per process for live updates (issue 19): the store is the source of truth, so that
// several processes on one database all hear every change. While any page listens, the hub reads
// the newest audit id about once a second; when it grew, it reads the entries since the last one,
// turns them into events (with display names and the plans they concern) and hands them to every
// listener, which filters them for its reader.
import type { PlanRecord } from '../domain/plans/plan';
import type { LiveEvent } from '../domain/workflow/live-events';
import { liveEventOf } from '../domain/workflow/live-events';
import { displayNames } from './display-names';
import type { Store } from './store/store';

/** Events since the last poll and the plans they concern. */
export interface LiveBatch {
  events: LiveEvent[];
  plans: ReadonlyMap<string, PlanRecord>;
}

/** What the poller cost so far (for the bench and the report). */
export interface LiveStats {
  polls: number;
  queries: number;
  listeners: number;
}

/** The process's hub. */
export interface LiveHub {
  /** Starts the poller with the first listener; returns the unsubscribe (the last stops it). */
  subscribe(listener: (batch: LiveBatch) => void): () => void;
  /** The events after `afterId` (a reconnecting page's Last-Event-ID), at most `limit` entries. */
  since(afterId: number, limit: number): Promise<LiveBatch & { more: boolean }>;
  /** The newest audit id now. */
  revision(): Promise<number>;
  stats(): LiveStats;
}

/** Entries read per query while catching up. */
const PAGE = 200;

/** A hub over `store`, polling every `intervalMs` while anyone listens. */
export function createLiveHub(store: Store, intervalMs = 1000): LiveHub {
  const listeners = new Set<(batch: LiveBatch) => void>();
  const stats = { polls: 0, queries: 0 };
  let last: number | null = null;
  let timer: NodeJS.Timeout | null = null;
  let polling = false;

  const batchOf = async (afterId: number, limit: number) => {
    const entries = await store.auditSince(afterId, limit);
    stats.queries++;
    if (entries.length === 0) return { events: [], plans: new Map(), more: false, lastId: afterId };
    const [nameOf, rows] = await Promise.all([displayNames(store), store.listPlans()]);
    stats.queries += 2;
    const events = entries
      .map((e) => liveEventOf(e, nameOf))
      .filter((e): e is LiveEvent => e !== null);
    const plans = new Map(rows.map((r) => [r.record.id, r.record]));
    const lastId = entries.at(-1)?.id ?? afterId;
    return { events, plans, more: entries.length === limit, lastId };
  };

  const poll = async () => {
    if (polling) return;
    polling = true;
    try {
      stats.polls++;
      const rev = await store.revision();
      stats.queries++;
      if (last === null || rev < last) last = rev;
      while (rev > last) {
        const batch = await batchOf(last, PAGE);
        last = batch.lastId;
        if (batch.events.length > 0) for (const l of listeners) l(batch);
        if (!batch.more) break;
      }
    } catch {
      // the store is closing (shutdown) or busy: the next poll tries again
    } finally {
      polling = false;
    }
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!timer) {
        last = null;
        void poll();
        timer = setInterval(() => void poll(), intervalMs);
        timer.unref();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer) {
          clearInterval(timer);
          timer = null;
        }
      };
    },
    async since(afterId, limit) {
      const { events, plans, more } = await batchOf(afterId, limit);
      return { events, plans, more };
    },
    revision: () => store.revision(),
    stats: () => ({ ...stats, listeners: listeners.size }),
  };
}
