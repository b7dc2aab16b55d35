import { analyzeDocument, serializeAnalysis } from '@/lib/analyze';
import { createContentHandler } from '@/lib/messaging/content-handler';
import { startOverlay } from '@/lib/overlay/controller';
import { runtimeBackend } from '@/lib/overlay/runtime-backend';
import { defaultRulePack } from '@/lib/rules/default';
import { browserSettingsSource } from '@/lib/settings/browser-source';
import { watchSettings } from '@/lib/settings/watch';

export default defineContentScript({
  matches: ['https://*.awraops.com/*'],
  runAt: 'document_idle',
  // WXT would otherwise post the extension's id to the page.
  noScriptStartedPostMessage: true,
  main(ctx) {
    let pack = defaultRulePack;
    let role = pack.defaultRole;
    const overlay = startOverlay({
      doc: document,
      url: () => location.href,
      pack: () => pack,
      roleId: () => role,
      backend: runtimeBackend((message) => browser.runtime.sendMessage(message)),
      signal: ctx.signal,
      copyText: (text) => navigator.clipboard.writeText(text),
    });
    // Admin edits, managed policy and the user's role reach this tab without a reload.
    const stopSettings = watchSettings(browserSettingsSource, defaultRulePack, (settings) => {
      ({ pack, role } = settings);
      overlay.refresh();
    });
    ctx.onInvalidated(stopSettings);
    ctx.addEventListener(window, 'wxt:locationchange', () => overlay.refresh());

    // The popup's get-analysis: only our own pages, only a well-formed request.
    const onMessage = createContentHandler({
      extensionId: browser.runtime.id,
      extensionOrigin: browser.runtime.getURL('/'),
      analyze: () => ({
        url: location.href,
        analysis: serializeAnalysis(analyzeDocument(document, location.href, pack)),
        lastTouched: overlay.lastTouched(),
      }),
    });
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
