// Login throttling, in memory (per process; a restart forgets it): failed logins are counted per
// (username, address) pair, per username and per client address in a sliding window; over a limit,
// logins wait. A stranger who guesses a user's password from elsewhere locks out only their own
// pair, not the user at the user's usual address, until the much higher per-username ceiling (a
// guess spread over many addresses). An attempt counts as failed from the moment it starts (so that
// parallel guesses cannot slip through while the password hash is being checked) until it succeeds.

/** The limits within 15 minutes: 5 failures per (username, address), 50 per username, 20 per address. */
const WINDOW_MS = 15 * 60 * 1000;
const PER_PAIR = 5;
const PER_USERNAME = 50;
const PER_ADDRESS = 20;
/** Bound on remembered keys so that a flood of usernames cannot grow memory without end. */
const MAX_KEYS = 10_000;

/** An attempt may go ahead (and is forgiven if it succeeds), or must wait `retryAfter` seconds. */
type Attempt = { ok: true; succeed: () => void } | { ok: false; retryAfter: number };

/** Counts failed logins and says when the next attempt may come. */
export interface LoginThrottle {
  attempt(username: string, address: string): Attempt;
}

/** A throttle on a clock (the server's, so tests can move time). */
export function createLoginThrottle(clock: () => Date): LoginThrottle {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number): number[] => {
    const kept = (failures.get(key) ?? []).filter((t) => t > now - WINDOW_MS);
    if (kept.length) failures.set(key, kept);
    else failures.delete(key);
    return kept;
  };
  const wait = (key: string, limit: number, now: number): number => {
    const times = recent(key, now);
    if (times.length < limit) return 0;
    // the next attempt may come when the failure that keeps the count at the limit leaves the window
    const oldest = times[times.length - limit] ?? now;
    return Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000));
  };
  const add = (key: string, now: number) => {
    if (failures.size >= MAX_KEYS) for (const k of [...failures.keys()]) recent(k, now);
    if (failures.size >= MAX_KEYS && !failures.has(key)) return;
    failures.set(key, [...recent(key, now), now]);
  };
  const removeOne = (key: string, at: number) => {
    const times = failures.get(key) ?? [];
    const i = times.lastIndexOf(at);
    if (i >= 0) failures.set(key, times.toSpliced(i, 1));
  };
  return {
    attempt(username, address) {
      const now = clock().getTime();
      const name = username.toLowerCase();
      const pair = `p:${address}|${name}`;
      const user = `u:${name}`;
      const addr = `a:${address}`;
      const retryAfter = Math.max(
        wait(pair, PER_PAIR, now),
        wait(user, PER_USERNAME, now),
        wait(addr, PER_ADDRESS, now),
      );
      if (retryAfter > 0) return { ok: false, retryAfter };
      for (const key of [pair, user, addr]) add(key, now);
      return {
        ok: true,
        // a success clears its pair's failures and takes back its own count for the name and the
        // address (failures from other addresses still count towards the name's ceiling)
        succeed: () => {
          failures.delete(pair);
          removeOne(user, now);
          removeOne(addr, now);
        },
      };
    },
  };
}
