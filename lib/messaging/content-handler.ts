/**
 * The content script's answer to `get-analysis`: only this extension's own pages (the popup) may
 * ask, and only with a well-formed request; anything else gets no answer, so a page, another
 * extension or our own content script in another tab learns nothing from it.
 */
import {
  ContentRequestSchema,
  isFromExtension,
  type GetAnalysisResponse,
  type Sender,
} from './protocol';

export interface ContentHandlerDeps {
  /** browser.runtime.id. */
  extensionId: string;
  /** browser.runtime.getURL('/'). */
  extensionOrigin: string;
  /** The page's Analysis now, serialised (no DOM anchors), with the page's URL. */
  analyze(): GetAnalysisResponse;
}

export function createContentHandler(deps: ContentHandlerDeps) {
  return (message: unknown, sender: Sender): Promise<GetAnalysisResponse> | undefined => {
    if (!isFromExtension(sender, deps.extensionId, deps.extensionOrigin)) return undefined;
    if (!ContentRequestSchema.safeParse(message).success) return undefined;
    return Promise.resolve(deps.analyze());
  };
}
