import { downloadText } from '../download';
import { askGate, GATE_KEY } from '../gate/entry';

/** The few browser calls the popup makes, behind one object so its logic runs in unit tests. */
export interface PopupAdapter {
  /** The popup page's query string (`?tab=12`). */
  search: string;
  userAgent: string;
  now(): number;
  /** The active tab of the current window, or null. */
  activeTabId(): Promise<number | null>;
  /** The tab's gate's answer to `request` (lib/gate/entry.ts); null or a rejection: none. */
  askGate(tabId: number, request: unknown): Promise<unknown>;
  /** runtime.sendMessage to the background. */
  sendRuntime(message: unknown): Promise<unknown>;
  /** Reads and removes storage.session's `pendingEscalation`. */
  takePending(): Promise<unknown>;
  copyText(text: string): Promise<void>;
  /**
   * A PNG data URL of what the tab shows; rejects when the tab is not the visible one or the
   * browser does not allow it (Chrome allows it after the user opened the popup on that tab).
   */
  captureTab(tabId: number | null): Promise<string>;
  download(filename: string, text: string, mime: string): void;
}

const PENDING_KEY = 'pendingEscalation';

/** The real adapter, over the WXT `browser` global and the popup's own document. */
export function browserAdapter(): PopupAdapter {
  return {
    search: location.search,
    userAgent: navigator.userAgent,
    now: () => Date.now(),
    activeTabId: async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return tab?.id ?? null;
    },
    askGate: async (tabId, request) => {
      const [frame] = await browser.scripting.executeScript({
        target: { tabId },
        func: askGate,
        args: [GATE_KEY, request],
      });
      return frame?.result ?? null;
    },
    sendRuntime: (message) => browser.runtime.sendMessage(message),
    takePending: async () => {
      const stored = await browser.storage.session.get(PENDING_KEY);
      await browser.storage.session.remove(PENDING_KEY);
      return stored[PENDING_KEY] ?? null;
    },
    copyText: (text) => navigator.clipboard.writeText(text),
    captureTab: async (tabId) => {
      const tab =
        tabId === null
          ? (await browser.tabs.query({ active: true, currentWindow: true }))[0]
          : await browser.tabs.get(tabId);
      // captureVisibleTab shows whatever is in front: never another tab than the one escalated.
      if (!tab?.active || tab.windowId === undefined) throw new Error('The tab is not visible.');
      return browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
    },
    download: downloadText,
  };
}
