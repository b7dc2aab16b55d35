import { startGate } from '@/lib/gate/gate';
import { defaultGateSignals } from '@/lib/gate/default-signals';
import { createContentHandler } from '@/lib/messaging/content-handler';
import { overlayEntry } from '@/lib/overlay/handle';

/**
 * The always-on content script: a gate of a few kilobytes. The overlay (engine, rule pack, UI)
 * is injected by the background only when the gate finds what may be a sync screen. This build
 * uses the browser's own promise-based API, not webextension-polyfill (wxt.config.ts): starting
 * the polyfill cost more than the gate's whole decision.
 */
export default defineContentScript({
  matches: ['https://*.awraops.com/*'],
  runAt: 'document_idle',
  // WXT would otherwise post the extension's id to the page.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const gate = startGate({
      doc: document,
      url: () => location.href,
      signals: defaultGateSignals,
      signal: ctx.signal,
      requestOverlay: () => browser.runtime.sendMessage({ type: 'load-overlay' }),
      overlayEntry: () => overlayEntry(),
    });
    // Chromium's Navigation API reports a pushState at once; elsewhere WXT polls the URL.
    const navigation = (window as { navigation?: EventTarget }).navigation;
    if (navigation)
      navigation.addEventListener('currententrychange', () => gate.navigated(), {
        signal: ctx.signal,
      });
    else ctx.addEventListener(window, 'wxt:locationchange', () => gate.navigated());

    // The popup's get-analysis: only our own pages, only a well-formed request; the gate loads
    // the engine first when it has not yet. Answered through sendResponse, which Chrome and
    // Firefox both honour (a returned promise only Firefox does).
    const handle = createContentHandler({
      extensionId: browser.runtime.id,
      extensionOrigin: browser.runtime.getURL('/'),
      analyze: (request) => gate.analysis(request),
    });
    const onMessage = (
      message: unknown,
      sender: Parameters<typeof handle>[1],
      sendResponse: (response: unknown) => void,
    ) => {
      const answer = handle(message, sender);
      if (!answer) return false;
      answer.then(sendResponse, () => sendResponse(undefined));
      return true;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
