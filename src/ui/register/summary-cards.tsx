import type { PlanFilter } from '../../domain/plans/filter-plans';
import type { PlanSummary } from '../../domain/plans/summarize-plans';
import { useLang } from '../i18n';

/** Counts by county and by deadline tier; a card click filters the register by it. */
export function SummaryCards(props: {
  summary: PlanSummary;
  filter: PlanFilter;
  onFilter: (f: PlanFilter) => void;
}) {
  const { t, lang } = useLang();
  const { summary, filter, onFilter } = props;
  return (
    <section className="summary" aria-label={t('byCounty')}>
      <div className="summary-group">
        <h3>
          {t('byCounty')} · {t('total')} {summary.total} ·{' '}
          <span className="bad">{t('overdueCount', { n: summary.overdue })}</span>
        </h3>
        <div className="cards">
          {summary.byCounty.map((c) => (
            <button
              type="button"
              key={c.county.adcode}
              className={`card${filter.county === c.county.adcode ? ' active' : ''}`}
              aria-pressed={filter.county === c.county.adcode}
              onClick={() =>
                onFilter({
                  ...filter,
                  county: filter.county === c.county.adcode ? undefined : c.county.adcode,
                })
              }
            >
              <span className="card-title">{lang === 'zh' ? c.county.name : c.county.nameEn}</span>
              <span className="card-n">{c.total}</span>
              <span className={c.overdue ? 'bad' : 'good'}>
                {t('overdueCount', { n: c.overdue })}
              </span>
            </button>
          ))}
        </div>
      </div>
      <div className="summary-group">
        <h3>{t('byTier')}</h3>
        <div className="cards">
          {summary.byTier.map((g) => (
            <button
              type="button"
              key={g.tier.key}
              className={`card tier${filter.tier === g.tier.key ? ' active' : ''}`}
              aria-pressed={filter.tier === g.tier.key}
              title={lang === 'zh' ? g.tier.zh : g.tier.en}
              onClick={() =>
                onFilter({ ...filter, tier: filter.tier === g.tier.key ? undefined : g.tier.key })
              }
            >
              <span className="card-title">
                {(lang === 'zh' ? g.tier.zh : g.tier.en).split(' · ')[0]}
              </span>
              <span className="card-n">{g.total}</span>
              <span className={g.overdue ? 'bad' : 'good'}>
                {t('overdueCount', { n: g.overdue })}
              </span>
            </button>
          ))}
        </div>
      </div>
    </section>
  );
}
