import { startGate } from '@/lib/gate/gate';
import { gateSignals } from '@/lib/gate/signals';
import { createContentHandler } from '@/lib/messaging/content-handler';
import type { LoadOverlayRequest } from '@/lib/messaging/content-request';
import { overlayEntry } from '@/lib/overlay/handle';
import { defaultFields } from '@/lib/rules/default/fields';
import { defaultPages } from '@/lib/rules/default/pages';
import { defaultConnectors } from '@/lib/rules/default/vocabulary';

/**
 * The always-on content script: a gate of a few kilobytes. The overlay (engine, rule pack, UI)
 * is injected by the background only when the gate finds what may be a sync screen.
 */
export default defineContentScript({
  matches: ['https://*.awraops.com/*'],
  runAt: 'document_idle',
  // WXT would otherwise post the extension's id to the page.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const load: LoadOverlayRequest = { type: 'load-overlay' };
    const gate = startGate({
      doc: document,
      url: () => location.href,
      signals: gateSignals({
        pages: defaultPages,
        connectors: defaultConnectors,
        fields: defaultFields,
      }),
      signal: ctx.signal,
      requestOverlay: () => browser.runtime.sendMessage(load),
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
    // the engine first when it has not yet.
    const onMessage = createContentHandler({
      extensionId: browser.runtime.id,
      extensionOrigin: browser.runtime.getURL('/'),
      analyze: () => gate.analysis(),
    });
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
