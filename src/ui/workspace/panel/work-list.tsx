import type { UserActor } from '../../../domain/access/actor';
import { canViewDraft } from '../../../domain/access/permissions';
import { stageLabel } from '../../../domain/workflow/stages';
import type { ApiPlan } from '../../api';
import { levelLabel, useLang } from '../../i18n';
import { StatusBadge } from '../../register/status-badge';
import { useWt } from '../messages';
import '../workspace.css';
import { formatTime } from './show-problem';

/** 我的任务 (a planner's plans in scope) or 我的河湖 (a chief's rivers): open one to work on it. */
export default function WorkList(props: {
  plans: readonly ApiPlan[];
  actor: UserActor;
  openId: string | null;
  onOpen: (planId: string) => void;
}) {
  const { lang } = useLang();
  const t = useWt();
  const mine = props.plans.filter((p) => canViewDraft(props.actor, p));
  const title = props.actor.role === 'chief' ? t('myRivers') : t('myTasks');
  return (
    <section className="work-list" aria-labelledby="work-list-title">
      <h2 id="work-list-title">
        {title} <small>{t('workCount', { n: mine.length })}</small>
      </h2>
      {mine.length === 0 ? (
        <p className="empty">{t('noWork')}</p>
      ) : (
        <ul>
          {mine.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                data-plan={p.id}
                aria-current={props.openId === p.id ? 'true' : undefined}
                className={p.overdue ? 'overdue' : undefined}
                onClick={() => props.onOpen(p.id)}
              >
                <span className="row">
                  <strong>{p.name}</strong>
                  <span className="sub">
                    {levelLabel(p.level, lang)} {p.seq}
                  </span>
                  <StatusBadge plan={p} />
                </span>
                <span className="meta">
                  <span className="stage">{stageLabel(p.stage, lang)}</span>
                  <span>{t('dueDate', { d: p.dueDate })}</span>
                  <span>
                    {t('lastChange')} {formatTime(p.updatedAt, lang)}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
