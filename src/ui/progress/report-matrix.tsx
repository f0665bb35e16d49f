// Report punctuality (月报报送情况): units × months, 按时 / 逾期报送 / 未报送 / 未到期, as stacked bars
// per unit and as the city's matrix; a missing cell has a 催报 button for those who supervise.
import { useState } from 'react';
import { useLang } from '../i18n';
import { BarChart, DashTable, Legend } from './charts';
import { type ProgressKey, useProgressT } from './messages-progress';
import { problemText, type ReportMatrix, sendReminder } from './progress-api';
import { REPORT_STATES, stateCounts } from './progress-series';
import { STATE_COLOURS, unitName } from './progress-text';
import { TableExport } from './table-export';

type State = (typeof REPORT_STATES)[number];
const STATE_KEYS: Record<State, ProgressKey> = {
  'on-time': 'stateOnTime',
  late: 'stateLate',
  missing: 'stateMissing',
  'not-due': 'stateNotDue',
};

export function ReportMatrixSection(props: {
  matrix: ReportMatrix;
  now: string;
  /** the session's CSRF token when it may send reminders (催报), else null */
  remindWith: string | null;
  onChanged: () => void;
}) {
  const t = useProgressT();
  const { lang } = useLang();
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const { matrix } = props;
  const stateText = (s: State) => t(STATE_KEYS[s]);
  const remind = async (unit: string, month: string) => {
    if (!props.remindWith) return;
    setBusy(`${unit}:${month}`);
    try {
      await sendReminder({ unit, month }, props.remindWith);
      setSaid({ ok: true, text: t('remindDone', { unit: unitName(unit, lang), month }) });
      props.onChanged();
    } catch (e) {
      setSaid({ ok: false, text: t('remindFailed', { msg: problemText(e) }) });
    } finally {
      setBusy(null);
    }
  };
  const rows = matrix.rows.map((r) => {
    const counts = stateCounts(r.cells);
    return {
      key: r.unit,
      label: unitName(r.unit, lang),
      segments: REPORT_STATES.map((s) => ({
        key: s,
        value: counts[s],
        colour: STATE_COLOURS[s],
        label: t('punctualityBar', {
          unit: unitName(r.unit, lang),
          state: stateText(s),
          n: counts[s],
        }),
      })),
    };
  });
  const table = {
    sheet: t('punctualitySheet'),
    title: `${t('secPunctuality')}（${matrix.months[0] ?? ''}—${matrix.months.at(-1) ?? ''}）`,
    columns: [t('unit'), ...matrix.months],
    rows: matrix.rows.map((r) => [
      unitName(r.unit, lang),
      ...r.cells.map((c) => stateText(c.state)),
    ]),
  };
  return (
    <section className="dash-section matrix" aria-labelledby="sec-matrix">
      <div className="dash-head">
        <h3 id="sec-matrix">{t('secPunctuality')}</h3>
        <TableExport table={table} now={props.now} />
      </div>
      <p className="hint">{t('punctualityHint', { n: matrix.months.length })}</p>
      <BarChart title={t('secPunctuality')} rows={rows} />
      <Legend
        items={REPORT_STATES.map((s) => ({
          key: s,
          label: stateText(s),
          colour: STATE_COLOURS[s],
        }))}
      />
      {said && (
        <p className={said.ok ? 'done' : 'problem'} role={said.ok ? 'status' : 'alert'}>
          {said.text}
        </p>
      )}
      <DashTable
        label={t('showTable')}
        columns={[t('unit'), ...matrix.months]}
        className="report-matrix"
      >
        {matrix.rows.map((r) => (
          <tr key={r.unit} data-unit={r.unit}>
            <th scope="row">{unitName(r.unit, lang)}</th>
            {r.cells.map((c) => (
              <td
                key={c.month}
                data-month={c.month}
                data-state={c.state}
                className={`state-${c.state}`}
              >
                <span className="state">{stateText(c.state)}</span>
                {c.report && c.report.revision > 1 && (
                  <span className="sub"> {t('revisionShort', { n: c.report.revision })}</span>
                )}
                {c.reminders > 0 && (
                  <span className="sub reminders"> {t('reminded', { n: c.reminders })}</span>
                )}
                {c.state === 'missing' && props.remindWith && (
                  <button
                    type="button"
                    className="secondary small remind"
                    disabled={busy !== null}
                    title={t('remindTitle', { unit: unitName(r.unit, lang), month: c.month })}
                    aria-label={t('remindTitle', {
                      unit: unitName(r.unit, lang),
                      month: c.month,
                    })}
                    onClick={() => void remind(r.unit, c.month)}
                  >
                    {t('remind')}
                  </button>
                )}
              </td>
            ))}
          </tr>
        ))}
      </DashTable>
    </section>
  );
}
