import { useCallback, useEffect, useRef, useState } from 'react';
import { sameFeatures } from '../../../domain/editor/compare-features';
import type { EditFeature } from '../../../domain/editor/edit-types';
import type { MergeChoice } from '../../../domain/editor/merge-edits';
import { mergeEdits } from '../../../domain/editor/merge-edits';
import { toEditFeatures, toSavedFeatures } from '../../../domain/editor/saved-features';
import { ApiError } from '../../api';
import type { PlanEditor } from '../panel/use-plan-editor';
import { type GeometryVersion, loadVersion, saveGeometry } from './save-api';

/** Seconds before retry n (0-based): 2, 4, 8, 16, then every 30. */
export const retryDelay = (n: number) => Math.min(30, 2 ** (n + 1));

/** The newest version when a save was refused with 409, and the base the working copy came from. */
export interface Conflict {
  base: EditFeature[];
  baseVersion: number;
  theirs: EditFeature[];
  newest: GeometryVersion;
}

/** Where a save stands. */
export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; version: number }
  | { kind: 'retrying'; attempt: number; at: number; reason: string }
  | { kind: 'refused'; error: unknown }
  | { kind: 'conflict'; conflict: Conflict }
  | { kind: 'merged'; version: number };

/** A failure worth trying again: no answer (network), a server error, or 429. */
const transient = (e: unknown) =>
  !(e instanceof ApiError) || e.status >= 500 || e.status === 429 || e.status === 408;

/** The version `n` of a plan, or nothing when it is gone (a data directory started over). */
async function baseFeatures(planId: string, n: number): Promise<EditFeature[]> {
  try {
    return toEditFeatures((await loadVersion(planId, n)).features).features;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return [];
    throw e;
  }
}

/**
 * What a 409 means: the newest version and the base for the conflict view, or the version this
 * very save made when an earlier try got through and only its answer was lost.
 */
async function explainConflict(
  planId: string,
  baseVersion: number,
  sent: EditFeature[],
  username: string,
  comment: string,
): Promise<{ landed: number } | Extract<SaveStatus, { kind: 'conflict' | 'refused' }>> {
  try {
    const newest = await loadVersion(planId);
    const theirs = toEditFeatures(newest.features).features;
    if (newest.author === username && newest.comment === comment && sameFeatures(theirs, sent))
      return { landed: newest.version };
    const base = await baseFeatures(planId, baseVersion);
    return { kind: 'conflict', conflict: { base, baseVersion, theirs, newest } };
  } catch (error) {
    return { kind: 'refused', error };
  }
}

/**
 * Saves the working copy as a new version (PUT with its baseVersion). A lost connection or a
 * server error is retried with backoff and never drops the edits; a 409 loads the newest
 * version for the conflict view (or, when that version is this very save whose answer was lost,
 * counts as saved).
 */
export function useSaveVersion(
  editor: PlanEditor,
  me: { username: string; csrf: string },
  onSaved: () => void,
) {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const latest = useRef({ editor, me, onSaved });
  latest.current = { editor, me, onSaved };
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      if (timer.current !== null) clearTimeout(timer.current);
    };
  }, []);

  const done = useCallback((version: number, sent: EditFeature[]) => {
    const { editor: ed, onSaved: reload } = latest.current;
    ed.dispatch({ type: 'saved', version, features: sent });
    ed.local.clear();
    setStatus({ kind: 'saved', version });
    reload();
  }, []);

  const attempt = useCallback(
    async (comment: string, n: number): Promise<void> => {
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
      const { editor: ed, me: who } = latest.current;
      const { planId, baseVersion, features: sent } = ed.state;
      setStatus({ kind: 'saving' });
      try {
        const v = await saveGeometry(
          planId,
          { features: toSavedFeatures(sent), baseVersion, comment },
          who.csrf,
        );
        if (live.current) done(v.version, sent);
      } catch (e) {
        if (!live.current) return;
        if (transient(e)) {
          latest.current.editor.local.flush();
          const wait = e instanceof ApiError && e.retryAfter ? e.retryAfter : retryDelay(n);
          const reason = e instanceof Error ? e.message : String(e);
          setStatus({ kind: 'retrying', attempt: n + 1, at: Date.now() + wait * 1000, reason });
          timer.current = setTimeout(() => attempt(comment, n + 1), wait * 1000);
        } else if (e instanceof ApiError && e.status === 409) {
          const found = await explainConflict(planId, baseVersion, sent, who.username, comment);
          if (!live.current) return;
          if ('landed' in found) done(found.landed, sent);
          else setStatus(found);
        } else setStatus({ kind: 'refused', error: e });
      }
    },
    [done],
  );

  const save = useCallback((comment: string) => attempt(comment.trim(), 0), [attempt]);
  const retryNow = useCallback(
    (comment: string) => {
      const n = status.kind === 'retrying' ? status.attempt : 0;
      return attempt(comment.trim(), n);
    },
    [attempt, status],
  );

  /** Merges the working copy onto the newest version; the planner then saves it. */
  const merge = (conflict: Conflict, choices: Record<string, MergeChoice>) => {
    const { editor: ed } = latest.current;
    const { features } = mergeEdits(
      { base: conflict.base, mine: ed.state.features, theirs: conflict.theirs },
      choices,
    );
    const version = conflict.newest.version;
    ed.dispatch({
      type: 'load',
      planId: ed.state.planId,
      baseVersion: version,
      features,
      dirty: true,
    });
    setStatus({ kind: 'merged', version });
  };

  /** Takes the newest version and drops the working copy's changes (and the stored draft). */
  const reload = (conflict: Conflict) => {
    const { editor: ed, onSaved: reloadRecords } = latest.current;
    const version = conflict.newest.version;
    ed.dispatch({
      type: 'load',
      planId: ed.state.planId,
      baseVersion: version,
      features: conflict.theirs,
    });
    ed.local.clear();
    setStatus({ kind: 'idle' });
    reloadRecords();
  };

  return { status, save, retryNow, merge, reload };
}
