// The login throttle's failure counts and the public opinions' counts in the PostgreSQL store: one
// row per event and key, shared by every instance; an advisory lock makes count-and-add one step
// across instances, so parallel guesses (or opinions) on several instances cannot all slip under a
// limit.
import type { PgDb } from './pg-db';
import type { Store } from './store';

// pg_advisory_xact_lock key of the login throttle ("logi")
const LOGIN_LOCK = 0x6c6f6769;
// … and of the opinions' counts ("opin")
const OPINION_LOCK = 0x6f70696e;

/** countLoginFailure and forgiveLogin on `login_failures`, countOpinion on `opinion_counts`. */
export function pgLoginMethods(
  db: PgDb,
): Pick<Store, 'countLoginFailure' | 'forgiveLogin' | 'countOpinion'> {
  return {
    countOpinion({ keys, at, maxKeys }) {
      return db.tx(async (q) => {
        await q('SELECT pg_advisory_xact_lock($1)', [OPINION_LOCK]);
        await q('DELETE FROM opinion_counts WHERE at <= $1', [
          keys.reduce((a, k) => Math.min(a, k.since), Number.POSITIVE_INFINITY),
        ]);
        const rows = await q<{ key: string; at: number }>(
          'SELECT key, at FROM opinion_counts WHERE key = ANY($1) ORDER BY at, id',
          [keys.map((k) => k.key)],
        );
        const times = keys.map((k) =>
          rows.filter((r) => r.key === k.key && r.at > k.since).map((r) => r.at),
        );
        if (keys.some((k, i) => (times[i]?.length ?? 0) >= k.limit))
          return { ok: false as const, times };
        let known: number | null = null;
        for (const { key } of keys) {
          if (!rows.some((r) => r.key === key)) {
            if (known === null) {
              const [row] = await q<{ n: number }>(
                'SELECT count(DISTINCT key)::int AS n FROM opinion_counts',
              );
              known = row?.n ?? 0;
            }
            if (known >= maxKeys) continue;
            known++;
          }
          await q('INSERT INTO opinion_counts (key, at) VALUES ($1, $2)', [key, at]);
        }
        return { ok: true as const };
      });
    },
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
