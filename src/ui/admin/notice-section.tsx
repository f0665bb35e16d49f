// 公告与公示 (issue 13, moved to the console in issue 19): the legal content of the 公告 and the
// boards, never invented (unset shows 尚未设置), and the 公示 days. Publishing waits for the issuing
// authority and the supervision phone (the server's rule; the section says so).
import { type FormEvent, useId, useState } from 'react';
import type { Session } from '../api';
import type { AdminSettings } from './admin-api';
import { type AT, useAt } from './messages-admin';
import { type SaveNote, useSettingsSave } from './use-settings-save';

/** A text setting: null when left empty (the server clears it). */
const textOrNull = (v: string) => v.trim() || null;

/** The form's text of the settings. */
function toForm(s: AdminSettings) {
  return {
    noticeAuthority: s.noticeAuthority ?? '',
    supervisionPhone: s.supervisionPhone ?? '',
    supervisingUnit: s.supervisingUnit ?? '',
    prohibitedActs: s.prohibitedActs.join('\n'),
    displayDays: String(s.displayDays),
    widthCm: String(s.noticeBoard.widthCm),
    heightCm: String(s.noticeBoard.heightCm),
  };
}
type Form = ReturnType<typeof toForm>;

/** A number as typed: the number, or the text itself (the server names what is wrong with it). */
const numberOrText = (v: string): number | string => {
  const n = Number(v.trim());
  return v.trim() !== '' && Number.isFinite(n) ? n : v;
};

/** The body of PUT /api/settings from the form. */
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
    displayDays: numberOrText(f.displayDays),
    noticeBoard: { widthCm: numberOrText(f.widthCm), heightCm: numberOrText(f.heightCm) },
  };
}

/** Whether a refused field (`prohibitedActs.1`) is `field` or within it. */
const isAt = (note: SaveNote | null, field: string): boolean =>
  note?.field !== undefined && (note.field === field || note.field.startsWith(`${field}.`));

/** The refusal of a field, shown under it. */
function FieldNote(props: { note: SaveNote | null; field: string; id: string }) {
  const { note } = props;
  if (!note || !isAt(note, props.field)) return null;
  return (
    <p className="problem field-problem" id={props.id} role="alert">
      {note.text}
    </p>
  );
}

/** A setting's field: its label (尚未设置 while empty, for text), the input, its refusal. */
function Setting(props: {
  t: AT;
  label: string;
  name: keyof Form;
  /** the field as the server names it, when it differs from `name` */
  field?: string;
  value: string;
  onChange: (v: string) => void;
  note: SaveNote | null;
  kind?: 'text' | 'lines' | 'number';
}) {
  const id = useId();
  const field = props.field ?? props.name;
  const wrong = isAt(props.note, field);
  const input = {
    id,
    value: props.value,
    'aria-invalid': wrong,
    'aria-describedby': wrong ? `${id}-problem` : undefined,
    onChange: (e: { target: { value: string } }) => props.onChange(e.target.value),
  };
  return (
    <div className="field" data-setting={props.name}>
      <label htmlFor={id}>
        {props.label}{' '}
        {props.kind !== 'number' && props.value.trim() === '' && (
          <span className="badge muted">{props.t('notSet')}</span>
        )}
      </label>
      {props.kind === 'lines' ? (
        <textarea rows={4} {...input} />
      ) : (
        <input inputMode={props.kind === 'number' ? 'numeric' : undefined} {...input} />
      )}
      <FieldNote note={props.note} field={field} id={`${id}-problem`} />
    </div>
  );
}

/** The 公告与公示 section of the console. */
export function NoticeSection(props: {
  session: Session;
  settings: AdminSettings;
  onSaved: (s: AdminSettings) => void;
  reload: () => Promise<void>;
}) {
  const t = useAt();
  const { settings } = props;
  // the form starts again from the settings whenever they change (a save, a reload after a refusal)
  const [form, setForm] = useState(() => ({ revision: settings.revision, ...toForm(settings) }));
  const current =
    form.revision === settings.revision
      ? form
      : { revision: settings.revision, ...toForm(settings) };
  const { save, note, busy } = useSettingsSave({
    csrf: props.session.csrf,
    settings,
    onSaved: props.onSaved,
    reload: props.reload,
    done: t('saved'),
  });
  const set = (k: keyof Form) => (v: string) => setForm({ ...current, [k]: v });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(toBody(current));
  };
  const common = { t, note };
  return (
    <form className="admin-form notice-settings" onSubmit={submit} aria-label={t('secNotice')}>
      <h3>{t('secNotice')}</h3>
      <p className="hint">{t('noticeIntro')}</p>
      <Setting
        {...common}
        label={t('settingAuthority')}
        name="noticeAuthority"
        value={current.noticeAuthority}
        onChange={set('noticeAuthority')}
      />
      <Setting
        {...common}
        label={t('settingPhone')}
        name="supervisionPhone"
        value={current.supervisionPhone}
        onChange={set('supervisionPhone')}
      />
      <Setting
        {...common}
        label={t('settingSupervisingUnit')}
        name="supervisingUnit"
        value={current.supervisingUnit}
        onChange={set('supervisingUnit')}
      />
      <Setting
        {...common}
        label={t('settingProhibitedActs')}
        name="prohibitedActs"
        kind="lines"
        value={current.prohibitedActs}
        onChange={set('prohibitedActs')}
      />
      <Setting
        {...common}
        label={t('settingDisplayDays')}
        name="displayDays"
        kind="number"
        value={current.displayDays}
        onChange={set('displayDays')}
      />
      <fieldset className="choices" data-setting="noticeBoard">
        <legend>{t('settingBoardSize')}</legend>
        <Setting
          {...common}
          label={t('settingBoardWidth')}
          name="widthCm"
          field="noticeBoard.widthCm"
          kind="number"
          value={current.widthCm}
          onChange={set('widthCm')}
        />
        <Setting
          {...common}
          label={t('settingBoardHeight')}
          name="heightCm"
          field="noticeBoard.heightCm"
          kind="number"
          value={current.heightCm}
          onChange={set('heightCm')}
        />
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" data-action="save-notice" disabled={busy}>
          {t('noticeSave')}
        </button>
      </div>
      {note && !note.field && (
        <p className={note.ok ? 'notice' : 'problem'} role={note.ok ? 'status' : 'alert'}>
          {note.text}
        </p>
      )}
    </form>
  );
}
