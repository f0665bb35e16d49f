// Saving settings from a section of the console: the edit carries the revision it was made from; a
// stale edit is refused by the server (409) and the newest settings are loaded again; a refused
// field is shown at the field; success is confirmed.
import { useState } from 'react';
import { useLang } from '../i18n';
import { showProblem } from '../workspace/panel/show-problem';
import { type AdminSettings, fieldProblem, isStale, saveSettings } from './admin-api';
import { useAt } from './messages-admin';

/** What a section shows after saving: a confirmation or a refusal, and the field at fault. */
export interface SaveNote {
  ok: boolean;
  text: string;
  field?: string;
}

/** `save(body)` for a settings section, its note and whether it is busy. */
export function useSettingsSave(props: {
  csrf: string;
  settings: AdminSettings;
  onSaved: (s: AdminSettings) => void;
  reload: () => Promise<void>;
  done: string;
}) {
  const t = useAt();
  const { lang } = useLang();
  const [note, setNote] = useState<SaveNote | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (body: Record<string, unknown>) => {
    setBusy(true);
    setNote(null);
    try {
      const saved = await saveSettings({ ...body, base: props.settings.revision }, props.csrf);
      props.onSaved(saved);
      setNote({ ok: true, text: props.done });
    } catch (e) {
      const field = fieldProblem(e, lang);
      if (isStale(e)) {
        await props.reload();
        setNote({ ok: false, text: t('stale', { msg: e.message }) });
      } else if (field) setNote({ ok: false, text: field.text, field: field.field });
      else setNote({ ok: false, text: showProblem(e, t) });
    } finally {
      setBusy(false);
    }
  };
  return { save, note, busy };
}
