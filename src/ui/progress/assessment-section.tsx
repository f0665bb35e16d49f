// The 考核表 per unit (issue 14): reports on time %, finished by deadline %, overdue plans, km and
// markers from GET /api/progress's `assessment`. Every figure shows how it was computed: as its
// title (hover) and, for the keyboard and phones, in the row's expandable part.
import { Fragment, useState } from 'react';
import { renderMessage } from '../../contract/messages/render';
import type { Message } from '../../domain/message';
import { useLang } from '../i18n';
import { DashTable } from './charts';
import { type ProgressKey, useProgressT } from './messages-progress';
import type { StaffProgress } from './progress-api';
import { unitName } from './progress-text';
import { TableExport } from './table-export';

type Row = StaffProgress['assessment'][number];
const FIGURES = [
  ['reportsOnTime', 'colReportsOnTime', true],
  ['finishedByDeadline', 'colFinished', true],
  ['overdue', 'colOverdue', false],
  ['km', 'colKm', false],
  ['markers', 'colMarkers', false],
] as const satisfies readonly (readonly [keyof Omit<Row, 'unit'>, ProgressKey, boolean])[];

export function AssessmentSection(props: {
  rows: readonly Row[];
  month: string;
  now: string;
  onOverdue: (unit: string) => void;
}) {
  const t = useProgressT();
  const { lang } = useLang();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const basis = (m: { code: string; params?: Record<string, unknown> }) =>
    renderMessage(m as Message, lang);
  const value = (v: number | null, pct: boolean) =>
    v === null ? t('noValue') : pct ? t('percent', { v }) : v;
  const table = {
    sheet: t('assessmentSheet'),
    title: `${t('secAssessment')}（${props.month}）`,
    columns: [t('unit'), ...FIGURES.map(([, k]) => t(k))],
    rows: props.rows.map((r) => [
      unitName(r.unit, lang),
      ...FIGURES.map(([f, , pct]) =>
        r[f].value === null ? null : pct ? `${r[f].value}%` : r[f].value,
      ),
    ]),
  };
  const toggle = (unit: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (!next.delete(unit)) next.add(unit);
      return next;
    });
  return (
    <section className="dash-section assessment" aria-labelledby="sec-assessment">
      <div className="dash-head">
        <h3 id="sec-assessment">{t('secAssessment')}</h3>
        <TableExport table={table} now={props.now} />
      </div>
      <p className="hint">{t('assessmentHint')}</p>
      <DashTable
        label={t('showTable')}
        columns={[t('unit'), ...FIGURES.map(([, k]) => t(k))]}
        className="assessment-table"
      >
        {props.rows.map((r) => {
          const name = unitName(r.unit, lang);
          const expanded = open.has(r.unit);
          return (
            <Fragment key={r.unit}>
              <tr data-unit={r.unit}>
                <th scope="row">
                  <button
                    type="button"
                    className="link basis-toggle"
                    aria-expanded={expanded}
                    aria-controls={`basis-${r.unit}`}
                    aria-label={t(expanded ? 'hideBasis' : 'showBasis', { unit: name })}
                    onClick={() => toggle(r.unit)}
                  >
                    <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> {name}
                  </button>
                </th>
                {FIGURES.map(([f, , pct]) => (
                  <td key={f} title={basis(r[f].basis)} data-figure={f}>
                    {f === 'overdue' && (r.overdue.value ?? 0) > 0 ? (
                      <button
                        type="button"
                        className="link count"
                        onClick={() => props.onOverdue(r.unit)}
                      >
                        {r.overdue.value}
                      </button>
                    ) : (
                      value(r[f].value, pct)
                    )}
                  </td>
                ))}
              </tr>
              <tr id={`basis-${r.unit}`} className="basis-row" hidden={!expanded}>
                <td colSpan={FIGURES.length + 1}>
                  <dl>
                    {FIGURES.map(([f, k]) => (
                      <Fragment key={f}>
                        <dt>{t(k)}</dt>
                        <dd>{basis(r[f].basis)}</dd>
                      </Fragment>
                    ))}
                  </dl>
                </td>
              </tr>
            </Fragment>
          );
        })}
      </DashTable>
    </section>
  );
}
