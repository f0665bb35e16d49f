import { useMemo, useState } from 'react';
import type { UserActor } from '../../../domain/access/actor';
import { canViewDraft } from '../../../domain/access/permissions';
import type { PlanFilter } from '../../../domain/plans/filter-plans';
import { filterPlans } from '../../../domain/plans/filter-plans';
import { stageLabel } from '../../../domain/workflow/stages';
import type { ApiPlan } from '../../api';
import { useAt } from '../../help/messages-access';
import { levelLabel, useLang } from '../../i18n';
import { StatusBadge } from '../../register/status-badge';
import { useWt } from '../messages';
import '../workspace.css';
import { formatTime } from './show-problem';
import { WorkFilters } from './work-filters';

/** 我的任务 (a planner's plans in scope) or 我的河湖 (a chief's rivers): open one to work on it. */
export default function WorkList(props: {
  plans: readonly ApiPlan[];
  actor: UserActor;
  openId: string | null;
  onOpen: (planId: string) => void;
}) {
  const { lang } = useLang();
  const t = useWt();
  const at = useAt();
  const [filter, setFilter] = useState<PlanFilter>({});
  const mine = useMemo(
    () => props.plans.filter((p) => canViewDraft(props.actor, p)),
    [props.plans, props.actor],
  );
  const shown = useMemo(() => filterPlans(mine, filter), [mine, filter]);
  const title = props.actor.role === 'chief' ? t('myRivers') : t('myTasks');
  return (
    <section className="work-list" aria-labelledby="work-list-title">
      <h2 id="work-list-title">
        {title} <small>{t('workCount', { n: mine.length })}</small>
      </h2>
      {mine.length > 1 && (
        <WorkFilters plans={mine} filter={filter} onFilter={setFilter} shown={shown.length} />
      )}
      {mine.length === 0 ? (
        <p className="empty">{t('noWork')}</p>
      ) : shown.length === 0 ? (
        <p className="empty">{at('noTaskMatch')}</p>
      ) : (
        <ul>
          {shown.map((p) => (
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
