import type { ReactNode } from 'react';
import { CITY, COUNTIES } from '../../domain/plans/counties';
import type { PlanFilter } from '../../domain/plans/filter-plans';
import type { Level } from '../../domain/plans/plan';
import type { StageId } from '../../domain/workflow/stages';
import { STAGES } from '../../domain/workflow/stages';
import type { ApiPlan } from '../api';
import { useAt } from '../help/messages-access';
import { useLang } from '../i18n';
import { usePhone } from './use-phone';

function distinct(values: string[]): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'));
}

/** Search box and the register's filters; on a phone the dropdowns fold under 筛选 (with the count). */
export function FilterBar(props: {
  plans: readonly ApiPlan[];
  filter: PlanFilter;
  onFilter: (f: PlanFilter) => void;
  shown: number;
  /** buttons beside the count (the register's 导出 Excel) */
  actions?: ReactNode;
}) {
  const { t, lang } = useLang();
  const at = useAt();
  const phone = usePhone();
  const { filter, onFilter, plans } = props;
  const set = (patch: Partial<PlanFilter>) => onFilter({ ...filter, ...patch });
  const search = (
    <input
      type="search"
      placeholder={t('search')}
      aria-label={t('searchLabel')}
      title={t('searchLabel')}
      value={filter.q ?? ''}
      onChange={(e) => set({ q: e.target.value || undefined })}
    />
  );
  const choices = (
    <>
      <Choice
        label={t('level')}
        all={t('all')}
        value={filter.level}
        options={[
          { value: '市级', label: t('levelCity') },
          { value: '县级', label: t('levelCounty') },
        ]}
        onChange={(v) => set({ level: v as Level | undefined })}
      />
      <Choice
        label={t('county')}
        all={t('all')}
        value={filter.county}
        options={[CITY, ...COUNTIES].map((c) => ({
          value: c.adcode,
          label: lang === 'zh' ? c.name : c.nameEn,
        }))}
        onChange={(v) => set({ county: v })}
      />
      <Choice
        label={t('unit')}
        all={t('all')}
        value={filter.unit}
        options={distinct(plans.map((p) => p.unit)).map((u) => ({ value: u, label: u }))}
        onChange={(v) => set({ unit: v })}
      />
      <Choice
        label={t('chief')}
        all={t('all')}
        value={filter.chief}
        options={distinct(plans.map((p) => p.chief)).map((c) => ({ value: c, label: c }))}
        onChange={(v) => set({ chief: v })}
      />
      <Choice
        label={t('stage')}
        all={t('all')}
        value={filter.stage}
        options={STAGES.map((st) => ({ value: st.id, label: st[lang] }))}
        onChange={(v) => set({ stage: v as StageId | undefined })}
      />
      <Choice
        label={t('overdue')}
        all={t('all')}
        value={filter.overdue === undefined ? undefined : String(filter.overdue)}
        options={[
          { value: 'true', label: t('overdueYes') },
          { value: 'false', label: t('overdueNo') },
        ]}
        onChange={(v) => set({ overdue: v === undefined ? undefined : v === 'true' })}
      />
      <button type="button" className="link" onClick={() => onFilter({})}>
        {t('reset')}
      </button>
      {props.actions}
      <span className="count" aria-live="polite">
        {t('showing', { n: props.shown, total: plans.length })}
      </span>
    </>
  );
  if (!phone)
    return (
      <div className="filters">
        {search}
        {choices}
      </div>
    );
  // on a phone the search stays in view; the dropdowns fold under 筛选 with the count
  const chosen = Object.keys(filter).some((k) => k !== 'q');
  return (
    <>
      <div className="filters">{search}</div>
      <details className="phone-filters" open={chosen || undefined}>
        <summary>{at('filtersCount', { n: props.shown, total: plans.length })}</summary>
        <div className="filters">{choices}</div>
      </details>
    </>
  );
}

/** A labelled dropdown whose first option, "all", means no filter (undefined). */
export function Choice(props: {
  label: string;
  all: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange: (value: string | undefined) => void;
}) {
  return (
    <label>
      <span>{props.label}</span>
      <select
        value={props.value ?? ''}
        onChange={(e) => props.onChange(e.target.value || undefined)}
      >
        <option value="">{props.all}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
