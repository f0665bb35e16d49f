// 坐标公开: the two settings that open coordinates beyond the staff of a plan, each with what it
// exposes in plain words (the rules themselves are in src/domain/access/permissions.ts).

import { type FormEvent, useState } from 'react';
import type { Session } from '../api';
import { NoteLine } from './account-fields';
import type { AdminSettings } from './admin-api';
import { useAt } from './messages-admin';
import { useSettingsSave } from './use-settings-save';

/** The 坐标公开 section of the console. */
export function CoordinatesSection(props: {
  session: Session;
  settings: AdminSettings;
  onSaved: (s: AdminSettings) => void;
  reload: () => Promise<void>;
}) {
  const t = useAt();
  const { settings } = props;
  const initial = {
    revision: settings.revision,
    publicCoordinates: settings.publicCoordinates,
    departmentCoordinates: settings.departmentCoordinates,
  };
  const [form, setForm] = useState(initial);
  const current = form.revision === settings.revision ? form : initial;
  const { save, note, busy } = useSettingsSave({
    csrf: props.session.csrf,
    settings,
    onSaved: props.onSaved,
    reload: props.reload,
    done: t('saved'),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save({
      publicCoordinates: current.publicCoordinates,
      departmentCoordinates: current.departmentCoordinates,
    });
  };
  return (
    <form className="admin-form" onSubmit={submit} aria-label={t('secCoordinates')}>
      <h3>{t('secCoordinates')}</h3>
      <p className="hint">{t('coordinatesIntro')}</p>
      <div className="check-setting" data-setting="publicCoordinates">
        <label>
          <input
            type="checkbox"
            checked={current.publicCoordinates}
            aria-describedby="coord-public-help"
            onChange={(e) => setForm({ ...current, publicCoordinates: e.target.checked })}
          />
          {t('coordPublic')}
        </label>
        <p className="hint" id="coord-public-help">
          {t('coordPublicHelp')}
        </p>
      </div>
      <div className="check-setting" data-setting="departmentCoordinates">
        <label>
          <input
            type="checkbox"
            checked={current.departmentCoordinates}
            aria-describedby="coord-department-help"
            onChange={(e) => setForm({ ...current, departmentCoordinates: e.target.checked })}
          />
          {t('coordDepartment')}
        </label>
        <p className="hint" id="coord-department-help">
          {t('coordDepartmentHelp')}
        </p>
      </div>
      <div className="actions">
        <button type="submit" className="primary" data-action="save-coordinates" disabled={busy}>
          {t('coordSave')}
        </button>
      </div>
      <NoteLine note={note} />
    </form>
  );
}
