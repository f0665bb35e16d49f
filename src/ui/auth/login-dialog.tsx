import { type FormEvent, useEffect, useRef, useState } from 'react';
import { sessionSchema } from '../../contract/session';
import type { Session } from '../api';
import { ApiError, requestJson } from '../api';
import type { WT } from '../workspace/messages';
import { useWt } from '../workspace/messages';
import '../workspace/workspace.css';

/** The server's refusal in plain words: wrong password, throttled with the wait, disabled. */
function loginProblem(e: unknown, t: WT): string {
  if (!(e instanceof ApiError)) return t('loginFailed', { msg: String(e) });
  if (e.status === 401) return t('loginWrong');
  if (e.status === 429) return t('loginThrottled', { n: e.retryAfter ?? 60 });
  if (e.status === 403) return t('loginDisabled');
  return t('loginFailed', { msg: e.message });
}

/** The login dialog (lazy: the public first screen does not load it). */
export default function LoginDialog(props: { onClose: (session: Session | null) => void }) {
  const t = useWt();
  const ref = useRef<HTMLDialogElement>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const session = await requestJson('/api/login', sessionSchema, {
        method: 'POST',
        body: { username: username.trim(), password },
      });
      props.onClose(session);
    } catch (err) {
      setProblem(loginProblem(err, t));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="settings login"
      aria-labelledby="login-title"
      onClose={() => props.onClose(null)}
    >
      <form onSubmit={submit}>
        <h2 id="login-title">{t('loginTitle')}</h2>
        <label>
          {t('username')}
          <input
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          {t('password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {problem && (
          <p className="problem" role="alert">
            {problem}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={() => ref.current?.close()}>
            {t('cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('login')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
