// The plans under the dashboard: all of them, or those a count or a bar chose (the chip says which
// and clears it). A plan's name opens it.
import type { ApiPlan } from '../api';
import { levelLabel, useLang } from '../i18n';
import { DashTable } from './charts';
import { useProgressT } from './messages-progress';
import { unitOfPlan } from './progress-series';
import { stageText, unitName } from './progress-text';

/** What the plan list is filtered to: the chip's words and the plans' ids. */
export interface DashFilter {
  what: string;
  ids: readonly string[];
  /** a funnel segment or an overdue bar, to show it chosen */
  bar: { row: string; segment: string } | null;
}

export function FilterChip(props: { filter: DashFilter; onClear: () => void }) {
  const t = useProgressT();
  return (
    <div className="filter-chip-bar">
      <span className="filter-chip" data-count={props.filter.ids.length}>
        {t('filterChip', { what: props.filter.what })}
        <button
          type="button"
          className="chip-clear"
          aria-label={t('filterClear', { what: props.filter.what })}
          title={t('filterClear', { what: props.filter.what })}
          onClick={props.onClear}
        >
          ×
        </button>
      </span>
    </div>
  );
}

export function DashPlanList(props: {
  plans: readonly ApiPlan[];
  filter: DashFilter | null;
  onClear: () => void;
  onOpen: (planId: string) => void;
}) {
  const t = useProgressT();
  const { lang } = useLang();
  const ids = props.filter ? new Set(props.filter.ids) : null;
  const shown = ids ? props.plans.filter((p) => ids.has(p.id)) : props.plans;
  return (
    <section
      className="dash-section dash-plans"
      id="dash-plans"
      tabIndex={-1}
      aria-labelledby="sec-plans"
    >
      <div className="dash-head">
        <h3 id="sec-plans">
          {t('secPlans')}{' '}
          <small data-shown={shown.length}>
            {ids ? t('plansShown', { n: shown.length }) : t('plansAll', { n: shown.length })}
          </small>
        </h3>
      </div>
      {props.filter && <FilterChip filter={props.filter} onClear={props.onClear} />}
      {shown.length === 0 ? (
        <p className="hint">{t('noPlansFiltered')}</p>
      ) : (
        <DashTable
          label={t('showTable')}
          columns={[t('colPlan'), t('unit'), t('colStageNow'), t('colDeadline'), t('overdueDays')]}
          className="plan-list-table"
        >
          {shown.map((p) => {
            const unit = unitOfPlan(p);
            return (
              <tr key={p.id} data-plan={p.id}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => props.onOpen(p.id)}>
                    {p.name}
                  </button>{' '}
                  <span className="sub">
                    {levelLabel(p.level, lang)} {p.seq}
                  </span>
                </th>
                <td>{unit ? unitName(unit, lang) : p.unit}</td>
                <td>{stageText(p.stage, lang)}</td>
                <td>{lang === 'zh' ? p.deadline : p.deadlineMonth}</td>
                <td>{p.overdue ? p.daysPastDue : ''}</td>
              </tr>
            );
          })}
        </DashTable>
      )}
    </section>
  );
}
