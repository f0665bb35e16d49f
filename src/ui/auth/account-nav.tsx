import { lazy, Suspense, useState } from 'react';
import type { Session } from '../api';
import { useLang } from '../i18n';

const LoginDialog = lazy(() => import('./login-dialog'));

/** The header's account part: 登录, or the logged-in name with 退出. */
export function AccountNav(props: {
  session: Session | null;
  onLogin: (session: Session) => void;
  onLogout: () => void;
}) {
  const { t } = useLang();
  const [open, setOpen] = useState(false);
  if (props.session) {
    const { actor } = props.session;
    return (
      <span className="account">
        <span className="who" title={actor.username}>
          {actor.name}
        </span>
        <button type="button" className="link" onClick={props.onLogout}>
          {t('logout')}
        </button>
      </span>
    );
  }
  return (
    <>
      <button type="button" className="link" onClick={() => setOpen(true)}>
        {t('login')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <LoginDialog
            onClose={(session) => {
              setOpen(false);
              if (session) props.onLogin(session);
            }}
          />
        </Suspense>
      )}
    </>
  );
}
