import type { Sender } from './protocol';

export type Handler = (message: unknown, sender: Sender) => Promise<unknown> | undefined;

/**
 * One runtime.onMessage listener for several handlers: the first that answers wins. Each handler
 * checks its own senders and shapes and returns undefined for anything else, so a message no
 * handler accepts gets no answer at all (and the sender's promise settles without a reply).
 */
export function firstAnswer(...handlers: Handler[]): Handler {
  return (message, sender) => {
    for (const handle of handlers) {
      const answer = handle(message, sender);
      if (answer !== undefined) return answer;
    }
    return undefined;
  };
}
