import { CITY, COUNTIES } from '../../domain/plans/counties';
import type { PlanFilter } from '../../domain/plans/filter-plans';
import type { Level } from '../../domain/plans/plan';
import type { StageId } from '../../domain/workflow/stages';
import { STAGES } from '../../domain/workflow/stages';
import type { ApiPlan } from '../api';
import { useLang } from '../i18n';

function distinct(values: string[]): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'));
}

/** Search box and the register's filters. */
export function FilterBar(props: {
  plans: readonly ApiPlan[];
  filter: PlanFilter;
  onFilter: (f: PlanFilter) => void;
  shown: number;
}) {
  const { t, lang } = useLang();
  const { filter, onFilter, plans } = props;
  const set = (patch: Partial<PlanFilter>) => onFilter({ ...filter, ...patch });
  const opt = (v: string) => (v === '' ? undefined : v);
  return (
    <div className="filters">
      <input
        type="search"
        placeholder={t('search')}
        aria-label={t('searchLabel')}
        title={t('searchLabel')}
        value={filter.q ?? ''}
        onChange={(e) => set({ q: e.target.value || undefined })}
      />
      <label>
        <span>{t('level')}</span>
        <select
          value={filter.level ?? ''}
          onChange={(e) => set({ level: opt(e.target.value) as Level | undefined })}
        >
          <option value="">{t('all')}</option>
          <option value="市级">{t('levelCity')}</option>
          <option value="县级">{t('levelCounty')}</option>
        </select>
      </label>
      <label>
        <span>{t('county')}</span>
        <select value={filter.county ?? ''} onChange={(e) => set({ county: opt(e.target.value) })}>
          <option value="">{t('all')}</option>
          {[CITY, ...COUNTIES].map((c) => (
            <option key={c.adcode} value={c.adcode}>
              {lang === 'zh' ? c.name : c.nameEn}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('unit')}</span>
        <select value={filter.unit ?? ''} onChange={(e) => set({ unit: opt(e.target.value) })}>
          <option value="">{t('all')}</option>
          {distinct(plans.map((p) => p.unit)).map((u) => (
            <option key={u}>{u}</option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('chief')}</span>
        <select value={filter.chief ?? ''} onChange={(e) => set({ chief: opt(e.target.value) })}>
          <option value="">{t('all')}</option>
          {distinct(plans.map((p) => p.chief)).map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('stage')}</span>
        <select
          value={filter.stage ?? ''}
          onChange={(e) => set({ stage: opt(e.target.value) as StageId | undefined })}
        >
          <option value="">{t('all')}</option>
          {STAGES.map((s) => (
            <option key={s.id} value={s.id}>
              {s[lang]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('overdue')}</span>
        <select
          value={filter.overdue === undefined ? '' : String(filter.overdue)}
          onChange={(e) =>
            set({ overdue: e.target.value === '' ? undefined : e.target.value === 'true' })
          }
        >
          <option value="">{t('all')}</option>
          <option value="true">{t('overdueYes')}</option>
          <option value="false">{t('overdueNo')}</option>
        </select>
      </label>
      <button type="button" className="link" onClick={() => onFilter({})}>
        {t('reset')}
      </button>
      <span className="count" aria-live="polite">
        {t('showing', { n: props.shown, total: plans.length })}
      </span>
    </div>
  );
}
