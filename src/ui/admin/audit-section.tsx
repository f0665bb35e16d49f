// 审计日志: the newest entries of the audit log, filtered by target and actor (read-only).
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useLang } from '../i18n';
import { formatTime, showProblem } from '../workspace/panel/show-problem';
import { type AuditEntry, loadAudit } from './admin-api';
import { type AdminKey, useAt } from './messages-admin';

/** The kind of an action (`user.update` → 账号), for people; the code stays beside it. */
function actionKind(action: string): AdminKey | null {
  const kind = `action${action.split('.')[0] ?? ''}`;
  return kind in KINDS ? (kind as AdminKey) : null;
}
const KINDS = Object.fromEntries(
  [
    'user',
    'settings',
    'login',
    'plan',
    'stage',
    'geometry',
    'publish',
    'comment',
    'consultation',
    'display',
    'acceptance',
    'seed',
  ].map((k) => [`action${k}`, true]),
);

/** A detail as short text (secrets are never in it: the store writes only that they changed). */
const detailText = (d: unknown): string => {
  if (d === null || d === undefined) return '';
  const text = JSON.stringify(d);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
};

/** The 审计日志 section of the console. */
export function AuditSection() {
  const t = useAt();
  const { lang } = useLang();
  const [filter, setFilter] = useState({ target: '', actor: '' });
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const load = useCallback(
    (f: { target: string; actor: string }) =>
      loadAudit(f).then(
        (e) => {
          setEntries(e);
          setProblem(null);
        },
        (e: unknown) => setProblem(showProblem(e, t)),
      ),
    [t],
  );
  useEffect(() => {
    void load({ target: '', actor: '' });
  }, [load]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load(filter);
  };
  return (
    <div className="admin-audit">
      <h3>{t('secAudit')}</h3>
      <p className="hint">{t('auditIntro')}</p>
      <form className="audit-filter" onSubmit={submit}>
        <label>
          {t('auditTarget')}
          <input
            value={filter.target}
            onChange={(e) => setFilter({ ...filter, target: e.target.value })}
          />
        </label>
        <label>
          {t('auditActor')}
          <input
            value={filter.actor}
            onChange={(e) => setFilter({ ...filter, actor: e.target.value })}
          />
        </label>
        <button type="submit" className="secondary">
          {t('auditFilter')}
        </button>
      </form>
      {problem && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      {entries && entries.length === 0 && <p className="hint">{t('auditNone')}</p>}
      {entries && entries.length > 0 && (
        <>
          <p className="hint">{t('auditShown', { n: entries.length })}</p>
          <div className="table-scroll">
            <table className="admin-table audit-table">
              <thead>
                <tr>
                  <th scope="col">{t('auditAt')}</th>
                  <th scope="col">{t('auditWho')}</th>
                  <th scope="col">{t('auditAction')}</th>
                  <th scope="col">{t('auditWhat')}</th>
                  <th scope="col">{t('auditDetail')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => {
                  const kind = actionKind(e.action);
                  return (
                    <tr key={e.id} data-action={e.action}>
                      <td data-label={t('auditAt')}>{formatTime(e.at, lang)}</td>
                      <td data-label={t('auditWho')}>{e.actor}</td>
                      <td data-label={t('auditAction')}>
                        {kind && `${t(kind)} `}
                        <code>{e.action}</code>
                      </td>
                      <td data-label={t('auditWhat')}>{e.target}</td>
                      <td data-label={t('auditDetail')}>
                        <code className="detail">{detailText(e.detail)}</code>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
