// How a command speaks: its messages in the user's language, refusals prefixed with the command's
// name, and a usage refusal that adds the syntax and gives exit code 2. One home for the preamble
// every command repeated.
import type { Lang } from '../contract/messages/lang';
import { renderMessage } from '../contract/messages/render';
import { type Message, type MessageParam, msg } from '../domain/message';

/** `say` renders, `fail` writes `<command>：<text>` to err, `usage` also prints the syntax (→ 2). */
export function commandVoice(
  command: string,
  syntax: MessageParam,
  err: (s: string) => void,
  lang: Lang,
) {
  const say = (m: Message) => renderMessage(m, lang);
  const fail = (text: MessageParam) => err(say(msg('cli.prefixed', { command, text })));
  const usage = (text: MessageParam) => {
    fail(text);
    err(say(msg('cli.usage', { syntax })));
    return 2;
  };
  return { say, fail, usage };
}
