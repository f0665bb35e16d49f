// 账号: the accounts (username, name, role, binding, scope, 可发布, 已停用, created), a new account,
// and the edit of one (name, scope, publish right, organisation, a new password, disable/enable).
// Every rule is the server's: the section sends the edit and shows the refusal at its field.
import { useCallback, useEffect, useState } from 'react';
import type { Session } from '../api';
import { useLang } from '../i18n';
import { formatTime, showProblem } from '../workspace/panel/show-problem';
import { CreateForm } from './account-create';
import { EditForm } from './account-edit';
import { countyNames } from './account-fields';
import { type AdminUser, loadUsers } from './admin-api';
import { type AT, useAt } from './messages-admin';

function scopeText(u: Pick<AdminUser, 'role' | 'scope'>, t: AT): string {
  if (u.role !== 'planner' || u.scope.level === 'all') return t('scopeAll');
  if (u.scope.level === 'city') return t('scopeCity');
  return t('scopeCounties', { names: countyNames(u.scope.counties) });
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
