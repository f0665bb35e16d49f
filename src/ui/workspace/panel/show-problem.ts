import { ApiError } from '../../api';
import type { WT } from '../messages';

/** A refusal in plain words: 401 log in first, 403 not yours (with the server's reason). */
export function showProblem(e: unknown, t: WT): string {
  if (e instanceof ApiError && e.status === 401) return t('needLogin');
  if (e instanceof ApiError && e.status === 403) return t('noAccess', { msg: e.message });
  return t('requestFailed', { msg: e instanceof Error ? e.message : String(e) });
}

/** One formatter per language: `toLocaleString` builds a new one on every call (1.6 s of CPU for
 * a 待办 list of 5,000 items, measured in the dashboard's profile). */
const timeFormats = new Map<'zh' | 'en', Intl.DateTimeFormat>();

/** An ISO time as a short local date and time in China time. */
export function formatTime(iso: string, lang: 'zh' | 'en'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  let format = timeFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    timeFormats.set(lang, format);
  }
  return format.format(d);
}
