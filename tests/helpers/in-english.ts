// Messages as the English catalog words them, for tests that compare the old English sentences.
import { renderMessage } from '../../src/contract/messages/render';
import type { Message } from '../../src/domain/message';

/** Each message rendered in English. */
export function englishList(ms: readonly Message[]): string[] {
  return ms.map((m) => renderMessage(m, 'en'));
}

/** The messages rendered in English, one a line. */
export function inEnglish(ms: readonly Message[]): string {
  return englishList(ms).join('\n');
}
