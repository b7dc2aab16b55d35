import { MatchPattern } from 'wxt/utils/match-patterns';
import { LoadOverlayRequestSchema } from './content-request';
import { isFromOwnContentScript, type Sender } from './senders';

/** What the background knows of a message's sender (runtime.MessageSender, narrowed). */
export interface FrameSender extends Sender {
  frameId?: number;
}

export interface LoadOverlayDeps {
  extensionId: string;
  /** browser.runtime.getURL('/'): our own pages in a tab are not content scripts. */
  extensionOrigin: string;
  /** Match patterns our content script runs on: the manifest's and the admin-added sites'. */
  scriptablePatterns(): Promise<string[]>;
  /** Runs the overlay script in that frame (browser.scripting.executeScript). */
  inject(tabId: number, frameId: number): Promise<void>;
}

export interface LoadOverlayAnswer {
  loaded: boolean;
}

/**
 * The background's answer to the gate's "load the overlay here": only for our own content
 * script, in a tab, on a page our content script may run on. The overlay script guards itself,
 * so a second request for the same frame injects nothing new.
 */
export function createLoadOverlayHandler(deps: LoadOverlayDeps) {
  return (message: unknown, sender: FrameSender): Promise<LoadOverlayAnswer> | undefined => {
    if (!LoadOverlayRequestSchema.safeParse(message).success) return undefined;
    if (!isFromOwnContentScript(sender, deps.extensionId, deps.extensionOrigin)) return undefined;
    const tabId = (sender.tab as { id?: unknown }).id; // a tab: isFromOwnContentScript checked
    const url = sender.url;
    if (typeof tabId !== 'number' || !url) return undefined;
    return (async () => {
      const patterns = await deps.scriptablePatterns();
      if (!patterns.some((pattern) => matches(pattern, url))) return { loaded: false };
      await deps.inject(tabId, sender.frameId ?? 0);
      return { loaded: true };
    })().catch(() => ({ loaded: false }));
  };
}

function matches(pattern: string, url: string): boolean {
  try {
    return new MatchPattern(pattern).includes(url);
  } catch {
    return false;
  }
}
