// 规则表: the rule table in force as a table of width ranges, edited cell by cell and checked by the
// server (parseRuleTable), whose reasons are shown at their row; the default table can be restored.

import { type FormEvent, Fragment, useCallback, useEffect, useState } from 'react';
import { DEFAULT_RULES, type RuleTable } from '../../domain/zones/rules';
import { ApiError, type Session } from '../api';
import { showProblem } from '../workspace/panel/show-problem';
import { NoteLine } from './account-fields';
import { type AdminSettings, isStale, loadRules, saveRules } from './admin-api';
import { type AT, useAt } from './messages-admin';
import { WorksRanges, worksBody, worksForm } from './works-ranges';

/** The rows of the table: the field path of each range in the rule table's JSON. */
const ROWS = ['toe.1', 'toe.2', 'toe.3', 'toe.4', 'toe.5', 'protection', 'bank'] as const;
type Row = (typeof ROWS)[number];
type Cells = Record<Row, { min: string; max: string }>;

function rowLabel(row: Row, t: AT): string {
  if (row === 'protection') return t('rulesProtection');
  if (row === 'bank') return t('rulesBank');
  return row === 'toe.5' ? t('rulesToe5') : t('rulesToe', { c: row.slice(4) });
}

/** The range of a row in a table. */
function rangeOf(table: RuleTable, row: Row) {
  if (row === 'protection') return table.protection;
  if (row === 'bank') return table.bank;
  return table.toe[Number(row.slice(4)) as 1 | 2 | 3 | 4 | 5];
}

function toForm(table: RuleTable) {
  const cells = Object.fromEntries(
    ROWS.map((r) => {
      const range = rangeOf(table, r);
      return [r, { min: String(range.min), max: String(range.max) }];
    }),
  ) as Cells;
  return {
    id: table.id,
    version: table.version,
    legalBasis: table.legalBasis,
    cells,
    works: worksForm(table.works),
  };
}
type Form = ReturnType<typeof toForm>;

/** A number as typed, or the text itself (the server says the cell is not a number). */
const numberOrText = (v: string): number | string => {
  const n = Number(v.trim());
  return v.trim() !== '' && Number.isFinite(n) ? n : v;
};

/** The rule table's JSON from the form (its overrides kept as they are). */
function toBody(f: Form, overrides: RuleTable['overrides']) {
  const range = (r: Row) => ({
    min: numberOrText(f.cells[r].min),
    max: numberOrText(f.cells[r].max),
  });
  return {
    id: f.id.trim(),
    version: f.version.trim(),
    legalBasis: f.legalBasis.trim() || undefined,
    toe: {
      1: range('toe.1'),
      2: range('toe.2'),
      3: range('toe.3'),
      4: range('toe.4'),
      5: range('toe.5'),
    },
    protection: range('protection'),
    bank: range('bank'),
    works: worksBody(f.works),
    overrides,
  };
}

/** The server's reasons by field (`toe.5`, `toe.5.min`, `id`), from a 400 of PUT /api/rules. */
function problemsOf(e: unknown): { field: string; error: string }[] | null {
  if (!(e instanceof ApiError) || e.status !== 400) return null;
  const list = e.body?.problems;
  if (!Array.isArray(list)) return [{ field: String(e.body?.field ?? 'body'), error: e.message }];
  return list.filter(
    (p): p is { field: string; error: string } =>
      typeof p?.field === 'string' && typeof p?.error === 'string',
  );
}

/** The reasons about a field or within it. */
const at = (problems: { field: string; error: string }[], field: string) =>
  problems.filter((p) => p.field === field || p.field.startsWith(`${field}.`));

