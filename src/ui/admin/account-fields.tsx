// The fields an account form shares (create and edit): a field with its refusal under it, and the
// scope of a planner (all, city-level, or counties by name).
import { type ReactNode, useId } from 'react';
import type { Scope } from '../../domain/access/actor';
import { COUNTIES } from '../../domain/plans/counties';
import { showProblem } from '../workspace/panel/show-problem';
import { type FieldProblem, fieldProblem, isStale } from './admin-api';
import { type AT, useAt } from './messages-admin';

/** What a form says after a write: a confirmation or a refusal. */
export type Note = { ok: boolean; text: string } | null;

/** Whether a refused field (`scope.counties`) is `field` or within it. */
const isAt = (problem: FieldProblem | null, field: string): boolean =>
  problem !== null && (problem.field === field || problem.field.startsWith(`${field}.`));

/** A labelled field; the server's refusal of it (by field name) is shown under it. */
export function Field(props: {
  label: string;
  field: string;
  problem: FieldProblem | null;
  children: (id: string, invalid: boolean) => ReactNode;
}) {
  const id = useId();
  const wrong = isAt(props.problem, props.field);
  return (
    <div className="field" data-field={props.field}>
      <label htmlFor={id}>{props.label}</label>
      {props.children(id, wrong)}
      {wrong && (
        <p className="problem field-problem" role="alert">
          {props.problem?.text}
        </p>
      )}
    </div>
  );
}

/** What a form says after a write, under its buttons (a confirmation is a status, a refusal an alert). */
export function NoteLine({ note }: { note: Note }) {
  if (!note) return null;
  return (
    <p className={note.ok ? 'notice' : 'problem'} role={note.ok ? 'status' : 'alert'}>
      {note.text}
    </p>
  );
}

/** A planner's rights: its scope and whether it may publish (公告实施). */
export function PlannerRights<F extends { scope: Scope; canPublish: boolean }>(props: {
  form: F;
  setForm: (f: F) => void;
  problem: FieldProblem | null;
}) {
  const t = useAt();
  const { form, setForm } = props;
  return (
    <>
      <ScopeField
        scope={form.scope}
        problem={props.problem}
        onChange={(scope) => setForm({ ...form, scope })}
      />
      <label className="inline">
        <input
          type="checkbox"
          checked={form.canPublish}
          onChange={(e) => setForm({ ...form, canPublish: e.target.checked })}
        />
        {t('accountCanPublish')}
      </label>
    </>
  );
}

/** The counties of a scope by name (灵山县、浦北县). */
export function countyNames(codes: readonly string[]): string {
  return codes.map((c) => COUNTIES.find((x) => x.adcode === c)?.name ?? c).join('、');
}

/** A planner's scope: all plans, the city-level plans, or the plans of the counties ticked. */
function ScopeField(props: {
  scope: Scope;
  onChange: (s: Scope) => void;
  problem: FieldProblem | null;
}) {
  const t = useAt();
  const name = useId();
  const { scope } = props;
  const wrong = isAt(props.problem, 'scope');
  const level = (l: Scope['level']) => (
    <label className="inline">
      <input
        type="radio"
        name={name}
        value={l}
        checked={scope.level === l}
        onChange={() =>
          props.onChange({ level: l, counties: l === 'county' ? scope.counties : [] })
        }
      />
      {t(l === 'all' ? 'scopeAll' : l === 'city' ? 'scopeCity' : 'scopeCounty')}
    </label>
  );
  return (
    <fieldset className="field scope-field" data-field="scope" aria-invalid={wrong}>
      <legend>{t('accountScope')}</legend>
      <div className="choices-row">
        {level('all')}
        {level('city')}
        {level('county')}
      </div>
      {scope.level === 'county' && (
        <div className="choices-row counties">
          {COUNTIES.map((c) => (
            <label key={c.adcode} className="inline">
              <input
                type="checkbox"
                value={c.adcode}
                checked={scope.counties.includes(c.adcode)}
                onChange={(e) =>
                  props.onChange({
                    level: 'county',
                    counties: e.target.checked
                      ? [...scope.counties, c.adcode]
                      : scope.counties.filter((x) => x !== c.adcode),
                  })
                }
              />
              {c.name}
            </label>
          ))}
        </div>
      )}
      {wrong && (
        <p className="problem field-problem" role="alert">
          {props.problem?.text}
        </p>
      )}
    </fieldset>
  );
}

/** What a failed write shows: the field at fault, or a note (a stale edit reloads the list). */
export function useFailure(lang: 'zh' | 'en', t: AT, reload: () => Promise<void>) {
  return async (
    e: unknown,
    setProblem: (p: FieldProblem | null) => void,
    setNote: (n: Note) => void,
  ) => {
    const field = fieldProblem(e, lang);
    if (field) return setProblem(field);
    if (isStale(e)) {
      await reload();
      return setNote({ ok: false, text: t('stale', { msg: e.message }) });
    }
    setNote({ ok: false, text: showProblem(e, t) });
  };
}
