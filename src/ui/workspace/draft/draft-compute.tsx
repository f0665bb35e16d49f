import type { FeatureCollection, Position } from 'geojson';
import { useEffect, useRef, useState } from 'react';
import { checkProperties } from '../../../domain/editor/check-properties';
import type { Message } from '../../../domain/message';
import type { RiverView } from '../../../domain/rivers/waterbody';
import {
  ComputeCancelled,
  type ComputeClient,
  createComputeClient,
} from '../../compute/compute-client';
import { rulesFor } from '../editor/rules-for';
import { useRiverCourse } from '../editor/use-river-course';
import { useWt } from '../messages';
import { showProblem } from '../panel/show-problem';
import type { DraftResult, WorkingCopy } from './compute-draft';
import { computeDraft, computeWorkingCopy, unreadyReasons } from './compute-draft';
import { DraftOutcome, ReasonList } from './draft-outcome';

/** After this long a computation says it is running (a quick one just shows its result). */
const PROGRESS_AFTER_MS = 300;
/** An edit recomputes once the edits pause this long (a newer computation supersedes a running one). */
const RECOMPUTE_AFTER_MS = 400;

type State =
  | { kind: 'idle' }
  | { kind: 'waiting'; reasons: Message[]; flagged: number }
  | { kind: 'running'; slow: boolean }
  | { kind: 'done'; result: DraftResult }
  | { kind: 'failed'; error: unknown };

/** Why a working copy is not computed yet: the engine's reading, and lines whose values break the rules. */
function waitingFor(
  copy: WorkingCopy,
  river: RiverView | undefined,
  course: readonly Position[] | null,
) {
  // a class never chosen is named among the reasons: not counted again here
  const flagged = copy.features.filter((f) =>
    checkProperties(f, rulesFor(copy.rules, f, river)).some(
      (p) => !(p.field === 'embankmentClass' && p.code === 'missing'),
    ),
  ).length;
  return { reasons: unreadyReasons(copy, river, course), flagged };
}

/**
 * "计算": computes in a Web Worker the editor's working copy (when given), else the newest saved
 * version; draws it on the map (`onDraft`) and sums it up; the engine's reasons are listed as they
 * are. An edit of the working copy recomputes by itself once the copy is complete and within the
 * rules. Unmounting clears the map's draft.
 */
export function DraftCompute(props: {
  planId: string;
  river: RiverView | undefined;
  onDraft: (fc: FeatureCollection | null) => void;
  working?: WorkingCopy;
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

  const course = useRiverCourse(props.river);
  const latest = useRef({ ...props, course });
  latest.current = { ...props, course };
  const run = async () => {
    const { working, river, planId, course } = latest.current;
    // never from a side in doubt or a class nobody chose: say why instead
    const waiting = working && waitingFor(working, river, course);
    if (waiting && (waiting.reasons.length > 0 || waiting.flagged > 0)) {
      setState({ kind: 'waiting', ...waiting });
      onDraft.current(null);
      return;
    }
    client.current ??= createComputeClient();
    setState({ kind: 'running', slow: false });
    const timer = setTimeout(() => setState({ kind: 'running', slow: true }), PROGRESS_AFTER_MS);
    try {
      const result = working
        ? await computeWorkingCopy(client.current, working, river)
        : await computeDraft(client.current, planId, river);
      setState({ kind: 'done', result });
      onDraft.current(result.ok ? result.draft : null);
    } catch (error) {
      if (!(error instanceof ComputeCancelled)) setState({ kind: 'failed', error });
    } finally {
      clearTimeout(timer);
    }
  };

  const features = props.working?.features;
  // biome-ignore lint/correctness/useExhaustiveDependencies: an edit (a new feature list) is the reason to recompute
  useEffect(() => {
    const working = latest.current.working;
    if (!working?.dirty) return;
    const waiting = waitingFor(working, latest.current.river, latest.current.course);
    if (waiting.reasons.length > 0 || waiting.flagged > 0) {
      client.current?.dispose();
      client.current = null;
      setState({ kind: 'waiting', ...waiting });
      onDraft.current(null);
      return;
    }
    const timer = setTimeout(run, RECOMPUTE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [features, course]);

  const running = state.kind === 'running';
  return (
    <section className="draft-compute" aria-label={t('compute')} data-state={state.kind}>
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
      {state.kind === 'waiting' && (
        <ReasonList
          title={t('computeWaiting')}
          reasons={[
            ...state.reasons,
            ...(state.flagged > 0 ? [t('computeFlagged', { n: state.flagged })] : []),
          ]}
        />
      )}
      {state.kind === 'done' && <ComputeResult result={state.result} />}
    </section>
  );
}

function ComputeResult({ result }: { result: DraftResult }) {
  const t = useWt();
  return (
    <>
      {result.ok && (
        <h3>
          {result.working
            ? t('computedWorking', { ms: result.ms })
            : t('computed', { v: result.version, ms: result.ms })}
        </h3>
      )}
      <DraftOutcome result={result} />
    </>
  );
}
