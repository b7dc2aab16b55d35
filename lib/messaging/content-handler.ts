/**
 * The content script's answer to `get-analysis`: only this extension's own pages (the popup) may
 * ask, and only with a well-formed request; anything else gets no answer, so a page, another
 * extension or our own content script in another tab learns nothing from it.
 *
 * The always-on gate carries no schema library: it checks the request with isContentRequest, a
 * plain check a test holds equal to ContentRequestSchema on every shape, and the overlay it then
 * loads validates the request against the schema again (answerContentRequest) before it reads
 * the page.
 */
import type { GetAnalysisResponse } from './protocol';
import { isFromExtension, type Sender } from './senders';

export interface ContentHandlerDeps {
  /** browser.runtime.id. */
  extensionId: string;
  /** browser.runtime.getURL('/'). */
  extensionOrigin: string;
  /**
   * The answer to a request from our own page: the page's Analysis now, serialised (no DOM
   * anchors), with the page's URL; undefined: none (a malformed request, or no engine).
   */
  analyze(request: unknown): Promise<GetAnalysisResponse | undefined>;
}

/** ContentRequestSchema as a plain check: `{ type: 'get-analysis' }` and nothing else. */
export function isContentRequest(message: unknown): boolean {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return false;
  // Every enumerable key, inherited ones too, as the schema counts them.
  let keys = 0;
  for (const key in message) if (key !== 'type' || ++keys > 1) return false;
  return keys === 1 && (message as { type?: unknown }).type === 'get-analysis';
}

export function createContentHandler(deps: ContentHandlerDeps) {
  return (
    message: unknown,
    sender: Sender,
  ): Promise<GetAnalysisResponse | undefined> | undefined => {
    if (!isFromExtension(sender, deps.extensionId, deps.extensionOrigin)) return undefined;
    if (!isContentRequest(message)) return undefined;
    return deps.analyze(message);
  };
}
