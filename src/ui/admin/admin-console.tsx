// The admin console at /admin (issue 19): accounts, the rule table, the 公告 settings, coordinate
// access and the audit log. It calls the admin routes and shows their refusals; it restates no rule.
// Anyone else reads 无权访问 (and the API refuses them anyway).
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { fetchMe, type Session } from '../api';
import { CoursesAdminSection } from '../courses/courses-admin-section';
import { showProblem } from '../workspace/panel/show-problem';
import { AccountsSection } from './accounts-section';
import { type AdminSettings, loadSettings } from './admin-api';
import { AuditSection } from './audit-section';
import { CoordinatesSection } from './coordinates-section';
import { ImagerySection } from './imagery-section';
import { type AdminKey, useAt } from './messages-admin';
import { NoticeSection } from './notice-section';
import { RulesSection } from './rules-section';
import './admin.css';

const LoginDialog = lazy(() => import('../auth/login-dialog'));

const SECTIONS = [
  ['accounts', 'secAccounts'],
  ['rules', 'secRules'],
  ['notice', 'secNotice'],
  ['coordinates', 'secCoordinates'],
  ['courses', 'secCourses'],
  ['imagery', 'secImagery'],
  ['audit', 'secAudit'],
] as const satisfies readonly (readonly [string, AdminKey])[];

type SectionId = (typeof SECTIONS)[number][0];

/** The section a URL hash names (#notice), else the accounts. */
function sectionOf(hash: string): SectionId {
  const id = hash.replace(/^#/, '');
  return SECTIONS.find(([s]) => s === id)?.[0] ?? 'accounts';
}

/** 无权访问: the public is asked to log in, other roles are told the page is for admins. */
function NoAccess(props: { session: Session | null; onLogin: (s: Session) => void }) {
  const t = useAt();
  const [open, setOpen] = useState(false);
  return (
    <div className="admin-denied" role="alert">
      <h2>{t('adminNoAccess')}</h2>
      <p>{props.session ? t('adminOnlyAdmins') : t('adminLoginPrompt')}</p>
      {!props.session && (
        <button type="button" className="primary" onClick={() => setOpen(true)}>
          {t('adminLogin')}
        </button>
      )}
      {open && (
        <Suspense fallback={null}>
          <LoginDialog
            onClose={(s) => {
              setOpen(false);
              if (s) props.onLogin(s);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}

/** The console: a heading, the section tabs and the open section. */
export default function AdminConsole(props: {
  session: Session | null;
  onLogin: (s: Session) => void;
  onClose: () => void;
}) {
  const t = useAt();
  const { session } = props;
  const [section, setSection] = useState<SectionId>(() => sectionOf(location.hash));
  const [settings, setSettings] = useState<AdminSettings | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const admin = session?.actor.role === 'admin';
  // on a reload the app's session check may still be on the wire: no 无权访问 before it answers
  const [checked, setChecked] = useState(session !== null);
  useEffect(() => {
    if (checked) return;
    let live = true;
    fetchMe()
      .catch(() => null)
      .then((s) => {
        if (!live) return;
        if (s) props.onLogin(s);
        setChecked(true);
      });
    return () => {
      live = false;
    };
  }, [checked, props.onLogin]);
  const reloadSettings = useCallback(
    () =>
      loadSettings().then(
        (s) => {
          setSettings(s);
          setProblem(null);
        },
        (e: unknown) => setProblem(showProblem(e, t)),
      ),
    [t],
  );
  useEffect(() => {
    if (admin) void reloadSettings();
  }, [admin, reloadSettings]);

  const choose = (id: SectionId) => {
    setSection(id);
    history.replaceState(null, '', `/admin#${id}`);
  };
  return (
    <section className="admin-console" aria-labelledby="admin-title">
      <div className="admin-head">
        <h2 id="admin-title">{t('adminTitle')}</h2>
        <button type="button" className="link" onClick={props.onClose}>
          {t('adminBack')}
        </button>
      </div>
      {!checked && !session ? (
        <p className="loading">{t('loadingAdmin')}</p>
      ) : !session || !admin ? (
        <NoAccess session={session} onLogin={props.onLogin} />
      ) : (
        <>
          <nav className="admin-tabs" aria-label={t('adminSections')}>
            {SECTIONS.map(([id, key]) => (
              <button
                key={id}
                type="button"
                data-section={id}
                aria-current={section === id ? 'page' : undefined}
                onClick={() => choose(id)}
              >
                {t(key)}
              </button>
            ))}
          </nav>
          {problem && (
            <p className="problem" role="alert">
              {problem}
            </p>
          )}
          <div className="admin-body">
            {section === 'accounts' && <AccountsSection session={session} />}
            {section === 'rules' && settings && (
              <RulesSection session={session} settings={settings} onSaved={reloadSettings} />
            )}
            {section === 'notice' && settings && (
              <NoticeSection
                session={session}
                settings={settings}
                onSaved={setSettings}
                reload={reloadSettings}
              />
            )}
            {section === 'coordinates' && settings && (
              <CoordinatesSection
                session={session}
                settings={settings}
                onSaved={setSettings}
                reload={reloadSettings}
              />
            )}
            {section === 'courses' && <CoursesAdminSection session={session} />}
            {section === 'audit' && <AuditSection />}
            {section === 'imagery' && <ImagerySection session={session} />}
            {!settings &&
              !['accounts', 'audit', 'courses', 'imagery'].includes(section) &&
              !problem && <p className="loading">{t('loadingAdmin')}</p>}
          </div>
        </>
      )}
    </section>
  );
}
