// The map tools' texts in the UI's language, and messages (codes from the domain) rendered in it.
import { useMemo } from 'react';
import { renderMessage } from '../../contract/messages/render';
import type { Message } from '../../domain/message';
import { useLang } from '../i18n';
import type { ToolKey } from './messages-maptools';
import * as dict from './messages-maptools';

/** `t` for the map tools' keys, and `m` for a domain message or a plain string. */
export function useToolText() {
  const { lang } = useLang();
  return useMemo(() => {
    const d = lang === 'zh' ? dict.zh : dict.en;
    const t = (key: ToolKey, vars: Record<string, string | number> = {}) =>
      d[key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
    const m = (v: Message | string) => (typeof v === 'string' ? v : renderMessage(v, lang));
    return { t, m, lang };
  }, [lang]);
}
