// The bureau's settings an admin sets in the settings dialog (issue 13): the 公示 days, whether
// departments see coordinates, and the legal content of the 公告 and the boards, never invented:
// unset shows 尚未设置.
import { type FormEvent, useEffect, useId, useState } from 'react';
import { type ApiSettings, apiSettingsSchema } from '../../../contract/accounts';
import type { Session } from '../../api';
import { requestJson } from '../../api';
import { useWt } from '../messages';
import { showProblem } from '../panel/show-problem';
import './review.css';

/** GET /api/settings */
const loadSettings = () => requestJson('/api/settings', apiSettingsSchema);

/** A text setting: null when left empty (the server clears it). */
const textOrNull = (v: string) => v.trim() || null;

/** The form's text of the settings, and back. */
function toForm(s: ApiSettings) {
  return {
    noticeAuthority: s.noticeAuthority ?? '',
    supervisionPhone: s.supervisionPhone ?? '',
    supervisingUnit: s.supervisingUnit ?? '',
    prohibitedActs: s.prohibitedActs.join('\n'),
    displayDays: s.displayDays,
    departmentCoordinates: s.departmentCoordinates,
    widthCm: s.noticeBoard.widthCm,
    heightCm: s.noticeBoard.heightCm,
  };
}
type Form = ReturnType<typeof toForm>;

function toBody(f: Form) {
  const acts = f.prohibitedActs
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return {
    noticeAuthority: textOrNull(f.noticeAuthority),
    supervisionPhone: textOrNull(f.supervisionPhone),
    supervisingUnit: textOrNull(f.supervisingUnit),
    prohibitedActs: acts.length > 0 ? acts : null,
    displayDays: f.displayDays,
    departmentCoordinates: f.departmentCoordinates,
    noticeBoard: { widthCm: f.widthCm, heightCm: f.heightCm },
  };
}

/** A text field with 尚未设置 beside it while it is empty. */
function TextSetting(props: {
  label: string;
  name: keyof Form;
  value: string;
  onChange: (v: string) => void;
  rows?: number;
}) {
  const t = useWt();
  const id = useId();
  return (
    <div className="field" data-setting={props.name}>
      <label htmlFor={id}>
        {props.label}{' '}
        {props.value.trim() === '' && <span className="badge muted">{t('notSet')}</span>}
      </label>
      {props.rows ? (
        <textarea
          id={id}
          rows={props.rows}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      ) : (
        <input id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)} />
      )}
    </div>
  );
}

/** The admin's part of the settings dialog. */
export default function AdminSettings({ session }: { session: Session }) {
  const t = useWt();
  const [form, setForm] = useState<Form | null>(null);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    loadSettings().then(
      (s) => setForm(toForm(s)),
      (e: unknown) => setNote({ ok: false, text: showProblem(e, t) }),
    );
  }, [t]);
  if (!form) return note ? <p className="problem">{note.text}</p> : null;
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm({ ...form, [k]: v });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setNote(null);
    try {
      const s = await requestJson('/api/settings', apiSettingsSchema, {
        method: 'PUT',
        body: toBody(form),
        csrf: session.csrf,
      });
      setForm(toForm(s));
      setNote({ ok: true, text: t('saved') });
    } catch (err) {
      setNote({ ok: false, text: showProblem(err, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="admin-settings" onSubmit={save} aria-label={t('bureauSettings')}>
      <h3>{t('bureauSettings')}</h3>
      <TextSetting
        label={t('settingAuthority')}
        name="noticeAuthority"
        value={form.noticeAuthority}
        onChange={(v) => set('noticeAuthority', v)}
      />
      <TextSetting
        label={t('settingPhone')}
        name="supervisionPhone"
        value={form.supervisionPhone}
        onChange={(v) => set('supervisionPhone', v)}
      />
      <TextSetting
        label={t('settingSupervisingUnit')}
        name="supervisingUnit"
        value={form.supervisingUnit}
        onChange={(v) => set('supervisingUnit', v)}
      />
      <TextSetting
        label={t('settingProhibitedActs')}
        name="prohibitedActs"
        value={form.prohibitedActs}
        rows={4}
        onChange={(v) => set('prohibitedActs', v)}
      />
      <label className="field" data-setting="displayDays">
        {t('settingDisplayDays')}
        <input
          type="number"
          min={1}
          max={30}
          required
          value={form.displayDays}
          onChange={(e) => set('displayDays', Number(e.target.value))}
        />
      </label>
      <label className="check" data-setting="departmentCoordinates">
        <input
          type="checkbox"
          checked={form.departmentCoordinates}
          onChange={(e) => set('departmentCoordinates', e.target.checked)}
        />
        {t('settingDepartmentCoordinates')}
      </label>
      <fieldset className="choices" data-setting="noticeBoard">
        <legend>{t('settingBoardSize')}</legend>
        <label>
          {t('settingBoardWidth')}
          <input
            type="number"
            min={30}
            max={600}
            required
            value={form.widthCm}
            onChange={(e) => set('widthCm', Number(e.target.value))}
          />
        </label>
        <label>
          {t('settingBoardHeight')}
          <input
            type="number"
            min={20}
            max={400}
            required
            value={form.heightCm}
            onChange={(e) => set('heightCm', Number(e.target.value))}
          />
        </label>
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" data-action="save-settings" disabled={busy}>
          {t('save')}
        </button>
      </div>
      {note && (
        <p className={note.ok ? 'notice' : 'problem'} role={note.ok ? 'status' : 'alert'}>
          {note.text}
        </p>
      )}
    </form>
  );
}