/** The 规则表 section of the console. */
export function RulesSection(props: {
  session: Session;
  settings: AdminSettings;
  onSaved: () => Promise<void>;
}) {
  const t = useAt();
  const [table, setTable] = useState<RuleTable | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [problems, setProblems] = useState<{ field: string; error: string }[]>([]);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(
    () =>
      loadRules().then(
        (r) => {
          setTable(r);
          setForm(toForm(r));
        },
        (e: unknown) => setNote({ ok: false, text: showProblem(e, t) }),
      ),
    [t],
  );
  useEffect(() => {
    void load();
  }, [load]);
  if (!form || !table) return note ? <p className="problem">{note.text}</p> : null;

  const put = async (body: unknown, done: (r: RuleTable) => string) => {
    setBusy(true);
    setNote(null);
    setProblems([]);
    try {
      const saved = await saveRules(body, props.settings.rulesRevision, props.session.csrf);
      setTable(saved);
      setForm(toForm(saved));
      setNote({ ok: true, text: done(saved) });
      await props.onSaved();
    } catch (e) {
      const found = problemsOf(e);
      if (isStale(e)) {
        await Promise.all([load(), props.onSaved()]);
        setNote({ ok: false, text: t('stale', { msg: e.message }) });
      } else if (found) {
        setProblems(found);
        setNote({ ok: false, text: t('rulesRefused') });
      } else setNote({ ok: false, text: showProblem(e, t) });
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void put(toBody(form, table.overrides), (r) =>
      t('rulesSaved', { id: r.id, version: r.version }),
    );
  };
  const restore = () => {
    if (!confirm(t('rulesRestoreConfirm'))) return;
    void put(DEFAULT_RULES, () => t('rulesRestored'));
  };
  const cell = (row: Row, end: 'min' | 'max') => (
    <input
      inputMode="decimal"
      aria-label={`${rowLabel(row, t)} ${end === 'min' ? t('rulesMin') : t('rulesMax')}`}
      aria-invalid={at(problems, row).length > 0}
      value={form.cells[row][end]}
      onChange={(e) =>
        setForm({
          ...form,
          cells: { ...form.cells, [row]: { ...form.cells[row], [end]: e.target.value } },
        })
      }
    />
  );
  const text = (name: 'id' | 'version' | 'legalBasis', label: string) => (
    <div className="field" data-rule={name}>
      <label htmlFor={`rule-${name}`}>{label}</label>
      {name === 'legalBasis' ? (
        <textarea
          id={`rule-${name}`}
          rows={2}
          value={form[name]}
          onChange={(e) => setForm({ ...form, [name]: e.target.value })}
        />
      ) : (
        <input
          id={`rule-${name}`}
          value={form[name]}
          aria-invalid={at(problems, name).length > 0}
          onChange={(e) => setForm({ ...form, [name]: e.target.value })}
        />
      )}
      {at(problems, name).map((p) => (
        <p key={p.field + p.error} className="problem field-problem">
          {p.error}
        </p>
      ))}
    </div>
  );
  return (
    <form className="admin-form rules-form" onSubmit={submit} aria-label={t('secRules')}>
      <h3>{t('secRules')}</h3>
      <p className="hint">{t('rulesIntro')}</p>
      <div className="rules-ids">
        {text('id', t('rulesId'))}
        {text('version', t('rulesVersion'))}
      </div>
      {text('legalBasis', t('rulesLegalBasis'))}
      <div className="table-scroll">
        <table className="admin-table rules-table">
          <thead>
            <tr>
              <th scope="col">{t('rulesItem')}</th>
              <th scope="col">{t('rulesMin')}</th>
              <th scope="col">{t('rulesMax')}</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => {
              const wrong = at(problems, row);
              const d = rangeOf(DEFAULT_RULES, row);
              return (
                <Fragment key={row}>
                  <tr data-row={row} className={wrong.length > 0 ? 'wrong' : undefined}>
                    <th scope="row">
                      {rowLabel(row, t)}
                      <small className="muted">
                        {t('rulesDefault')} {d.min}–{d.max}
                      </small>
                    </th>
                    <td>{cell(row, 'min')}</td>
                    <td>{cell(row, 'max')}</td>
                  </tr>
                  {wrong.length > 0 && (
                    <tr className="wrong" data-problem-of={row}>
                      <td colSpan={3}>
                        {wrong.map((p) => (
                          <span
                            key={p.field + p.error}
                            className="problem cell-problem"
                            role="alert"
                          >
                            {p.error}
                          </span>
                        ))}
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      <WorksRanges
        form={form.works}
        onChange={(works) => setForm({ ...form, works })}
        problems={problems}
        t={t}
      />
      {table.overrides.length > 0 && (
        <details className="rules-overrides">
          <summary>{t('rulesOverrides', { n: table.overrides.length })}</summary>
          <pre>{JSON.stringify(table.overrides, null, 2)}</pre>
        </details>
      )}
      <div className="actions">
        <button type="submit" className="primary" data-action="save-rules" disabled={busy}>
          {t('rulesSave')}
        </button>
        <button
          type="button"
          className="secondary"
          data-action="restore-rules"
          onClick={restore}
          disabled={busy}
        >
          {t('rulesRestore')}
        </button>
      </div>
      <NoteLine note={note} />
    </form>
  );
}
