// A store error that reaches a user (the command line's backup and restore, the server's start): a
// message as data, for the caller to render in the user's language; `message` is its English
// sentence (logs, and callers that print `e.message`).
import { renderMessage } from '../../contract/messages/render';
import type { Message } from '../../domain/message';

/** An error of the store with its message as data (`detail`). */
export class StoreError extends Error {
  constructor(readonly detail: Message) {
    super(renderMessage(detail, 'en'));
    this.name = 'StoreError';
  }
}
