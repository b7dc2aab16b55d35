/** Sender checks, apart from the schemas so the always-on content script can use them alone. */

/** Minimal view of a runtime message sender. */
export interface Sender {
  id?: string;
  tab?: unknown;
  url?: string;
}

/**
 * The AWRA site a page belongs to: its origin, for http(s) pages only; null for anything else
 * (no URL, file:, data:, an opaque origin). History is kept per site (lib/store/db.ts RecordRef).
 */
export function siteOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const { protocol, origin } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? origin : null;
  } catch {
    return null;
  }
}

/** True for messages from this extension's own pages or worker, never from a web page or tab. */
export function isFromExtension(
  sender: Sender,
  extensionId: string,
  extensionOrigin: string,
): boolean {
  return (
    sender.id === extensionId &&
    !sender.tab &&
    (sender.url === undefined || sender.url.startsWith(extensionOrigin))
  );
}

/**
 * True for messages from this extension's own content script running in a tab. Web pages cannot
 * reach runtime.onMessage, but other extensions' and our own pages' messages must not pass as a
 * content script's: the id must be ours, the sender must be a tab, and the tab must not be one of
 * our own pages (its URL would be in our origin; a content script's is the web page's).
 */
export function isFromOwnContentScript(
  sender: Sender,
  extensionId: string,
  extensionOrigin: string,
): boolean {
  return (
    typeof extensionId === 'string' &&
    extensionId.length > 0 &&
    extensionOrigin.length > 0 &&
    sender.id === extensionId &&
    typeof sender.tab === 'object' &&
    sender.tab !== null &&
    !(sender.url ?? '').startsWith(extensionOrigin)
  );
}
