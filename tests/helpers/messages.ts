// Domain messages as the English the tests compare with (the English catalog keeps the sentences
// the tests asserted before messages were codes).
import { renderMessage } from '../../src/contract/messages/render';
import type { Message } from '../../src/domain/message';

/** Each message rendered in English. */
export const inEnglish = (ms: readonly Message[]): string[] =>
  ms.map((m) => renderMessage(m, 'en'));

/** The messages rendered in English, one a line (for an error to throw). */
export const englishLines = (ms: readonly Message[]): string => inEnglish(ms).join('\n');

/** Each message rendered in Chinese. */
export const inChinese = (ms: readonly Message[]): string[] =>
  ms.map((m) => renderMessage(m, 'zh'));

/** A result with its reasons or warnings rendered in English (for comparing with sentences). */
export function englishResult<
  R extends { ok: true; warnings: readonly Message[] } | { ok: false; errors: readonly Message[] },
>(r: R) {
  return r.ok
    ? { ...r, warnings: inEnglish((r as { warnings: readonly Message[] }).warnings) }
    : { ...r, errors: inEnglish((r as { errors: readonly Message[] }).errors) };
}
