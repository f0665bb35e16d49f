// A user-facing message as data: a stable code and its parameters. The domain never builds a sentence;
// catalogs per language (src/contract/messages) render messages at the edge: the UI, the CLI and the API.

/** A parameter: data (a name, a number) or another message (a role, a class), rendered in turn. */
export type MessageParam = string | number | Message;

/** A message: `code` names the sentence, `params` fill its `{name}` placeholders. */
export interface Message {
  readonly code: string;
  readonly params?: Readonly<Record<string, MessageParam>>;
}

/**
 * A message with its parameters. Write the code as a string literal: the catalog test finds every
 * code by reading `msg('…'` in the sources.
 * @example msg('zones.width.outOfRange', { class: classWords(2), min: 20, max: 50, got: 60 })
 */
export function msg(code: string, params?: Record<string, MessageParam>): Message {
  return params === undefined ? { code } : { code, params };
}

/** Whether a value is a message (for parameters that may be data or a message). */
export function isMessage(v: unknown): v is Message {
  return typeof v === 'object' && v !== null && typeof (v as { code?: unknown }).code === 'string';
}
