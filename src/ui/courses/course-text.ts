// The courses' messages in the UI's language, and a course version in words (panel and section).
import { renderMessage } from '../../contract/messages/render';
import type { CourseSummary } from '../../domain/rivers/course';
import { declassifiedName } from '../../domain/rivers/course';
import { type Lang, useLang } from '../i18n';
import { type CourseKey, en, zh } from './messages-courses';

/** Translates a course message with `{name}` placeholders. */
export type CT = (key: CourseKey, vars?: Record<string, string | number>) => string;

const fill = (lang: Lang): CT => {
  const dict = lang === 'zh' ? zh : en;
  return (key, vars) =>
    dict[key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars?.[k] ?? `{${k}}`));
};

/** The courses' translator in the UI's language. */
export function useCt(): { ct: CT; lang: Lang } {
  const { lang } = useLang();
  return { ct: fill(lang), lang };
}

/** A version's facts: date, surveyor, 脱密 status and who sees it. */
export function courseFacts(c: CourseSummary, ct: CT, lang: Lang): string {
  return ct('courseFacts', {
    date: c.date ?? ct('courseNoDate'),
    unit: c.unit ? ` · ${c.unit}` : '',
    declassified: renderMessage(declassifiedName(c.declassified), lang),
    visibility: ct(c.public ? 'courseVisibilityPublic' : 'courseVisibilityStaff'),
  });
}
