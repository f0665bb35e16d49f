// 涉水工程管理范围: the rule table's per-type ranges of works inside the river, one row per type, every
// cell empty (尚未设置) until the bureau sets it. The server checks 0 < m ≤ 1000 (parseRuleTable).
import type { WorkRange, WorkRanges, WorkType } from '../../domain/works/work-types';
import { WORK_TYPES } from '../../domain/works/work-types';
import type { AT } from './messages-admin';

const FIELDS = ['upstreamM', 'downstreamM', 'sidesM', 'aroundM'] as const;
type Field = (typeof FIELDS)[number];

/** The form's cells: text as typed per type and field, and a reservoir's basis. */
export type WorksForm = Record<WorkType, Record<Field | 'basis', string>>;

/** The form of a table's work ranges (empty strings where unset). */
export function worksForm(ranges: WorkRanges | undefined): WorksForm {
  return Object.fromEntries(
    WORK_TYPES.map((type) => {
      const r: WorkRange = ranges?.[type] ?? {};
      const cells = Object.fromEntries(
        FIELDS.map((f) => [f, r[f] === undefined ? '' : String(r[f])]),
      );
      return [type, { ...cells, basis: r.basis ?? '' }];
    }),
  ) as WorksForm;
}

/** The table's `works` from the form: empty cells left out, text the server will name as wrong. */
export function worksBody(form: WorksForm): Record<string, Record<string, number | string>> {
  const out: Record<string, Record<string, number | string>> = {};
  for (const type of WORK_TYPES) {
    const r: Record<string, number | string> = {};
    for (const f of FIELDS) {
      const v = form[type][f].trim();
      if (v === '') continue;
      const n = Number(v);
      r[f] = Number.isFinite(n) ? n : v;
    }
    if (form[type].basis !== '') r.basis = form[type].basis;
    if (Object.keys(r).length > 0) out[type] = r;
  }
  return out;
}

/** The per-type table inside the rules form. */
export function WorksRanges(props: {
  form: WorksForm;
  onChange: (form: WorksForm) => void;
  problems: { field: string; error: string }[];
  t: AT;
}) {
  const { form, t } = props;
  const set = (type: WorkType, f: Field | 'basis', v: string) =>
    props.onChange({ ...form, [type]: { ...form[type], [f]: v } });
  const wrong = (type: WorkType) =>
    props.problems.filter((p) => p.field.startsWith(`works.${type}`));
  return (
    <fieldset className="rules-works">
      <legend>{t('worksTitle')}</legend>
      <p className="hint">{t('worksIntro')}</p>
      <div className="table-scroll">
        <table className="admin-table rules-table">
          <thead>
            <tr>
              <th scope="col">{t('worksType')}</th>
              {FIELDS.map((f) => (
                <th scope="col" key={f}>
                  {t(`works_${f}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {WORK_TYPES.map((type) => (
              <tr
                key={type}
                data-work={type}
                className={wrong(type).length > 0 ? 'wrong' : undefined}
              >
                <th scope="row">
                  {t(`workType_${type}`)}
                  {wrong(type).map((p) => (
                    <span key={p.field} className="problem cell-problem" role="alert">
                      {p.error}
                    </span>
                  ))}
                </th>
                {type === 'reservoir' ? (
                  <td colSpan={FIELDS.length}>
                    <select
                      aria-label={t('worksBasis')}
                      value={form.reservoir.basis}
                      onChange={(e) => set('reservoir', 'basis', e.target.value)}
                    >
                      <option value="">{t('worksUnset')}</option>
                      <option value="check-flood-level">{t('worksBasisFlood')}</option>
                      <option value="land-acquisition">{t('worksBasisLand')}</option>
                    </select>
                  </td>
                ) : (
                  FIELDS.map((f) => (
                    <td key={f}>
                      <input
                        inputMode="decimal"
                        placeholder={t('worksUnset')}
                        aria-label={`${t(`workType_${type}`)} ${t(`works_${f}`)}`}
                        value={form[type][f]}
                        onChange={(e) => set(type, f, e.target.value)}
                      />
                    </td>
                  ))
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}
