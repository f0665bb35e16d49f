// Overdue plans of the month ranked by days (逾期规划): a bar per plan, its table; a bar filters the
// plan list to that plan.
import { useLang } from '../i18n';
import { BarChart, DashTable } from './charts';
import { useProgressT } from './messages-progress';
import type { OverdueRow } from './progress-series';
import { unitName } from './progress-text';
import { TableExport } from './table-export';

const RED = '#c92a2a';

export function OverdueSection(props: {
  rows: readonly OverdueRow[];
  month: string;
  now: string;
  planName: (id: string) => string;
  selected: string | null;
  onPick: (planId: string) => void;
}) {
  const t = useProgressT();
  const { lang } = useLang();
  const label = (r: OverdueRow) =>
    t('overdueBar', { name: props.planName(r.planId), unit: unitName(r.unit, lang), days: r.days });
  const table = {
    sheet: t('overdueSheet'),
    title: `${t('secOverdue')}（${props.month}）`,
    columns: [t('overduePlan'), t('unit'), t('overdueDays')],
    rows: props.rows.map((r) => [props.planName(r.planId), unitName(r.unit, lang), r.days]),
  };
  return (
    <section className="dash-section overdue" aria-labelledby="sec-overdue">
      <div className="dash-head">
        <h3 id="sec-overdue">
          {t('secOverdue')} <small>({props.rows.length})</small>
        </h3>
        <TableExport table={table} now={props.now} />
      </div>
      {props.rows.length === 0 ? (
        <p className="hint">{t('overdueNone')}</p>
      ) : (
        <>
          <BarChart
            title={t('secOverdue')}
            labelWidth={150}
            rows={props.rows.map((r) => ({
              key: r.planId,
              label: `${props.planName(r.planId)}·${unitName(r.unit, lang)}`,
              segments: [{ key: 'days', value: r.days, colour: RED, label: label(r) }],
            }))}
            selected={props.selected ? { row: props.selected, segment: 'days' } : null}
            onPick={(planId) => props.onPick(planId)}
          />
          <details className="table-fold">
            <summary>{t('showTable')}</summary>
            <DashTable label={t('showTable')} columns={table.columns}>
              {props.rows.map((r) => (
                <tr key={r.planId} data-plan={r.planId}>
                  <th scope="row">{props.planName(r.planId)}</th>
                  <td>{unitName(r.unit, lang)}</td>
                  <td>{r.days}</td>
                </tr>
              ))}
            </DashTable>
          </details>
        </>
      )}
    </section>
  );
}
