import { useCallback, useEffect, useState } from 'react';
import type { StageHistoryEntry } from '../../../contract/plans';
import { useLive } from '../../live/use-live';
import type { PlanComment, PlanSignOffs, PlanVersion } from './plan-api';
import { loadComments, loadHistory, loadSignOffs, loadVersions } from './plan-api';

/**
 * What the panel loads of a plan: its versions, sign-offs, comments and stage history, or the
 * refusal (401/403).
 */
export interface PlanRecords {
  versions: PlanVersion[];
  published: number | null;
  signOffs: PlanSignOffs;
  comments: PlanComment[];
  history: StageHistoryEntry[];
}

/**
 * Loads a plan's versions, sign-offs, comments and stage history, again when `who` (the logged-in
 * account) changes, `reload` is called or a change to the plan is pushed (issue 19).
 */
export function usePlanRecords(planId: string, who: string | null) {
  const [records, setRecords] = useState<PlanRecords | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [n, setN] = useState(0);
  const reload = useCallback(() => setN((x) => x + 1), []);
  useLive((e) => {
    if (e.planId === planId) reload();
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: who and n are reasons to load again
  useEffect(() => {
    let live = true;
    setError(null);
    Promise.all([
      loadVersions(planId),
      loadSignOffs(planId),
      loadComments(planId),
      loadHistory(planId),
    ])
      .then(([v, signOffs, comments, history]) => {
        if (live)
          setRecords({ versions: v.versions, published: v.published, signOffs, comments, history });
      })
      .catch((e: unknown) => {
        if (!live) return;
        setRecords(null);
        setError(e);
      });
    return () => {
      live = false;
    };
  }, [planId, who, n]);

  return { records, error, reload };
}
