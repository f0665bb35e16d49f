import { type FormEvent, useId, useState } from 'react';
import type { Answer, Decision } from '../../../domain/review/review-types';
import { useLang } from '../../i18n';
import { SubmitRow, useSubmit } from '../../submit-form';
import { useWt, type WT } from '../messages';
import { formatTime, showProblem } from '../panel/show-problem';
import type { AnswerInput } from './review-api';

const DECISIONS: Decision[] = ['adopted', 'partly', 'rejected'];

/** 采纳 / 部分采纳 / 不采纳 in the user's language. */
function decisionLabel(d: Decision, t: WT): string {
  return t(
    d === 'adopted' ? 'decisionAdopted' : d === 'partly' ? 'decisionPartly' : 'decisionRejected',
  );
}

/** An answer already given, read-only. */
export function AnswerView({ answer }: { answer: Answer }) {
  const t = useWt();
  const { lang } = useLang();
  return (
    <p className="answer" data-decision={answer.decision}>
      {t('answered', {
        d: decisionLabel(answer.decision, t),
        reason: answer.reason,
        by: answer.by,
        at: formatTime(answer.at, lang),
      })}
      {answer.version !== null && <> · {t('answeredVersion', { v: answer.version })}</>}
    </p>
  );
}

/**
 * The planner's answer to an objection or a citizen's opinion: a decision, a reason and (for an
 * objection) the version that answers it. The server's refusal is shown as it came.
 */
export function AnswerForm(props: {
  /** versions the answer may name (newest first); none: no version field (a public opinion) */
  versions?: readonly number[];
  send: (answer: AnswerInput) => Promise<unknown>;
}) {
  const t = useWt();
  const group = useId();
  const [decision, setDecision] = useState<Decision>('adopted');
  const [reason, setReason] = useState('');
  const [version, setVersion] = useState<number | null>(props.versions?.[0] ?? null);
  const { busy, problem, run } = useSubmit((err) => showProblem(err, t));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(() =>
      props.send({
        decision,
        reason: reason.trim(),
        ...(version !== null && props.versions ? { version } : {}),
      }),
    );
  };

  return (
    <form className="answer-form" onSubmit={submit}>
      <fieldset className="choices">
        <legend>{t('answerDecision')}</legend>
        {DECISIONS.map((d) => (
          <label key={d}>
            <input
              type="radio"
              name={group}
              value={d}
              checked={decision === d}
              onChange={() => setDecision(d)}
            />
            {decisionLabel(d, t)}
          </label>
        ))}
      </fieldset>
      <label className="field">
        {t('answerReason')}
        <textarea
          rows={2}
          maxLength={2000}
          required
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      {props.versions && props.versions.length > 0 && (
        <label className="field">
          {t('answerVersion')}
          <select value={version ?? ''} onChange={(e) => setVersion(Number(e.target.value))}>
            {props.versions.map((v) => (
              <option key={v} value={v}>
                {t('versionOption', { v })}
              </option>
            ))}
          </select>
        </label>
      )}
      <SubmitRow
        label={t('answerSend')}
        disabled={busy || reason.trim() === ''}
        problem={problem}
      />
    </form>
  );
}
