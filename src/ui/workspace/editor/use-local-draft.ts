import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EditState } from '../../../domain/editor/edit-types';
import type { DraftStorage, DraftWrite } from './local-draft';
import { clearDraft, writeDraft } from './local-draft';

/** How long the working copy rests before it is stored (a drag of a vertex is many changes). */
const DEBOUNCE_MS = 300;

/** The browser's localStorage, or null where there is none (a sandboxed frame). */
export function browserStorage(): DraftStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** What the panel needs of the stored draft: the last failed write, a flush and a clear. */
export interface LocalDraftKeeper {
  /** why the last write failed (quota: the browser's storage is full); null when it worked */
  failure: Extract<DraftWrite, { ok: false }> | null;
  /** stores the working copy now, if it has unsaved changes (a lost connection, pagehide) */
  flush: () => void;
  /** removes the stored draft and cancels a pending write (after a save or a discard) */
  clear: () => void;
}

/**
 * Keeps the working copy in localStorage while it has unsaved changes: 300 ms after the last
 * change, on `pagehide` and when the panel closes. Nothing is written while `paused` (a stored
 * draft is waiting for the planner's decision and must not be overwritten).
 */
export function useLocalDraft(
  state: EditState,
  username: string | null,
  paused: boolean,
): LocalDraftKeeper {
  const [failure, setFailure] = useState<LocalDraftKeeper['failure']>(null);
  const latest = useRef({ state, username, paused });
  latest.current = { state, username, paused };

  const flush = useCallback(() => {
    const { state: s, username: who, paused: hold } = latest.current;
    const storage = browserStorage();
    if (!who || hold || !s.dirty || !storage) return;
    const written = writeDraft(storage, who, s.planId, s.baseVersion, s.features);
    setFailure(written.ok ? null : written);
  }, []);

  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cancel = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  }, []);

  const clear = useCallback(() => {
    cancel();
    const { state: s, username: who } = latest.current;
    const storage = browserStorage();
    if (who && storage) clearDraft(storage, who, s.planId);
    setFailure(null);
  }, [cancel]);

  useEffect(() => {
    if (!state.dirty || paused || !username) return;
    cancel();
    timer.current = setTimeout(() => {
      timer.current = null;
      flush();
    }, DEBOUNCE_MS);
    return cancel;
  }, [state, paused, username, flush, cancel]);

  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush(); // the panel closes: what is unsaved stays in the browser
    };
  }, [flush]);

  return useMemo(() => ({ failure, flush, clear }), [failure, flush, clear]);
}
