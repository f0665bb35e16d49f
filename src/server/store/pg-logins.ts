// The login throttle's failure counts in the PostgreSQL store: one row per failure and key, shared
// by every instance; an advisory lock makes count-and-add one step across instances, so parallel
// guesses on several instances cannot all slip under a limit.
import type { PgDb } from './pg-db';
import type { Store } from './store';

// pg_advisory_xact_lock key of the login throttle ("logi")
const LOGIN_LOCK = 0x6c6f6769;

/** countLoginFailure and forgiveLogin on the `login_failures` table. */
export function pgLoginMethods(db: PgDb): Pick<Store, 'countLoginFailure' | 'forgiveLogin'> {
  return {
    countLoginFailure({ keys, since, at, maxKeys }) {
      return db.tx(async (q) => {
        await q('SELECT pg_advisory_xact_lock($1)', [LOGIN_LOCK]);
        await q('DELETE FROM login_failures WHERE at <= $1', [since]);
        const rows = await q<{ key: string; at: number }>(
          'SELECT key, at FROM login_failures WHERE key = ANY($1) ORDER BY at, id',
          [keys.map((k) => k.key)],
        );
        const times = keys.map((k) => rows.filter((r) => r.key === k.key).map((r) => r.at));
        if (keys.some((k, i) => (times[i]?.length ?? 0) >= k.limit))
          return { ok: false as const, times };
        let known: number | null = null;
        const ids: number[] = [];
        for (const [i, { key }] of keys.entries()) {
          if (!times[i]?.length) {
            if (known === null) {
              const [row] = await q<{ n: number }>(
                'SELECT count(DISTINCT key) AS n FROM login_failures',
              );
              known = row?.n ?? 0;
            }
            if (known >= maxKeys) continue;
            known++;
          }
          const [row] = await q<{ id: number }>(
            'INSERT INTO login_failures (key, at) VALUES ($1, $2) RETURNING id',
            [key, at],
          );
          if (row) ids.push(row.id);
        }
        return { ok: true as const, ids };
      });
    },
    async forgiveLogin(clearKey, ids) {
      await db.tx(async (q) => {
        await q('DELETE FROM login_failures WHERE key = $1 OR id = ANY($2)', [clearKey, [...ids]]);
      });
    },
  };
}
