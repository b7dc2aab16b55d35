import { analyzeDocument, serializeAnalysis } from '@/lib/analyze';
import type { GetAnalysisResponse } from '@/lib/messaging/protocol';
import { startOverlay } from '@/lib/overlay/controller';
import { forgetOverlayEntry, publishOverlayEntry, singleRuntime } from '@/lib/overlay/handle';
import { runtimeBackend } from '@/lib/overlay/runtime-backend';
import { defaultRulePack } from '@/lib/rules/default';
import { browserSettingsSource } from '@/lib/settings/browser-source';
import { watchSettings } from '@/lib/settings/watch';

/**
 * The on-demand overlay: injected by the background (browser.scripting.executeScript) into a
 * frame whose gate found what may be a sync screen. It runs under the gate's lifetime (the
 * content script context's signal), so invalidation still removes everything.
 */
export default defineUnlistedScript(() => {
  const entry = singleRuntime((signal) => {
    let pack = defaultRulePack;
    let role = pack.defaultRole;
    const overlay = startOverlay({
      doc: document,
      url: () => location.href,
      pack: () => pack,
      roleId: () => role,
      backend: runtimeBackend((message) => browser.runtime.sendMessage(message)),
      signal,
      copyText: (text) => navigator.clipboard.writeText(text),
    });
    // Admin edits, managed policy and the user's role reach this tab without a reload.
    const stopSettings = watchSettings(browserSettingsSource, defaultRulePack, (settings) => {
      // Usually what the overlay started with: no second read of the page.
      if (settings.pack === pack && settings.role === role) return;
      ({ pack, role } = settings);
      overlay.refresh();
    });
    signal.addEventListener('abort', () => {
      stopSettings();
      forgetOverlayEntry(entry);
    });
    return {
      refresh: () => overlay.refresh(),
      answer: (): GetAnalysisResponse => ({
        url: location.href,
        analysis: serializeAnalysis(analyzeDocument(document, location.href, pack)),
        lastTouched: overlay.lastTouched(),
      }),
    };
  });
  publishOverlayEntry(entry);
});
