import { useEffect, useReducer, useState } from 'react';
import { editFeatures, emptyEditState } from '../../domain/editor/edit-features';
import type { EditAction, EditState } from '../../domain/editor/edit-types';
import { toEditFeatures } from '../../domain/editor/saved-features';
import type { RuleTable } from '../../domain/zones/rules';
import { loadGeometry, loadRules } from './plan-api';

/** A plan's working copy while its panel is open: the newest saved version and the rules in force. */
export interface PlanEditor {
  state: EditState;
  dispatch: (action: EditAction) => void;
  /** the rule table in force (GET /api/rules); null until loaded */
  rules: RuleTable | null;
  /** false until the newest version is in the working copy */
  loaded: boolean;
  /** why the geometry or the rules could not be loaded */
  error: unknown;
}

/**
 * Loads the plan's newest saved version into a working copy (reducer: domain/editor/edit-features)
 * and the rule table in force. Only for accounts that may see the plan's drafts.
 */
export function usePlanEditor(planId: string, enabled: boolean): PlanEditor {
  const [state, dispatch] = useReducer(editFeatures, planId, emptyEditState);
  const [rules, setRules] = useState<RuleTable | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    Promise.all([loadGeometry(planId), loadRules()])
      .then(([geometry, table]) => {
        if (!live) return;
        const { features } = toEditFeatures(geometry.features);
        dispatch({ type: 'load', planId, baseVersion: geometry.version, features });
        setRules(table);
        setLoaded(true);
      })
      .catch((e: unknown) => {
        if (live) setError(e);
      });
    return () => {
      live = false;
    };
  }, [planId, enabled]);

  return { state, dispatch, rules, loaded, error };
}
