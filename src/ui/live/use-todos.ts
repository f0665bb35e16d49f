import { useCallback, useEffect, useRef, useState } from 'react';
import type { TodoList } from '../../contract/live';
import { requestJson } from '../api';
import { useLive } from './use-live';

/** Changes that never alter a to-do list (a new version alone does not). */
const QUIET = new Set(['version', 'display']);

/**
 * The logged-in user's to-do list (GET /api/todo), loaded on login and again, a moment after, when
 * a pushed change may have altered it; null while logged out or before it loads.
 */
export function useTodos(who: string | null) {
  const [list, setList] = useState<TodoList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const load = useCallback(async () => {
    if (who === null) return setList(null);
    const { todoListSchema } = await import('../../contract/live');
    try {
      setList(await requestJson('/api/todo', todoListSchema));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [who]);
  useEffect(() => {
    void load();
  }, [load]);
  useLive((e) => {
    if (who === null || QUIET.has(e.change)) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void load(), 300);
  });
  return { list: who === null ? null : list, error, reload: load };
}
