import { startGate } from '@/lib/gate/gate';
import { gateSignals } from '@/lib/gate/signals';
import { ContentRequestSchema, type LoadOverlayRequest } from '@/lib/messaging/content-request';
import { isFromExtension } from '@/lib/messaging/senders';
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

    const onMessage = (message: unknown, sender: Browser.runtime.MessageSender) => {
      if (!isFromExtension(sender, browser.runtime.id, browser.runtime.getURL('/')))
        return undefined;
      if (!ContentRequestSchema.safeParse(message).success) return undefined;
      return gate.analysis();
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
