import { type Message, type MessageParam, msg } from '../../message';

/**
 * A list as one message parameter: the first `max` items joined (`、` in Chinese, `, ` in English;
 * `；`/`; ` with `sep: 'semi'`), then how many more there are. Each item may itself be a message.
 * @example listOf(['row 1', 'row 2'], 5) // renders 'row 1, row 2' in English
 */
export function listOf(
  items: readonly MessageParam[],
  max = 5,
  sep: 'comma' | 'semi' = 'comma',
): MessageParam {
  const shown = items.slice(0, max);
  const joined = shown
    .slice(1)
    .reduce<MessageParam>(
      (a, b) =>
        sep === 'semi' ? msg('formats.list.semi', { a, b }) : msg('formats.list.comma', { a, b }),
      shown[0] ?? '',
    );
  return items.length > max ? moreOf(joined, items.length - max) : joined;
}

function moreOf(items: MessageParam, n: number): Message {
  return msg('formats.list.more', { items, n });
}
