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

/**
 * The words the server records in details (auth-routes' login failures; audit-detail's secrets that
 * are only said to have changed), in the reader's language.
 */
const LOGIN_REASONS: Record<string, AdminKey> = {
  'unknown user': 'auditReasonUnknownUser',
  'wrong password': 'auditReasonWrongPassword',
  'account disabled': 'auditReasonDisabled',
  changed: 'auditSecretChanged',
  set: 'auditSecretSet',
  cleared: 'auditSecretCleared',
};

/** A value of a detail as short text: scalars as they are, lists joined, objects as k=v pairs. */
function valueText(v: unknown, t: (k: AdminKey) => string): string {
  if (typeof v === 'string') return LOGIN_REASONS[v] ? t(LOGIN_REASONS[v] as AdminKey) : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map((x) => valueText(x, t)).join(', ');
  if (v && typeof v === 'object')
    return Object.entries(v)
      .map(([k, x]) => `${k}=${valueText(x, t)}`)
      .join(', ');
  return '';
}

/**
 * A detail as readable pairs, `to：review · version：2`, cut at 160 characters (the whole stays in the
 * title). Secrets are never in it: the store writes only that they changed.
 */
const detailText = (
  d: unknown,
  lang: 'zh' | 'en',
  t: (k: AdminKey) => string,
): { short: string; full: string } => {
  if (d === null || d === undefined) return { short: '', full: '' };
  const full = JSON.stringify(d);
  const text =
    typeof d === 'object' && !Array.isArray(d)
      ? Object.entries(d as Record<string, unknown>)
          .filter(([, v]) => v !== undefined && v !== null)
          .map(([k, v]) => `${k}${lang === 'zh' ? '：' : ': '}${valueText(v, t)}`)
          .join(' · ')
      : valueText(d, t);
  return { short: text.length > 160 ? `${text.slice(0, 157)}…` : text, full };
};

/** Entries per page of the log. */
const PAGE = 100;

/** The 审计日志 section of the console. */
export function AuditSection() {
  const t = useAt();
  const { lang } = useLang();
  const [filter, setFilter] = useState({ target: '', actor: '' });
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [shownFilter, setShownFilter] = useState({ target: '', actor: '' });
  const [more, setMore] = useState(false);
  /** Loads the first page for a filter, or (with `before`) the next older page after the shown ones. */
  const load = useCallback(
    (f: { target: string; actor: string }, before?: number) =>
      loadAudit({ ...f, limit: PAGE, before }).then(
        (e) => {
          setEntries((shown) => (before === undefined ? e : [...(shown ?? []), ...e]));
          setShownFilter(f);
          setMore(e.length === PAGE);
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
                        <code className="detail" title={detailText(e.detail, lang, t).full}>
                          {detailText(e.detail, lang, t).short}
                        </code>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {more && (
            <button
              type="button"
              className="secondary audit-more"
              onClick={() => void load(shownFilter, entries.at(-1)?.id)}
            >
              {t('auditMore')}
            </button>
          )}
        </>
      )}
    </div>
  );
}
