import type { FeatureCollection } from 'geojson';
import { canEditGeometry, canViewDraft } from '../../domain/access/permissions';
import type { RiverView } from '../../domain/rivers/waterbody';
import type { ApiPlan, Session } from '../api';
import { levelLabel, useLang } from '../i18n';
import { StatusBadge } from '../register/status-badge';
import { DraftCompute } from './draft-compute';
import { DraftSummary } from './draft-summary';
import { SaveBar } from './editor/save-bar';
import { useWt } from './messages';
import './workspace.css';
import { PlanComments } from './plan-comments';
import { PlanVersions } from './plan-versions';
import { PublishButton } from './publish-button';
import { showProblem } from './show-problem';
import { StageMoves } from './stage-moves';
import { usePlanEditor } from './use-plan-editor';
import { usePlanRecords } from './use-plan-records';

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
  // a save or a publication changes the versions and the register's stage and 最近变更
  const saved = () => {
    reload();
    void props.onChanged();
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
        <StageMoves plan={plan} session={session} onMoved={props.onChanged} />
      )}
      {plan && session && planner && <SaveBar editor={editor} session={session} onSaved={saved} />}
      {plan && session && records && (
        <PublishButton
          plan={plan}
          session={session}
          newest={newest}
          unsaved={editor.state.dirty}
          onPublished={saved}
        />
      )}
      {records && <PlanVersions versions={records.versions} published={records.published} />}
      {newest && <DraftSummary planId={props.planId} version={newest.version} />}
      {newest && planner && (
        <DraftCompute planId={props.planId} river={props.river} onDraft={props.onDraft} />
      )}
      {records && (
        <PlanComments
          planId={props.planId}
          comments={records.comments}
          session={session}
          onAdded={reload}
        />
      )}
      {!records && error === null && <p className="loading">{t('loading')}</p>}
    </aside>
  );
}
