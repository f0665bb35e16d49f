import { readFile } from 'node:fs/promises';
import type { Lang } from '../contract/messages/lang';
import { renderMessage } from '../contract/messages/render';
import { type Message, type MessageParam, msg } from '../domain/message';
import { StoreError } from '../server/store/store-error';

/** A failure a command reports as a message (its `message` is the English text, for logs). */
class CliError extends Error {
  constructor(readonly detail: Message) {
    super(renderMessage(detail, 'en'));
  }
}

/** What an error says in `lang`: a CliError's message, else the error's own text. */
export function errorText(e: unknown, lang: Lang): string {
  if (e instanceof CliError || e instanceof StoreError) return renderMessage(e.detail, lang);
  return e instanceof Error ? e.message : String(e);
}

/**
 * Reads and parses a JSON file; throws a CliError naming `what` (e.g. `msg('cli.what.ruleTable')`)
 * and the path.
 */
export async function readJson(path: string, what?: MessageParam): Promise<unknown> {
  const name = what === undefined ? path : msg('cli.whatPath', { what, path });
  const text = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
    const why = e.code === 'ENOENT' ? msg('cli.noSuchFile') : e.message;
    throw new CliError(msg('cli.cannotRead', { what: name, why }));
  });
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new CliError(msg('cli.notJson', { what: name, why: (e as Error).message }));
  }
}
