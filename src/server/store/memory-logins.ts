// The login throttle's failure counts in the memory twin (see sqlite-logins.ts).
import type { Store } from './store';

type Failure = { id: number; at: number };

/** countLoginFailure, forgiveLogin and countOpinion in memory. */
export function memoryLogins(): Pick<Store, 'countLoginFailure' | 'forgiveLogin' | 'countOpinion'> {
  const failures = new Map<string, Failure[]>();
  const opinions = new Map<string, number[]>();
  let next = 1;
  const recent = (key: string, since: number): Failure[] => {
    const kept = (failures.get(key) ?? []).filter((f) => f.at > since);
    if (kept.length) failures.set(key, kept);
    else failures.delete(key);
    return kept;
  };
  return {
    async countOpinion({ keys, at, maxKeys }) {
      const oldest = keys.reduce((a, k) => Math.min(a, k.since), Number.POSITIVE_INFINITY);
      for (const [key, times] of opinions) {
        const kept = times.filter((t) => t > oldest);
        if (kept.length) opinions.set(key, kept);
        else opinions.delete(key);
      }
      const times = keys.map((k) => (opinions.get(k.key) ?? []).filter((t) => t > k.since));
      if (keys.some((k, i) => (times[i]?.length ?? 0) >= k.limit)) return { ok: false, times };
      for (const { key } of keys) {
        if (opinions.size >= maxKeys && !opinions.has(key)) continue;
        opinions.set(key, [...(opinions.get(key) ?? []), at]);
      }
      return { ok: true };
    },
    async countLoginFailure({ keys, since, at, maxKeys }) {
      const times = keys.map((k) => recent(k.key, since).map((f) => f.at));
      if (keys.some((k, i) => (times[i]?.length ?? 0) >= k.limit)) return { ok: false, times };
      const ids: number[] = [];
      for (const { key } of keys) {
        if (failures.size >= maxKeys) for (const k of [...failures.keys()]) recent(k, since);
        if (failures.size >= maxKeys && !failures.has(key)) continue;
        const id = next++;
        failures.set(key, [...(failures.get(key) ?? []), { id, at }]);
        ids.push(id);
      }
      return { ok: true, ids };
    },
    async forgiveLogin(clearKey, ids) {
      failures.delete(clearKey);
      for (const [key, rows] of failures) {
        const kept = rows.filter((f) => !ids.includes(f.id));
        if (kept.length) failures.set(key, kept);
        else failures.delete(key);
      }
    },
  };
}
