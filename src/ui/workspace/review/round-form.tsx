import { type FormEvent, useEffect, useState } from 'react';
import type { DepartmentAccount } from '../../../contract/review';
import type { Session } from '../../api';
import { SubmitRow, useSubmit } from '../../submit-form';
import { useWt } from '../messages';
import { showProblem } from '../panel/show-problem';
import { loadDepartments, openRound } from './review-api';

/**
 * 发起征求意见 at 意见征求: the departments (with their organisations), the newest saved version,
 * the reply deadline (preset to the server's default, editable) and a message.
 */
export function RoundForm(props: {
  planId: string;
  version: number | undefined;
  defaultDue: string;
  session: Session;
  onOpened: () => void;
}) {
  const t = useWt();
  const [departments, setDepartments] = useState<DepartmentAccount[] | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [due, setDue] = useState(props.defaultDue);
  const [message, setMessage] = useState('');
  const { busy, problem, setProblem, run } = useSubmit((err) => showProblem(err, t));

  useEffect(() => {
    loadDepartments().then(setDepartments, (e: unknown) => setProblem(showProblem(e, t)));
  }, [t, setProblem]);

  if (props.version === undefined) return <p className="hint">{t('roundNoVersion')}</p>;
  const version = props.version;
  const toggle = (id: string) =>
    setPicked((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (picked.size === 0) {
      setProblem(t('roundPickOne'));
      return;
    }
    void run(async () => {
      await openRound(
        props.planId,
        { version, departments: [...picked], due, message: message.trim() },
        props.session.csrf,
      );
      setPicked(new Set());
      setMessage('');
      props.onOpened();
    });
  };

  return (
    <form className="round-form" onSubmit={submit} aria-label={t('roundOpen')}>
      <h4>{t('roundOpen')}</h4>
      <p className="sub">{t('roundVersion', { v: version })}</p>
      <fieldset className="choices departments">
        <legend>{t('roundDepartments')}</legend>
        {departments?.length === 0 && <p className="hint">{t('roundNoDepartments')}</p>}
        {departments?.map((d) => (
          <label key={d.id} data-department={d.username}>
            <input type="checkbox" checked={picked.has(d.id)} onChange={() => toggle(d.id)} />
            {d.organisation} <span className="sub">{d.username}</span>
          </label>
        ))}
      </fieldset>
      <label className="field">
        {t('roundDue')}
        <input type="date" required value={due} onChange={(e) => setDue(e.target.value)} />
      </label>
      <label className="field">
        {t('roundMessage')}
        <textarea
          rows={2}
          maxLength={2000}
          required
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
      </label>
      <SubmitRow
        label={t('roundSend')}
        action="open-round"
        disabled={busy || message.trim() === ''}
        problem={problem}
      />
    </form>
  );
}
