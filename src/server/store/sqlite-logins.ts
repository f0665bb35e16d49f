// The login throttle's failure counts in the SQLite store: one row per failure and key, shared by
// every process on the file; rows leave the table when they leave the window.
import type Database from 'better-sqlite3';
import type { LoginAttempt, LoginCount, Store } from './store';

/** countLoginFailure and forgiveLogin on the `login_failures` table. */
export function loginMethods(
  db: Database.Database,
): Pick<Store, 'countLoginFailure' | 'forgiveLogin'> {
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
  return {
    async countLoginFailure(attempt) {
      return count.immediate(attempt);
    },
    async forgiveLogin(clearKey, ids) {
      forgive.immediate(clearKey, ids);
    },
  };
}
