// Renders messages (codes and parameters from the domain and the server) in the user's language.
import { isMessage, type Message, type MessageParam } from '../../domain/message';
import { CATALOGS } from './catalogs';
import type { Lang } from './lang';

/**
 * A message as a sentence in `lang`. Parameters that are messages are rendered first; numbers are
 * written as they are (the producer rounds them). An unknown code renders as a marked code, never as
 * an empty string (the catalog test keeps this from happening).
 * @example renderMessage(msg('common.unknownMessage', { code: 'x' }), 'en') // '(untranslated message x)'
 */
export function renderMessage(m: Message, lang: Lang): string {
  const template = CATALOGS[lang][m.code];
  if (template === undefined) {
    const fallback = CATALOGS[lang]['common.unknownMessage'] ?? '{code}';
    return fallback.replace('{code}', m.code);
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = m.params?.[name];
    return v === undefined ? whole : renderParam(v, lang);
  });
}

function renderParam(v: MessageParam, lang: Lang): string {
  return isMessage(v) ? renderMessage(v, lang) : String(v);
}
