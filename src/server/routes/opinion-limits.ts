// How many opinions one address may send during a public display (issue 13), in memory (per process;
// a restart forgets it): a few a minute from an address, and a daily ceiling per address and plan.
// A submission is counted when it is about to be stored, so refusals (invalid text, period over)
// cost nothing and parallel submissions cannot slip past the count.

/** At most 5 opinions a minute from one address, and 20 a day per address and plan. */
export const OPINION_LIMITS = { perMinute: 5, perDay: 20 } as const;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Bound on remembered keys, so that a flood of addresses cannot grow memory without end. */
const MAX_KEYS = 50_000;

/** A submission may be stored, or must wait `retryAfter` seconds (`per`: the limit it hit). */
export type OpinionTake =
  | { ok: true }
  | { ok: false; retryAfter: number; per: 'minute' | 'day'; max: number };

/** Counts stored opinions per address and per (address, plan). */
export interface OpinionLimits {
  take(address: string, planId: string): OpinionTake;
}

/** Limits on a clock (the server's, so tests can move time). */
export function createOpinionLimits(clock: () => Date): OpinionLimits {
  const seen = new Map<string, number[]>();
  const recent = (key: string, window: number, now: number): number[] => {
    const kept = (seen.get(key) ?? []).filter((t) => t > now - window);
    if (kept.length > 0) seen.set(key, kept);
    else seen.delete(key);
    return kept;
  };
  const wait = (times: number[], limit: number, window: number, now: number): number => {
    if (times.length < limit) return 0;
    const oldest = times[times.length - limit] ?? now;
    return Math.max(1, Math.ceil((oldest + window - now) / 1000));
  };
  return {
    take(address, planId) {
      const now = clock().getTime();
      const minuteKey = `m:${address}`;
      const dayKey = `d:${address}|${planId}`;
      const minute = wait(
        recent(minuteKey, MINUTE_MS, now),
        OPINION_LIMITS.perMinute,
        MINUTE_MS,
        now,
      );
      if (minute > 0)
        return { ok: false, retryAfter: minute, per: 'minute', max: OPINION_LIMITS.perMinute };
      const day = wait(recent(dayKey, DAY_MS, now), OPINION_LIMITS.perDay, DAY_MS, now);
      if (day > 0) return { ok: false, retryAfter: day, per: 'day', max: OPINION_LIMITS.perDay };
      if (seen.size >= MAX_KEYS) {
        for (const k of [...seen.keys()]) recent(k, k.startsWith('m:') ? MINUTE_MS : DAY_MS, now);
        // still full: the oldest keys go (a refusal for lack of memory would block honest citizens)
        for (const k of [...seen.keys()].slice(0, seen.size - MAX_KEYS + 2)) seen.delete(k);
      }
      for (const key of [minuteKey, dayKey]) seen.set(key, [...(seen.get(key) ?? []), now]);
      return { ok: true };
    },
  };
}
