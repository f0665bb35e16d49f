import type { FeatureCollection } from 'geojson';
import { useEffect, useRef, useState } from 'react';
import type { RiverView } from '../../domain/rivers/waterbody';
import {
  ComputeCancelled,
  type ComputeClient,
  createComputeClient,
} from '../compute/compute-client';
import type { DraftResult } from './compute-draft';
import { computeDraft } from './compute-draft';
import { sumDraft, TotalsList } from './draft-summary';
import { useWt } from './messages';
import type { DraftFeature } from './plan-api';
import { showProblem } from './show-problem';

/** After this long a computation says it is running (a quick one just shows its result). */
const PROGRESS_AFTER_MS = 300;

type State =
  | { kind: 'idle' }
  | { kind: 'running'; slow: boolean }
  | { kind: 'done'; result: DraftResult }
  | { kind: 'failed'; error: unknown };

/**
 * "计算": computes the newest saved version in a Web Worker, draws it on the map (`onDraft`) and
 * sums it up; the engine's reasons are listed as they are. Unmounting clears the map's draft.
 */
export function DraftCompute(props: {
  planId: string;
  river: RiverView | undefined;
  onDraft: (fc: FeatureCollection | null) => void;
}) {
  const t = useWt();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const client = useRef<ComputeClient | null>(null);
  const onDraft = useRef(props.onDraft);
  onDraft.current = props.onDraft;

  useEffect(
    () => () => {
      client.current?.dispose();
      onDraft.current(null);
    },
    [],
  );

  const run = async () => {
    client.current ??= createComputeClient();
    setState({ kind: 'running', slow: false });
    const timer = setTimeout(() => setState({ kind: 'running', slow: true }), PROGRESS_AFTER_MS);
    try {
      const result = await computeDraft(client.current, props.planId, props.river);
      setState({ kind: 'done', result });
      onDraft.current(result.ok ? result.draft : null);
    } catch (error) {
      if (!(error instanceof ComputeCancelled)) setState({ kind: 'failed', error });
    } finally {
      clearTimeout(timer);
    }
  };

  const running = state.kind === 'running';
  return (
    <section className="draft-compute" aria-label={t('compute')}>
      <button type="button" onClick={run} disabled={running} aria-busy={running}>
        {t('compute')}
      </button>
      {running && state.slow && (
        <p className="loading" role="status">
          {t('computing')}
        </p>
      )}
      {state.kind === 'failed' && (
        <p className="problem" role="alert">
          {showProblem(state.error, t)}
        </p>
      )}
      {state.kind === 'done' && <ComputeResult result={state.result} />}
    </section>
  );
}

function ReasonList(props: { title: string; reasons: string[]; alert?: boolean }) {
  if (props.reasons.length === 0) return null;
  return (
    <div className={props.alert ? 'problem' : 'hint'} role={props.alert ? 'alert' : undefined}>
      {props.title}
      <ul>
        {props.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </div>
  );
}

function ComputeResult({ result }: { result: DraftResult }) {
  const t = useWt();
  if (!result.ok) return <ReasonList title={t('computeFailed')} reasons={result.errors} alert />;
  const totals = sumDraft(result.zones.features as unknown as DraftFeature[]);
  return (
    <>
      <h3>{t('computed', { v: result.version, ms: result.ms })}</h3>
      <TotalsList
        totals={totals}
        extra={[{ key: 'markers', label: t('markerCount'), value: String(result.markerCount) }]}
      />
      <ReasonList title={t('markerFailed')} reasons={result.markerErrors} alert />
      <ReasonList title={t('computeWarnings')} reasons={result.warnings} />
    </>
  );
}
