import { type FormEvent, useState } from 'react';
import type { Session } from '../api';
import { useLang } from '../i18n';
import { useWt } from './messages';
import type { PlanComment } from './plan-api';
import { addComment } from './plan-api';
import { formatTime, showProblem } from './show-problem';

/** A plan's comments, newest last, and a text box to add one (pins on the map come later). */
export function PlanComments(props: {
  planId: string;
  comments: readonly PlanComment[];
  session: Session | null;
  onAdded: () => void;
}) {
  const { lang } = useLang();
  const t = useWt();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!props.session || text.trim() === '') return;
    setBusy(true);
    setProblem(null);
    try {
      await addComment(props.planId, text.trim(), props.session.csrf);
      setText('');
      props.onAdded();
    } catch (err) {
      setProblem(showProblem(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="plan-comments" aria-labelledby="plan-comments-title">
      <h3 id="plan-comments-title">
        {t('comments')} <small>({props.comments.length})</small>
      </h3>
      {props.comments.length === 0 ? (
        <p className="hint">{t('noComments')}</p>
      ) : (
        <ul className="records">
          {props.comments.map((c) => (
            <li key={c.id}>
              <span className="sub">
                {c.author} · {formatTime(c.at, lang)}
                {c.lon !== null && c.lat !== null && ` · ${c.lon.toFixed(5)}, ${c.lat.toFixed(5)}`}
              </span>
              <span className="text">{c.text}</span>
            </li>
          ))}
        </ul>
      )}
      {props.session && (
        <form onSubmit={submit}>
          <label className="field">
            {t('addComment')}
            <textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} />
          </label>
          <p className="hint">{t('pinLater')}</p>
          <div className="actions">
            <button type="submit" className="primary" disabled={busy || text.trim() === ''}>
              {t('send')}
            </button>
          </div>
          {problem && (
            <p className="problem" role="alert">
              {problem}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
