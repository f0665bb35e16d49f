// 账号: the accounts (username, name, role, binding, scope, 可发布, 已停用, created), a new account,
// and the edit of one (name, scope, publish right, organisation, a new password, disable/enable).
// Every rule is the server's: the section sends the edit and shows the refusal at its field.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { Scope } from '../../domain/access/actor';
import type { Session } from '../api';
import { useLang } from '../i18n';
import { formatTime, showProblem } from '../workspace/panel/show-problem';
import { countyNames, Field, ScopeField } from './account-fields';
import {
  type AdminUser,
  createUser,
  type FieldProblem,
  fieldProblem,
  isStale,
  loadUsers,
  patchUser,
} from './admin-api';
import { type AT, useAt } from './messages-admin';

type Note = { ok: boolean; text: string } | null;
const ROLES = ['planner', 'chief', 'admin', 'department'] as const;
const ALL: Scope = { level: 'all', counties: [] };

function scopeText(u: Pick<AdminUser, 'role' | 'scope'>, t: AT): string {
  if (u.role !== 'planner' || u.scope.level === 'all') return t('scopeAll');
  if (u.scope.level === 'city') return t('scopeCity');
  return t('scopeCounties', { names: countyNames(u.scope.counties) });
}

/** What a failed write shows: the field at fault, or a note (a stale edit reloads the list). */
function useFailure(lang: 'zh' | 'en', t: AT, reload: () => Promise<void>) {
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

/** A new account. */
function CreateForm(props: { session: Session; onCreated: (u: AdminUser) => void }) {
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
      {form.role === 'planner' && (
        <>
          <ScopeField
            scope={form.scope}
            problem={problem}
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
      )}
      <div className="actions">
        <button type="submit" className="primary" data-action="create-account" disabled={busy}>
          {t('accountCreate')}
        </button>
      </div>
      {note && (
        <p className={note.ok ? 'notice' : 'problem'} role={note.ok ? 'status' : 'alert'}>
          {note.text}
        </p>
      )}
    </form>
  );
}

/** The edit of one account; each action is one PATCH with the revision it was made from. */
function EditForm(props: {
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
      {user.role === 'planner' && (
        <>
          <ScopeField
            scope={form.scope}
            problem={problem}
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
      )}
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
      {note && (
        <p className={note.ok ? 'notice' : 'problem'} role={note.ok ? 'status' : 'alert'}>
          {note.text}
        </p>
      )}
    </form>
  );
}

/** The 账号 section of the console. */
export function AccountsSection({ session }: { session: Session }) {
  const t = useAt();
  const { lang } = useLang();
  const [users, setUsers] = useState<AdminUser[] | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const reload = useCallback(
    () =>
      loadUsers().then(
        (u) => {
          setUsers(u);
          setProblem(null);
        },
        (e: unknown) => setProblem(showProblem(e, t)),
      ),
    [t],
  );
  useEffect(() => {
    void reload();
  }, [reload]);
  const replace = (u: AdminUser) =>
    setUsers((list) => (list ? list.map((x) => (x.id === u.id ? u : x)) : list));
  const editUser = users?.find((u) => u.id === editing);
  return (
    <div className="admin-accounts">
      <h3>
        {t('secAccounts')}{' '}
        {users && <small className="muted">{t('accountCount', { n: users.length })}</small>}
      </h3>
      {problem && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      {!users && !problem && <p className="loading">{t('loadingAdmin')}</p>}
      {users && (
        <div className="table-scroll">
          <table className="admin-table accounts-table">
            <thead>
              <tr>
                <th scope="col">{t('colUsername')}</th>
                <th scope="col">{t('colName')}</th>
                <th scope="col">{t('colRole')}</th>
                <th scope="col">{t('colBinding')}</th>
                <th scope="col">{t('colScope')}</th>
                <th scope="col">{t('colPublish')}</th>
                <th scope="col">{t('colDisabled')}</th>
                <th scope="col">{t('colCreated')}</th>
                <th scope="col">{t('colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr
                  key={u.id}
                  data-username={u.username}
                  className={u.disabled ? 'disabled' : undefined}
                >
                  <td data-label={t('colUsername')}>{u.username}</td>
                  <td data-label={t('colName')}>{u.name}</td>
                  <td data-label={t('colRole')}>{t(`role${u.role}`)}</td>
                  <td data-label={t('colBinding')}>{u.person ?? u.organisation ?? '—'}</td>
                  <td data-label={t('colScope')}>{scopeText(u, t)}</td>
                  <td data-label={t('colPublish')}>
                    {u.role === 'admin' || (u.role === 'planner' && u.canPublish)
                      ? t('yes')
                      : t('no')}
                  </td>
                  <td data-label={t('colDisabled')} data-disabled={u.disabled}>
                    {u.disabled ? (
                      <span className="badge">{t('accountDisabledBadge')}</span>
                    ) : (
                      t('no')
                    )}
                  </td>
                  <td data-label={t('colCreated')}>{formatTime(u.createdAt, lang)}</td>
                  <td data-label={t('colActions')}>
                    <button
                      type="button"
                      className="secondary"
                      data-action="edit-account"
                      aria-expanded={editing === u.id}
                      onClick={() => setEditing(editing === u.id ? null : u.id)}
                    >
                      {t('accountEdit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editUser && (
        <EditForm
          key={editUser.id}
          session={session}
          user={editUser}
          onSaved={replace}
          reload={reload}
        />
      )}
      <CreateForm
        session={session}
        onCreated={(u) => {
          setUsers((list) => (list ? [...list, u] : [u]));
        }}
      />
    </div>
  );
}
