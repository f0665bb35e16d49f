import { renderMessage } from '../../contract/messages/render';
import type { PlanSortKey } from '../../domain/plans/filter-plans';
import { mapStatusMessage, mapStatusShort } from '../../domain/rivers/map-status';
import type { RiverView } from '../../domain/rivers/waterbody';
import { stageLabel } from '../../domain/workflow/stages';
import type { ApiPlan } from '../api';
import type { MessageKey } from '../i18n';
import { levelLabel, PUNCT, useLang } from '../i18n';
import { PlanList } from './plan-list';
import { StatusBadge } from './status-badge';
import { usePhone } from './use-phone';

const COLUMNS: { key: PlanSortKey | null; label: MessageKey }[] = [
  { key: 'seq', label: 'seq' },
  { key: 'name', label: 'name' },
  { key: 'basinAreaKm2', label: 'basinArea' },
  { key: 'chief', label: 'chief' },
  { key: 'unit', label: 'unit' },
  { key: 'leader', label: 'leader' },
  { key: 'deadline', label: 'deadline' },
  { key: 'stage', label: 'stage' },
  { key: 'overdue', label: 'status' },
  { key: null, label: 'map' },
];

/** The plan register: sortable columns; a compact list on a phone. */
export function PlanTable(props: {
  plans: readonly ApiPlan[];
  rivers: ReadonlyMap<string, RiverView>;
  sort: { key: PlanSortKey; dir: 'asc' | 'desc' };
  onSort: (key: PlanSortKey) => void;
  selectedId: string | null;
  /** a row clicked or pressed: the one handler of it (the app opens the plan or selects the river) */
  onRow: (plan: ApiPlan) => void;
}) {
  const { t, lang } = useLang();
  const phone = usePhone();
  if (props.plans.length === 0) return <p className="empty">{t('noResults')}</p>;
  if (phone) return <PlanList {...props} />;
  return (
    <div className="table-wrap">
      <table className="plans">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th
                key={c.label}
                aria-sort={
                  c.key && props.sort.key === c.key
                    ? props.sort.dir === 'asc'
                      ? 'ascending'
                      : 'descending'
                    : undefined
                }
              >
                {c.key ? (
                  <button
                    type="button"
                    title={t('sortBy', { col: t(c.label) })}
                    onClick={() => c.key && props.onSort(c.key)}
                  >
                    {t(c.label)}
                    {props.sort.key === c.key ? (props.sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                  </button>
                ) : (
                  t(c.label)
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.plans.map((p) => {
            const river = props.rivers.get(p.riverId);
            const reservoirs = river?.reservoirNames ?? [];
            const selected =
              props.selectedId === p.riverId || river?.reservoirs.includes(props.selectedId ?? '');
            return (
              <tr
                key={p.id}
                data-plan={p.id}
                className={`${selected ? 'selected' : ''}${p.overdue ? ' overdue' : ''}`}
                onClick={() => props.onRow(p)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    props.onRow(p);
                  }
                }}
                tabIndex={0}
                aria-selected={selected}
              >
                <td data-label={t('seq')}>
                  <span className={`level ${p.level === '市级' ? 'city' : 'county'}`}>
                    {levelLabel(p.level, lang)}
                  </span>{' '}
                  {p.seq}
                </td>
                <td data-label={t('name')} className="name">
                  <strong>{p.name}</strong>
                  {p.note && (
                    <span
                      className="badge note"
                      title={`${t('note')}${PUNCT[lang].colon}${p.note}`}
                    >
                      {p.note}
                    </span>
                  )}
                  {reservoirs.length > 0 && (
                    <span className="sub">
                      {PUNCT[lang].open}
                      {reservoirs.join(PUNCT[lang].list)}
                      {PUNCT[lang].close}
                    </span>
                  )}
                  {river && river.aliases.length > 0 && river.kind === 'river' && (
                    <span className="sub">
                      {t('aliases')}
                      {PUNCT[lang].colon}
                      {river.aliases.join(PUNCT[lang].list)}
                    </span>
                  )}
                </td>
                <td data-label={t('basinArea')} className="num">
                  {p.basinAreaKm2 ?? '—'}
                </td>
                <td data-label={t('chief')}>{p.chief}</td>
                <td data-label={t('unit')}>{p.unit}</td>
                <td data-label={t('leader')}>{p.leader}</td>
                <td data-label={t('deadline')} title={t('dueDate', { d: p.dueDate })}>
                  {lang === 'zh' ? p.deadline : p.deadlineMonth}
                </td>
                <td data-label={t('stage')}>{stageLabel(p.stage, lang)}</td>
                <td data-label={t('status')}>
                  <StatusBadge plan={p} />
                </td>
                <td data-label={t('map')}>
                  <span
                    className={`badge ${!river || river.mapStatus === 'unmapped' ? 'muted' : 'mapped'}`}
                    data-map-status={river?.mapStatus ?? 'unmapped'}
                    title={renderMessage(mapStatusMessage(river?.mapStatus ?? 'unmapped'), lang)}
                  >
                    {renderMessage(mapStatusShort(river?.mapStatus ?? 'unmapped'), lang)}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
