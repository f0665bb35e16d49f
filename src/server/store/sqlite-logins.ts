// The login throttle's failure counts and the public opinions' counts in the SQLite store: one row
// per event and key, shared by every process on the file; rows leave the table when they leave the
// window.
import type Database from 'better-sqlite3';
import type { LoginAttempt, LoginCount, OpinionAttempt, OpinionCount, Store } from './store';

/** countLoginFailure and forgiveLogin on `login_failures`, countOpinion on `opinion_counts`. */
export function loginMethods(
  db: Database.Database,
): Pick<Store, 'countLoginFailure' | 'forgiveLogin' | 'countOpinion'> {
  const forget = db.prepare('DELETE FROM login_failures WHERE at <= ?');
  const timesOf = db.prepare('SELECT at FROM login_failures WHERE key = ? ORDER BY at, id');
  const keyCount = db.prepare('SELECT count(DISTINCT key) AS n FROM login_failures');
  const insert = db.prepare('INSERT INTO login_failures (key, at) VALUES (?, ?)');
  const clear = db.prepare('DELETE FROM login_failures WHERE key = ?');
  const drop = db.prepare('DELETE FROM login_failures WHERE id = ?');
  const count = db.transaction(({ keys, since, at, maxKeys }: LoginAttempt): LoginCount => {
    forget.run(since);
    const times = keys.map((k) => (timesOf.all(k.key) as { at: number }[]).map((r) => r.at));
    if (keys.some((k, i) => (times[i]?.length ?? 0) >= k.limit)) return { ok: false, times };
    let known: number | null = null;
    const ids: number[] = [];
    for (const [i, { key }] of keys.entries()) {
      if (!times[i]?.length) {
        known ??= (keyCount.get() as { n: number }).n;
        if (known >= maxKeys) continue;
        known++;
      }
      ids.push(Number(insert.run(key, at).lastInsertRowid));
    }
    return { ok: true, ids };
  });
  const forgive = db.transaction((clearKey: string, ids: readonly number[]) => {
    clear.run(clearKey);
    for (const id of ids) drop.run(id);
  });
  const forgetOpinions = db.prepare('DELETE FROM opinion_counts WHERE at <= ?');
  const opinionTimes = db.prepare(
    'SELECT at FROM opinion_counts WHERE key = ? AND at > ? ORDER BY at, id',
  );
  const opinionKeys = db.prepare('SELECT count(DISTINCT key) AS n FROM opinion_counts');
  const opinionKnown = db.prepare('SELECT 1 FROM opinion_counts WHERE key = ? LIMIT 1');
  const addOpinion = db.prepare('INSERT INTO opinion_counts (key, at) VALUES (?, ?)');
  const opinion = db.transaction(({ keys, at, maxKeys }: OpinionAttempt): OpinionCount => {
    forgetOpinions.run(keys.reduce((a, k) => Math.min(a, k.since), Number.POSITIVE_INFINITY));
    const times = keys.map((k) =>
      (opinionTimes.all(k.key, k.since) as { at: number }[]).map((r) => r.at),
    );
    if (keys.some((k, i) => (times[i]?.length ?? 0) >= k.limit)) return { ok: false, times };
    let known: number | null = null;
    for (const { key } of keys) {
      if (!opinionKnown.get(key)) {
        known ??= (opinionKeys.get() as { n: number }).n;
        if (known >= maxKeys) continue;
        known++;
      }
      addOpinion.run(key, at);
    }
    return { ok: true };
  });
  return {
    async countOpinion(attempt) {
      return opinion.immediate(attempt);
    },
    async countLoginFailure(attempt) {
      return count.immediate(attempt);
    },
    async forgiveLogin(clearKey, ids) {
      forgive.immediate(clearKey, ids);
    },
  };
}
