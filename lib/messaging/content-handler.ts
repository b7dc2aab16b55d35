/**
 * The content script's answer to `get-analysis`: only this extension's own pages (the popup) may
 * ask, and only with a well-formed request; anything else gets no answer, so a page, another
 * extension or our own content script in another tab learns nothing from it.
 */
// zod/mini schemas and plain checks only: this runs in the always-on content script.
import { ContentRequestSchema } from './content-request';
import type { GetAnalysisResponse } from './protocol';
import { isFromExtension, type Sender } from './senders';

export interface ContentHandlerDeps {
  /** browser.runtime.id. */
  extensionId: string;
  /** browser.runtime.getURL('/'). */
  extensionOrigin: string;
  /** The page's Analysis now, serialised (no DOM anchors), with the page's URL; undefined: none. */
  analyze(): Promise<GetAnalysisResponse | undefined>;
}

export function createContentHandler(deps: ContentHandlerDeps) {
  return (
    message: unknown,
    sender: Sender,
  ): Promise<GetAnalysisResponse | undefined> | undefined => {
    if (!isFromExtension(sender, deps.extensionId, deps.extensionOrigin)) return undefined;
    if (!ContentRequestSchema.safeParse(message).success) return undefined;
    return deps.analyze();
  };
}
