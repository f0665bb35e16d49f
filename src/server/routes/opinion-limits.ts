// How many opinions one address may send during a public display (issue 13): a few a minute from an
// address, and a daily ceiling per address and plan. The counts are in the store (issue 15), so
// several server processes on one database share them and a restart keeps them. A submission is
// counted when it is about to be stored, so refusals (invalid text, period over) cost nothing, and
// the store counts and adds in one transaction, so parallel submissions cannot slip past the count.
import type { Store } from '../store/store';

/** At most 5 opinions a minute from one address, and 20 a day per address and plan. */
export const OPINION_LIMITS = { perMinute: 5, perDay: 20 } as const;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Bound on remembered keys, so that a flood of addresses cannot grow the table without end. */
const MAX_KEYS = 50_000;

/** A submission may be stored, or must wait `retryAfter` seconds (`per`: the limit it hit). */
export type OpinionTake =
  | { ok: true }
  | { ok: false; retryAfter: number; per: 'minute' | 'day'; max: number };

/** Counts stored opinions per address and per (address, plan). */
export interface OpinionLimits {
  take(address: string, planId: string): Promise<OpinionTake>;
}

/** Limits over the store's counts, on a clock (the server's, so tests can move time). */
export function createOpinionLimits(store: Store, clock: () => Date): OpinionLimits {
  return {
    async take(address, planId) {
      const now = clock().getTime();
      const limits = [
        { per: 'minute' as const, window: MINUTE_MS, max: OPINION_LIMITS.perMinute },
        { per: 'day' as const, window: DAY_MS, max: OPINION_LIMITS.perDay },
      ];
      const counted = await store.countOpinion({
        keys: [
          { key: `m:${address}`, limit: OPINION_LIMITS.perMinute, since: now - MINUTE_MS },
          { key: `d:${address}|${planId}`, limit: OPINION_LIMITS.perDay, since: now - DAY_MS },
        ],
        at: now,
        maxKeys: MAX_KEYS,
      });
      if (counted.ok) return { ok: true };
      // the first limit reached says when: the opinion that keeps it full leaves its window
      for (const [i, { per, window, max }] of limits.entries()) {
        const times = counted.times[i] ?? [];
        if (times.length < max) continue;
        const oldest = times[times.length - max] ?? now;
        return {
          ok: false,
          retryAfter: Math.max(1, Math.ceil((oldest + window - now) / 1000)),
          per,
          max,
        };
      }
      return { ok: true };
    },
  };
}
