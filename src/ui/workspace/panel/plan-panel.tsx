import type { FeatureCollection } from 'geojson';
import { lazy, Suspense, useCallback, useState } from 'react';
import { canEditGeometry, canViewDraft } from '../../../domain/access/permissions';
import type { RiverView } from '../../../domain/rivers/waterbody';
import type { ApiPlan, Session } from '../../api';
import { levelLabel, useLang } from '../../i18n';
import { StatusBadge } from '../../register/status-badge';
import { ApprovedSection } from '../adopted/approved-section';
import { DraftCompute } from '../draft/draft-compute';
import { DraftSummary } from '../draft/draft-summary';
import { DraftView } from '../draft/draft-view';
import { SaveBar } from '../editor/save-bar';
import { CoordinateTable } from '../field/coordinate-table';
import { LocateMe } from '../field/locate-me';
import { useWt } from '../messages';
import '../workspace.css';
import { ReviewSection } from '../review/review-section';
import { PublishButton } from '../workflow/publish-button';
import { StageHistory } from '../workflow/stage-history';
import { StageMoves } from '../workflow/stage-moves';
import { PlanComments } from './plan-comments';
import { PlanVersions } from './plan-versions';
import { showProblem } from './show-problem';
import { usePlanEditor } from './use-plan-editor';
import { usePlanRecords } from './use-plan-records';

// import and export carry the format registries: loaded for planners only
const ImportFiles = lazy(() => import('../files/import-files'));
const ExportDialog = lazy(() => import('../files/export-dialog'));
// the planner's editor (proj4 for lengths, Terra Draw) loads for planners only
const PlanEditor = lazy(() =>
  import('../editor/plan-editor').then((m) => ({ default: m.PlanEditor })),
);

/**
 * The side panel of an opened plan: its stage and the moves this user may make, its saved
 * versions, the draft's summary and the comments. What the server refuses is said plainly.
 */
export default function PlanPanel(props: {
  planId: string;
  plan: ApiPlan | undefined;
  river: RiverView | undefined;
  session: Session | null;
  onClose: () => void;
  onChanged: () => Promise<void>;
  /** the computed draft for the map; null when there is none (the panel closes) */
  onDraft: (fc: FeatureCollection | null) => void;
  /** the server's today (HEJIE_NOW in tests), ISO */
  now: string;
}) {
  const { lang } = useLang();
  const t = useWt();
  const { plan, session } = props;
  const who = session?.actor.username ?? null;
  const { records, error, reload } = usePlanRecords(props.planId, who);
  const mine = plan && session ? canViewDraft(session.actor, plan) : false;
  const newest = records?.versions[0];
  const planner = plan && session ? canEditGeometry(session.actor, plan) : false;
  const editor = usePlanEditor(props.planId, planner, who);
  // the draft on the map (a chief's, computed on opening; a planner's, on 计算) for the field tools
  const [draft, setDraft] = useState<FeatureCollection | null>(null);
  const { onDraft: toMap } = props;
  const onDraft = useCallback(
    (fc: FeatureCollection | null) => {
      setDraft(fc);
      toMap(fc);
    },
    [toMap],
  );
  const working = editor.rules ? { ...editor.state, rules: editor.rules } : undefined;
  // a save, a stage move (a sign-off) or a publication changes the versions, the sign-offs and the
  // register's stage and 最近变更
  const saved = async () => {
    reload();
    await props.onChanged();
  };

  return (
    <aside className="river-panel plan-panel" aria-label={t('planPanel')} data-plan={props.planId}>
      <header>
        <h2>
          {plan?.name ?? props.planId}{' '}
          {plan && (
            <small>
              {levelLabel(plan.level, lang)} {plan.seq} · {plan.chief}
            </small>
          )}
        </h2>
        <button type="button" className="icon" aria-label={t('close')} onClick={props.onClose}>
          ×
        </button>
      </header>
      {!plan && <p className="problem">{t('noSuchPlan', { id: props.planId })}</p>}
      {plan && (
        <p>
          {t('dueDate', { d: plan.dueDate })} <StatusBadge plan={plan} />
          {props.river && !props.river.geometry && (
            <span className="sub block">{t('riverNotMapped')}</span>
          )}
        </p>
      )}
      {error !== null && (
        <p className="problem" role="alert">
          {showProblem(error, t)}
        </p>
      )}
      {plan && session && mine && records && (
        <StageMoves plan={plan} session={session} onMoved={saved} />
      )}
      {plan && session && records && (
        <PublishButton
          plan={plan}
          session={session}
          newest={newest}
          unsaved={editor.state.dirty}
          onPublished={saved}
        />
      )}
      {plan && session && planner && records && (
        <ReviewSection
          plan={plan}
          session={session}
          versions={records.versions.map((v) => v.version)}
          now={props.now}
        />
      )}
      {records && (
        <PlanVersions
          versions={records.versions}
          published={records.published}
          signOffs={records.signOffs}
        />
      )}
      {records && <StageHistory history={records.history} />}
      {newest && !planner && mine && (
        <DraftView
          planId={props.planId}
          version={newest.version}
          river={props.river}
          onDraft={onDraft}
        />
      )}
      {newest && planner && <DraftSummary planId={props.planId} version={newest.version} />}
      {planner && working && editor.loaded && editor.offer === null && (
        <Suspense fallback={<p className="loading">{t('loading')}</p>}>
          <PlanEditor
            editor={editor}
            rules={working.rules}
            river={props.river}
            floodline={{ planId: props.planId, csrf: session?.csrf ?? '' }}
          />
        </Suspense>
      )}
      {planner && plan && (
        <Suspense fallback={null}>
          <ImportFiles
            planName={plan.name}
            ready={editor.loaded}
            loadError={editor.error}
            features={editor.state.features}
            dirty={editor.state.dirty}
            user={who}
            onAdd={(features) => editor.dispatch({ type: 'add', features })}
          />
        </Suspense>
      )}
      {plan && session && planner && <SaveBar editor={editor} session={session} onSaved={saved} />}
      {planner && (newest || (working && working.features.length > 0)) && (
        <DraftCompute
          planId={props.planId}
          river={props.river}
          onDraft={onDraft}
          working={working}
        />
      )}
      {plan && session && planner && newest && (
        <ApprovedSection
          planId={props.planId}
          version={newest.version}
          session={session}
          draft={draft}
          onDraft={onDraft}
          onAdopted={saved}
        />
      )}
      {planner && plan && draft && draft.features.length > 0 && (
        <Suspense fallback={null}>
          <ExportDialog
            draft={draft}
            riverName={plan.name}
            planId={props.planId}
            version={editor.state.dirty ? null : editor.state.baseVersion || null}
            now={props.now}
          />
        </Suspense>
      )}
      {draft && mine && <LocateMe draft={draft} />}
      {draft && <CoordinateTable draft={draft} />}
      {records && (
        <PlanComments
          planId={props.planId}
          plan={plan}
          comments={records.comments}
          session={session}
          onAdded={reload}
        />
      )}
      {!records && error === null && <p className="loading">{t('loading')}</p>}
    </aside>
  );
}
