// The edit of one account in the admin console: name, a planner's scope and publish right, a
// department's organisation, a new password, disable/enable; each a PATCH with the revision it was
// made from, so that a stale edit is refused.
import { type FormEvent, useState } from 'react';
import type { Session } from '../api';
import { useLang } from '../i18n';
import { Field, type Note, NoteLine, PlannerRights, useFailure } from './account-fields';
import { type AdminUser, type FieldProblem, patchUser } from './admin-api';
import { useAt } from './messages-admin';

/** The edit of one account; each action is one PATCH with the revision it was made from. */
export function EditForm(props: {
  session: Session;
  user: AdminUser;
  onSaved: (u: AdminUser) => void;
  reload: () => Promise<void>;
}) {
  const t = useAt();
  const { lang } = useLang();
  const { user } = props;
  const [form, setForm] = useState({
    name: user.name,
    scope: user.scope,
    canPublish: user.canPublish,
    organisation: user.organisation ?? '',
    password: '',
  });
  const [problem, setProblem] = useState<FieldProblem | null>(null);
  const [note, setNote] = useState<Note>(null);
  const [busy, setBusy] = useState(false);
  const fail = useFailure(lang, t, props.reload);
  const send = async (body: Record<string, unknown>, done: string) => {
    setBusy(true);
    setProblem(null);
    setNote(null);
    try {
      const saved = await patchUser(user.id, { ...body, base: user.revision }, props.session.csrf);
      props.onSaved(saved);
      // a password set is not kept in the form
      setForm((f) => ({ ...f, password: '' }));
      setNote({ ok: true, text: done });
    } catch (err) {
      await fail(err, setProblem, setNote);
    } finally {
      setBusy(false);
    }
  };
  const u = { username: user.username };
  const save = (e: FormEvent) => {
    e.preventDefault();
    void send(
      {
        name: form.name.trim(),
        ...(user.role === 'planner' ? { scope: form.scope, canPublish: form.canPublish } : {}),
        ...(user.role === 'department' ? { organisation: form.organisation.trim() } : {}),
      },
      t('accountSaved', u),
    );
  };
  return (
    <form className="admin-form account-edit" onSubmit={save} aria-label={t('accountEditTitle', u)}>
      <h4>{t('accountEditTitle', u)}</h4>
      <Field label={t('colName')} field="name" problem={problem}>
        {(id, invalid) => (
          <input
            id={id}
            aria-invalid={invalid}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
          />
        )}
      </Field>
      {user.role === 'department' && (
        <Field label={t('accountOrganisation')} field="organisation" problem={problem}>
          {(id, invalid) => (
            <input
              id={id}
              aria-invalid={invalid}
              value={form.organisation}
              onChange={(e) => setForm({ ...form, organisation: e.target.value })}
            />
          )}
        </Field>
      )}
      {user.role === 'planner' && <PlannerRights form={form} setForm={setForm} problem={problem} />}
      <div className="actions">
        <button type="submit" className="primary" data-action="save-account" disabled={busy}>
          {t('save')}
        </button>
      </div>
      <Field label={t('accountNewPassword')} field="password" problem={problem}>
        {(id, invalid) => (
          <input
            id={id}
            type="password"
            autoComplete="new-password"
            aria-invalid={invalid}
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
          />
        )}
      </Field>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          data-action="reset-password"
          disabled={busy || form.password === ''}
          onClick={() => void send({ password: form.password }, t('accountPasswordSet', u))}
        >
          {t('accountResetPassword')}
        </button>
        <button
          type="button"
          className={user.disabled ? 'secondary' : 'danger'}
          data-action={user.disabled ? 'enable-account' : 'disable-account'}
          disabled={busy}
          onClick={() =>
            void send(
              { disabled: !user.disabled },
              t(user.disabled ? 'accountEnabledDone' : 'accountDisabledDone', u),
            )
          }
        >
          {t(user.disabled ? 'accountEnable' : 'accountDisable')}
        </button>
      </div>
      {problem?.field === 'disabled' && (
        <p className="problem" role="alert">
          {problem.text}
        </p>
      )}
      <NoteLine note={note} />
    </form>
  );
}
