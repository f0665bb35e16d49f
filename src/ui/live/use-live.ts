// One EventSource for the app (issue 19): GET /api/events pushes what others change, and the parts
// of the page that show it (register, plan panel, to-do count, notice) listen here.
import { useEffect, useRef } from 'react';
import type { LiveEventWire } from '../../contract/live';

/** Who hears of a change. */
type LiveListener = (event: LiveEventWire) => void;

// the page's listeners: one stream per page feeds them all
const listeners = new Set<LiveListener>();

/**
 * Opens the app's one stream, again when `who` (the logged-in account) changes: the session cookie
 * decides what the server sends. The browser reconnects by itself, resuming after the last event.
 */
export function useLiveEvents(who: string | null): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: who is the reason to reconnect
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events');
    const schema = import('../../contract/live').then((m) => m.liveEventSchema);
    const emit = (data: string) =>
      void schema.then((s) => {
        const parsed = s.safeParse(JSON.parse(data));
        if (parsed.success) for (const l of listeners) l(parsed.data);
      });
    source.addEventListener('change', (e) => emit((e as MessageEvent<string>).data));
    return () => source.close();
  }, [who]);
}

/** Calls `listener` (its newest version) on every change pushed to the page. */
export function useLive(listener: LiveListener): void {
  const current = useRef(listener);
  current.current = listener;
  useEffect(() => {
    const l: LiveListener = (e) => current.current(e);
    listeners.add(l);
    return () => void listeners.delete(l);
  }, []);
}
