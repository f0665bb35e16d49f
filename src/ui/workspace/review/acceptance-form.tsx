import { type FormEvent, useRef, useState } from 'react';
import { ACCEPTANCE_FILE_MAX } from '../../../contract/review';
import type { AcceptanceRecord, Conclusion } from '../../../domain/review/review-types';
import type { Session } from '../../api';
import { SubmitRow, useSubmit } from '../../submit-form';
import { useWt, type WT } from '../messages';
import { showProblem } from '../panel/show-problem';
import { acceptanceFilePath, sendAcceptance } from './review-api';

/** The browser's own check of the signed document before uploading: a PDF of at most 20 MB. */
async function fileProblem(file: File | null, t: WT): Promise<string | null> {
  if (!file) return t('acceptanceNoFile');
  if (file.size > ACCEPTANCE_FILE_MAX)
    return t('acceptanceTooBig', { name: file.name, mb: (file.size / 1048576).toFixed(1) });
  // the type a browser guesses from the name is not enough: the first bytes say %PDF-
  const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
  const magic = Array.from(head, (b) => String.fromCharCode(b)).join('');
  return magic === '%PDF-' ? null : t('acceptanceNotPdf', { name: file.name });
}

/** The acceptance records of the plan, each with a link to its uploaded PDF. */
export function AcceptanceList({ records }: { records: readonly AcceptanceRecord[] }) {
  const t = useWt();
  if (records.length === 0) return <p className="hint">{t('acceptanceNone')}</p>;
  return (
    <ul className="records acceptances">
      {records.map((a) => (
        <li key={a.id} data-acceptance={a.id} data-conclusion={a.conclusion}>
          <strong>
            {t('acceptanceLine', {
              v: a.version,
              date: a.date,
              body: a.body,
              c: t(a.conclusion === 'pass' ? 'conclusionPass' : 'conclusionFail'),
            })}
          </strong>
          <span className="sub">{a.members}</span>
          {a.remarks && <span className="text">{a.remarks}</span>}
          <a href={acceptanceFilePath(a.id)} target="_blank" rel="noopener">
            {t('acceptanceDoc', { kb: Math.ceil(a.file.size / 1024) })}
          </a>
        </li>
      ))}
    </ul>
  );
}

/**
 * 验收 record: date, accepting body, members, 合格/不合格, remarks and the signed PDF, checked in
 * the browser (type by its first bytes, 20 MB) before the upload; the server's refusal otherwise.
 */
export function AcceptanceForm(props: {
  planId: string;
  version: number;
  today: string;
  session: Session;
  onRecorded: () => void;
}) {
  const t = useWt();
  const [date, setDate] = useState(props.today);
  const [body, setBody] = useState('');
  const [members, setMembers] = useState('');
  const [conclusion, setConclusion] = useState<Conclusion>('pass');
  const [remarks, setRemarks] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const { busy, problem, setProblem, run } = useSubmit((err) => showProblem(err, t));
  const picker = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    setProblem(null);
    const bad = await fileProblem(file, t);
    if (bad || !file) {
      setProblem(bad);
      return;
    }
    const data = new FormData();
    data.set('version', String(props.version));
    data.set('date', date);
    data.set('body', body.trim());
    data.set('members', members.trim());
    data.set('conclusion', conclusion);
    data.set('remarks', remarks.trim());
    data.set('file', file, file.name);
    await run(async () => {
      await sendAcceptance(props.planId, data, props.session.csrf);
      form.reset();
      setFile(null);
      setBody('');
      setMembers('');
      setRemarks('');
      props.onRecorded();
    });
  };

  return (
    <form className="acceptance-form" onSubmit={submit} aria-label={t('acceptanceTitle')}>
      <p className="sub">{t('acceptanceVersion', { v: props.version })}</p>
      <label className="field">
        {t('acceptanceDate')}
        <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      <label className="field">
        {t('acceptanceBody')}
        <input required maxLength={100} value={body} onChange={(e) => setBody(e.target.value)} />
      </label>
      <label className="field">
        {t('acceptanceMembers')}
        <textarea
          rows={2}
          required
          maxLength={1000}
          value={members}
          onChange={(e) => setMembers(e.target.value)}
        />
      </label>
      <fieldset className="choices">
        <legend>{t('acceptanceConclusion')}</legend>
        {(['pass', 'fail'] as const).map((c) => (
          <label key={c}>
            <input
              type="radio"
              name="conclusion"
              value={c}
              checked={conclusion === c}
              onChange={() => setConclusion(c)}
            />
            {t(c === 'pass' ? 'conclusionPass' : 'conclusionFail')}
          </label>
        ))}
      </fieldset>
      <label className="field">
        {t('acceptanceRemarks')}
        <textarea
          rows={2}
          maxLength={2000}
          value={remarks}
          onChange={(e) => setRemarks(e.target.value)}
        />
      </label>
      <div className="field file-pick">
        {t('acceptanceFile')}
        <span className="row">
          <button type="button" className="secondary" onClick={() => picker.current?.click()}>
            {t('acceptancePick')}
          </button>
          <span className="sub" data-file={file?.name ?? ''}>
            {file ? file.name : t('acceptanceNoneChosen')}
          </span>
        </span>
        <input
          ref={picker}
          type="file"
          accept="application/pdf,.pdf"
          hidden
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setProblem(null);
          }}
        />
      </div>
      <SubmitRow label={t('acceptanceSend')} action="accept" disabled={busy} problem={problem} />
    </form>
  );
}
