import { useCallback, useEffect, useReducer, useState } from 'react';
import { sameFeatures } from '../../../domain/editor/compare-features';
import { editFeatures, emptyEditState } from '../../../domain/editor/edit-features';
import type { EditAction, EditState } from '../../../domain/editor/edit-types';
import { toEditFeatures } from '../../../domain/editor/saved-features';
import type { RuleTable } from '../../../domain/zones/rules';
import type { LocalDraft } from '../editor/local-draft';
import { clearDraft, readDraft } from '../editor/local-draft';
import { loadVersion } from '../editor/save-api';
import type { LocalDraftKeeper } from '../editor/use-local-draft';
import { browserStorage, useLocalDraft } from '../editor/use-local-draft';
import { loadRules } from './plan-api';

/** The newest saved version as it was when the plan was opened. */
export interface NewestVersion {
  version: number;
  author: string | null;
  createdAt: string | null;
}

/** A draft found in this browser on opening the plan, that differs from the newest version. */
export type DraftOffer =
  | { kind: 'draft'; draft: LocalDraft; newest: NewestVersion }
  | { kind: 'unreadable'; reason: string };

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
  /** the local draft waiting for 恢复 / 放弃; null when there is none */
  offer: DraftOffer | null;
  /** loads the offered draft into the working copy (unsaved, on the version it was based on) */
  restore: () => void;
  /** removes the offered draft from this browser */
  discard: () => void;
  /** the working copy kept in this browser while it has unsaved changes */
  local: LocalDraftKeeper;
}

/** The draft to offer: one that differs from the newest saved version (an equal one is dropped). */
function offerOf(
  username: string,
  planId: string,
  newest: NewestVersion,
  features: EditState['features'],
) {
  const storage = browserStorage();
  const stored = storage ? readDraft(storage, username, planId) : ({ kind: 'none' } as const);
  if (stored.kind === 'none') return null;
  if (stored.kind === 'unreadable') return stored;
  // a draft holding just what the newest version holds has nothing unsaved, whatever its base
  if (!sameFeatures(stored.draft.features, features))
    return { kind: 'draft', draft: stored.draft, newest } as const;
  if (storage) clearDraft(storage, username, planId); // nothing in it that is not saved
  return null;
}

/**
 * Loads the plan's newest saved version into a working copy (reducer: domain/editor/edit-features)
 * and the rule table in force. Only for accounts that may see the plan's drafts. With a
 * `username`, unsaved changes are kept in localStorage, and a stored draft that differs from the
 * newest version is offered on opening.
 */
export function usePlanEditor(
  planId: string,
  enabled: boolean,
  username: string | null = null,
): PlanEditor {
  const [state, dispatch] = useReducer(editFeatures, planId, emptyEditState);
  const [rules, setRules] = useState<RuleTable | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [offer, setOffer] = useState<DraftOffer | null>(null);
  const local = useLocalDraft(state, enabled ? username : null, !loaded || offer !== null);

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    Promise.all([loadVersion(planId), loadRules()])
      .then(([geometry, table]) => {
        if (!live) return;
        const { features } = toEditFeatures(geometry.features);
        dispatch({ type: 'load', planId, baseVersion: geometry.version, features });
        const newest = {
          version: geometry.version,
          author: geometry.author,
          createdAt: geometry.createdAt,
        };
        setOffer(username ? offerOf(username, planId, newest, features) : null);
        setRules(table);
        setLoaded(true);
      })
      .catch((e: unknown) => {
        if (live) setError(e);
      });
    return () => {
      live = false;
    };
  }, [planId, enabled, username]);

  const restore = useCallback(() => {
    if (offer?.kind !== 'draft') return;
    const { draft } = offer;
    dispatch({
      type: 'load',
      planId,
      baseVersion: draft.baseVersion,
      features: draft.features,
      dirty: true,
    });
    setOffer(null);
  }, [offer, planId]);

  const discard = useCallback(() => {
    local.clear();
    setOffer(null);
  }, [local]);

  return { state, dispatch, rules, loaded, error, offer, restore, discard, local };
}
