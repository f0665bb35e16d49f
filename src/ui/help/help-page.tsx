import { useEffect } from 'react';
import { useLang } from '../i18n';
import { guideOf, HELP_ROLES, type HelpRole } from './help-guide';
import { useAt } from './messages-access';
import './help.css';

/** The role a path /help/<role> names; /help itself shows every role. */
function roleOf(path: string): HelpRole | null {
  const m = /^\/help\/([a-z]+)\/?$/.exec(path);
  return HELP_ROLES.find((r) => r === m?.[1]) ?? null;
}

/** 使用说明: a short guide per role (/help, /help/<role>), with the tests' screenshots. */
export default function HelpPage() {
  const { lang, setLang, t } = useLang();
  const at = useAt();
  const only = roleOf(location.pathname);
  const roles = only ? [only] : HELP_ROLES;
  const title = only ? `${at('helpTitle')} · ${guideOf(only, lang).title}` : at('helpTitle');
  useEffect(() => {
    document.title = `${title} · ${t('appName')}`;
  }, [title, t]);
  return (
    <div className="help-page">
      <header className="top">
        <a className="home" href="/">
          <img src="/favicon.svg" alt="" width={24} height={24} /> {t('appName')}
        </a>
        <nav aria-label={at('mainNav')}>
          <button
            type="button"
            className="link"
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          >
            {lang === 'zh' ? 'EN' : '中文'}
          </button>
        </nav>
      </header>
      <main className="help">
        <h1>{title}</h1>
        <nav className="help-roles" aria-label={at('helpTitle')}>
          {HELP_ROLES.map((r) => (
            <a key={r} href={`/help/${r}`} aria-current={r === only ? 'page' : undefined}>
              {guideOf(r, lang).title}
            </a>
          ))}
        </nav>
        {roles.map((r) => {
          const g = guideOf(r, lang);
          return (
            <section key={r} id={r} aria-labelledby={`help-${r}`}>
              <h2 id={`help-${r}`}>{g.title}</h2>
              <p>{g.who}</p>
              <ol>
                {g.steps.map((s) => (
                  <li key={s.text}>
                    <p>{s.text}</p>
                    {s.shot && (
                      <img
                        src={`/help/${s.shot}`}
                        alt={at('shotOf', { what: g.title })}
                        loading="lazy"
                        className="shot"
                      />
                    )}
                  </li>
                ))}
              </ol>
            </section>
          );
        })}
      </main>
    </div>
  );
}
