import type { FeatureCollection } from 'geojson';
import { useEffect, useRef, useState } from 'react';
import type { RiverView } from '../../../domain/rivers/waterbody';
import { ComputeCancelled, createComputeClient } from '../../compute/compute-client';
import { useWt } from '../messages';
import { showProblem } from '../panel/show-problem';
import type { DraftResult } from './compute-draft';
import { computeDraft } from './compute-draft';
import { DraftOutcome } from './draft-outcome';

type State =
  | { kind: 'running' }
  | { kind: 'done'; result: DraftResult }
  | { kind: 'failed'; error: unknown };

/**
 * The draft for those who review it (a river chief): the newest saved version is computed in the
 * Web Worker as soon as the panel opens and drawn on the map (`onDraft`), with its summary. Nothing
 * to press. Unmounting (the panel closes) clears the map's draft.
 */
export function DraftView(props: {
  planId: string;
  version: number;
  river: RiverView | undefined;
  onDraft: (fc: FeatureCollection | null) => void;
}) {
  const t = useWt();
  const [state, setState] = useState<State>({ kind: 'running' });
  const onDraft = useRef(props.onDraft);
  onDraft.current = props.onDraft;
  const river = useRef(props.river);
  river.current = props.river;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version is a reason to compute again
  useEffect(() => {
    const client = createComputeClient();
    setState({ kind: 'running' });
    computeDraft(client, props.planId, river.current)
      .then((result) => {
        setState({ kind: 'done', result });
        onDraft.current(result.ok ? result.draft : null);
      })
      .catch((error: unknown) => {
        if (!(error instanceof ComputeCancelled)) setState({ kind: 'failed', error });
      });
    return () => {
      client.dispose();
      onDraft.current(null);
    };
  }, [props.planId, props.version]);

  const { result } = state.kind === 'done' ? state : { result: null };
  return (
    <section className="draft-view" aria-labelledby="draft-view-title" data-state={state.kind}>
      <h3 id="draft-view-title">{t('draftView', { v: props.version })}</h3>
      {state.kind === 'running' && (
        <p className="loading" role="status">
          {t('draftViewRunning')}
        </p>
      )}
      {state.kind === 'failed' && (
        <p className="problem" role="alert">
          {showProblem(state.error, t)}
        </p>
      )}
      {result && (
        <DraftOutcome
          result={result}
          note={result.ok && <p className="hint">{t('draftViewDrawn', { ms: result.ms })}</p>}
        />
      )}
    </section>
  );
}
