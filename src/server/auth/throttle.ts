// Login throttling: failed logins are counted per (username, address) pair, per username and per
// client address in a sliding window; over a limit, logins wait. A stranger who guesses a user's
// password from elsewhere locks out only their own pair, not the user at the user's usual address,
// until the much higher per-username ceiling (a guess spread over many addresses). An attempt
// counts as failed from the moment it starts (so that parallel guesses cannot slip through while
// the password hash is being checked) until it succeeds. The counts live in the store (issue 15),
// so several server processes on one database share them and a restart keeps them.
import type { Store } from '../store/store';

/** The limits within 15 minutes: 5 failures per (username, address), 50 per username, 20 per address. */
const WINDOW_MS = 15 * 60 * 1000;
const PER_PAIR = 5;
const PER_USERNAME = 50;
const PER_ADDRESS = 20;
/** Bound on remembered keys so that a flood of usernames cannot grow the table without end. */
const MAX_KEYS = 10_000;

/** An attempt may go ahead (and is forgiven if it succeeds), or must wait `retryAfter` seconds. */
type Attempt = { ok: true; succeed: () => Promise<void> } | { ok: false; retryAfter: number };

/** Counts failed logins and says when the next attempt may come. */
export interface LoginThrottle {
  attempt(username: string, address: string): Promise<Attempt>;
}

/** A throttle over the store's failure counts, on a clock (the server's, so tests can move time). */
export function createLoginThrottle(store: Store, clock: () => Date): LoginThrottle {
  return {
    async attempt(username, address) {
      const now = clock().getTime();
      const name = username.toLowerCase();
      const pair = `p:${address}|${name}`;
      const keys = [
        { key: pair, limit: PER_PAIR },
        { key: `u:${name}`, limit: PER_USERNAME },
        { key: `a:${address}`, limit: PER_ADDRESS },
      ];
      const counted = await store.countLoginFailure({
        keys,
        since: now - WINDOW_MS,
        at: now,
        maxKeys: MAX_KEYS,
      });
      if (!counted.ok) {
        // the next attempt may come when the failure that keeps a count at its limit leaves the window
        let retryAfter = 0;
        for (const [i, { limit }] of keys.entries()) {
          const times = counted.times[i] ?? [];
          if (times.length < limit) continue;
          const oldest = times[times.length - limit] ?? now;
          retryAfter = Math.max(retryAfter, Math.ceil((oldest + WINDOW_MS - now) / 1000), 1);
        }
        return { ok: false, retryAfter };
      }
      return {
        ok: true,
        // a success clears its pair's failures and takes back its own count for the name and the
        // address (failures from other addresses still count towards the name's ceiling)
        succeed: () => store.forgiveLogin(pair, counted.ids),
      };
    },
  };
}
