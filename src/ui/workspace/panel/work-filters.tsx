import { CITY, COUNTIES } from '../../../domain/plans/counties';
import type { PlanFilter } from '../../../domain/plans/filter-plans';
import { filterPlans } from '../../../domain/plans/filter-plans';
import type { StageId } from '../../../domain/workflow/stages';
import { STAGES } from '../../../domain/workflow/stages';
import type { ApiPlan } from '../../api';
import { useAt } from '../../help/messages-access';
import { PUNCT, useLang } from '../../i18n';
import { Choice } from '../../register/filter-bar';

/** How many of `plans` the filter keeps with `patch` in place of its own value: an option's count. */
const countWith = (plans: readonly ApiPlan[], filter: PlanFilter, patch: PlanFilter) =>
  filterPlans(plans, { ...filter, ...patch }).length;

/**
 * 我的任务's filters: search, stage, county, overdue (the register's filter, filterPlans); each option
 * says how many tasks it would show with the other filters kept.
 */
export function WorkFilters(props: {
  plans: readonly ApiPlan[];
  filter: PlanFilter;
  onFilter: (f: PlanFilter) => void;
  shown: number;
}) {
  const { t, lang } = useLang();
  const at = useAt();
  const { plans, filter, onFilter } = props;
  const set = (patch: Partial<PlanFilter>) => onFilter({ ...filter, ...patch });
  const counted = (label: string, patch: PlanFilter) =>
    `${label}${PUNCT[lang].open}${countWith(plans, filter, patch)}${PUNCT[lang].close}`;
  const counties = [CITY, ...COUNTIES].filter((c) =>
    plans.some((p) => p.county.adcode === c.adcode),
  );
  const stages = STAGES.filter((st) => plans.some((p) => p.stage === st.id));
  return (
    <fieldset className="filters work-filters">
      <legend className="visually-hidden">{at('taskFilters')}</legend>
      <input
        type="search"
        placeholder={t('search')}
        aria-label={t('searchLabel')}
        value={filter.q ?? ''}
        onChange={(e) => set({ q: e.target.value || undefined })}
      />
      <Choice
        label={t('stage')}
        all={t('all')}
        value={filter.stage}
        options={stages.map((st) => ({ value: st.id, label: counted(st[lang], { stage: st.id }) }))}
        onChange={(v) => set({ stage: v as StageId | undefined })}
      />
      <Choice
        label={t('county')}
        all={t('all')}
        value={filter.county}
        options={counties.map((c) => ({
          value: c.adcode,
          label: counted(lang === 'zh' ? c.name : c.nameEn, { county: c.adcode }),
        }))}
        onChange={(v) => set({ county: v })}
      />
      <Choice
        label={t('overdue')}
        all={t('all')}
        value={filter.overdue === undefined ? undefined : String(filter.overdue)}
        options={[
          { value: 'true', label: counted(t('overdueYes'), { overdue: true }) },
          { value: 'false', label: counted(t('overdueNo'), { overdue: false }) },
        ]}
        onChange={(v) => set({ overdue: v === undefined ? undefined : v === 'true' })}
      />
      <button type="button" className="link" onClick={() => onFilter({})}>
        {t('reset')}
      </button>
      <span className="count" aria-live="polite">
        {t('showing', { n: props.shown, total: plans.length })}
      </span>
    </fieldset>
  );
}
