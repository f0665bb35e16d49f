import { useCallback, useEffect, useState } from 'react';
import type { PlanComment, PlanSignOffs, PlanVersion } from './plan-api';
import { loadComments, loadSignOffs, loadVersions } from './plan-api';

/** What the panel loads of a plan: its versions, sign-offs and comments, or the refusal (401/403). */
export interface PlanRecords {
  versions: PlanVersion[];
  published: number | null;
  signOffs: PlanSignOffs;
  comments: PlanComment[];
}

/**
 * Loads a plan's versions and comments, again when `who` (the logged-in account) changes or
 * `reload` is called.
 */
export function usePlanRecords(planId: string, who: string | null) {
  const [records, setRecords] = useState<PlanRecords | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [n, setN] = useState(0);
  const reload = useCallback(() => setN((x) => x + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: who and n are reasons to load again
  useEffect(() => {
    let live = true;
    setError(null);
    Promise.all([loadVersions(planId), loadSignOffs(planId), loadComments(planId)])
      .then(([v, signOffs, comments]) => {
        if (live) setRecords({ versions: v.versions, published: v.published, signOffs, comments });
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
