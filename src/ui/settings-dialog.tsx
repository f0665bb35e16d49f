import { useEffect, useRef, useState } from 'react';
import type { Session } from './api';
import { useLang } from './i18n';

const KEY = 'hejie.tiandituKey';

/** The browser's own 天地图 key, if the user entered one. */
export function storedTiandituKey(): string | null {
  return globalThis.localStorage?.getItem(KEY) || null;
}

/**
 * Settings: language and the browser's 天地图 key; an admin is pointed to the console (管理), where
 * the bureau's settings are.
 */
export function SettingsDialog(props: {
  open: boolean;
  session: Session | null;
  onClose: (key: string | null | undefined) => void;
}) {
  const { t, lang, setLang } = useLang();
  const ref = useRef<HTMLDialogElement>(null);
  const [key, setKey] = useState(storedTiandituKey() ?? '');
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (props.open && !d.open) d.showModal();
    if (!props.open && d.open) d.close();
  }, [props.open]);
  const save = (value: string | null) => {
    const trimmed = value?.trim() || null;
    if (trimmed && !/^[0-9a-zA-Z]{16,64}$/.test(trimmed)) return;
    if (trimmed) localStorage.setItem(KEY, trimmed);
    else localStorage.removeItem(KEY);
    props.onClose(trimmed);
  };
  const valid = key.trim() === '' || /^[0-9a-zA-Z]{16,64}$/.test(key.trim());
  return (
    <dialog ref={ref} className="settings" onClose={() => props.onClose(undefined)}>
      <h2>{t('settings')}</h2>
      <label>
        {t('language')}
        <select value={lang} onChange={(e) => setLang(e.target.value === 'en' ? 'en' : 'zh')}>
          <option value="zh">中文</option>
          <option value="en">English</option>
        </select>
      </label>
      <label>
        {t('tiandituKey')}
        <input
          type="password"
          autoComplete="off"
          value={key}
          aria-invalid={!valid}
          onChange={(e) => setKey(e.target.value)}
        />
      </label>
      {!valid && <p className="problem">16–64 位字母或数字 / 16–64 letters or digits</p>}
      <p className="hint">{t('tiandituKeyHelp')}</p>
      <div className="actions">
        <button type="button" onClick={() => save(null)}>
          {t('clear')}
        </button>
        <button type="button" className="primary" disabled={!valid} onClick={() => save(key)}>
          {t('save')}
        </button>
        <button type="button" onClick={() => props.onClose(undefined)}>
          {t('close')}
        </button>
      </div>
      {props.session?.actor.role === 'admin' && (
        <p className="hint admin-moved">
          {t('settingsMoved')} <a href="/admin#notice">{t('openAdmin')}</a>
        </p>
      )}
    </dialog>
  );
}
