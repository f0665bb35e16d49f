// A new account in the admin console: the server's rules decide, the form shows the refusal at its
// field (create: username, name, role, a chief's person or a department's organisation, a planner's
// scope and publish right, the first password).
import { type FormEvent, useState } from 'react';
import type { Scope } from '../../domain/access/actor';
import type { Session } from '../api';
import { useLang } from '../i18n';
import { Field, type Note, NoteLine, PlannerRights, useFailure } from './account-fields';
import { type AdminUser, createUser, type FieldProblem } from './admin-api';
import { useAt } from './messages-admin';

const ROLES = ['planner', 'chief', 'admin', 'department'] as const;
const ALL: Scope = { level: 'all', counties: [] };

/** A new account. */
export function CreateForm(props: { session: Session; onCreated: (u: AdminUser) => void }) {
  const t = useAt();
  const { lang } = useLang();
  const empty = {
    username: '',
    name: '',
    role: 'planner' as (typeof ROLES)[number],
    person: '',
    organisation: '',
    scope: ALL,
    canPublish: false,
    password: '',
  };
  const [form, setForm] = useState(empty);
  const [problem, setProblem] = useState<FieldProblem | null>(null);
  const [note, setNote] = useState<Note>(null);
  const [busy, setBusy] = useState(false);
  const fail = useFailure(lang, t, async () => {});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    setNote(null);
    const { role } = form;
    try {
      const created = await createUser(
        {
          username: form.username.trim(),
          name: form.name.trim(),
          role,
          password: form.password,
          ...(role === 'chief' ? { person: form.person.trim() } : {}),
          ...(role === 'department' ? { organisation: form.organisation.trim() } : {}),
          ...(role === 'planner' ? { scope: form.scope, canPublish: form.canPublish } : {}),
        },
        props.session.csrf,
      );
      setForm(empty);
      setNote({ ok: true, text: t('accountCreated', { username: created.username }) });
      props.onCreated(created);
    } catch (err) {
      await fail(err, setProblem, setNote);
    } finally {
      setBusy(false);
    }
  };
  const text = (
    key: 'username' | 'name' | 'person' | 'organisation' | 'password',
    label: string,
  ) => (
    <Field label={label} field={key} problem={problem}>
      {(id, invalid) => (
        <input
          id={id}
          type={key === 'password' ? 'password' : 'text'}
          autoComplete={key === 'password' ? 'new-password' : 'off'}
          aria-invalid={invalid}
          value={form[key]}
          onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        />
      )}
    </Field>
  );
  return (
    <form
      className="admin-form account-create"
      onSubmit={submit}
      aria-label={t('accountCreateTitle')}
    >
      <h3>{t('accountCreateTitle')}</h3>
      <div className="form-grid">
        {text('username', t('colUsername'))}
        {text('name', t('colName'))}
        <Field label={t('colRole')} field="role" problem={problem}>
          {(id, invalid) => (
            <select
              id={id}
              aria-invalid={invalid}
              value={form.role}
              onChange={(e) => setForm({ ...form, role: e.target.value as typeof form.role })}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {form.role === 'chief' && text('person', t('accountPerson'))}
        {form.role === 'department' && text('organisation', t('accountOrganisation'))}
        {text('password', t('accountPassword'))}
      </div>
      {form.role === 'planner' && <PlannerRights form={form} setForm={setForm} problem={problem} />}
      <div className="actions">
        <button type="submit" className="primary" data-action="create-account" disabled={busy}>
          {t('accountCreate')}
        </button>
      </div>
      <NoteLine note={note} />
    </form>
  );
}
