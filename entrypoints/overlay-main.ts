import { analyzeDocument, serializeAnalysis } from '@/lib/analyze';
import { answerContentRequest } from '@/lib/messaging/content-answer';
import type { GetAnalysisResponse } from '@/lib/messaging/protocol';
import { startOverlay } from '@/lib/overlay/controller';
import { forgetOverlayEntry, publishOverlayEntry, singleRuntime } from '@/lib/overlay/handle';
import { runtimeBackend } from '@/lib/overlay/runtime-backend';
import { defaultRulePack } from '@/lib/rules/default';
import { browserSettingsSource } from '@/lib/settings/browser-source';
import { watchSettings } from '@/lib/settings/watch';

/**
 * The on-demand overlay: injected by the background (browser.scripting.executeScript) into a
 * frame whose gate found what may be a sync screen. It runs under the gate's lifetime (its
 * AbortSignal, which ends once the extension's runtime is gone), so that removes everything.
 */
export default defineUnlistedScript(() => {
  const entry = singleRuntime((signal) => {
    let pack = defaultRulePack;
    let role = pack.defaultRole;
    let overlay: ReturnType<typeof startOverlay> | null = null;
    // Starts once the admin's settings are read, so a card never flips from the built-in rules'
    // answer to the admin's; storage that does not answer in time leaves the built-in rules.
    const start = () => {
      if (overlay || signal.aborted) return;
      overlay = startOverlay({
        doc: document,
        url: () => location.href,
        pack: () => pack,
        roleId: () => role,
        backend: runtimeBackend((message) => browser.runtime.sendMessage(message)),
        signal,
        copyText: (text) => navigator.clipboard.writeText(text),
      });
    };
    const fallback = setTimeout(start, 2000);
    // Admin edits, managed policy and the user's role reach this tab without a reload.
    const stopSettings = watchSettings(browserSettingsSource, defaultRulePack, (settings) => {
      const changed = settings.pack !== pack || settings.role !== role;
      ({ pack, role } = settings);
      clearTimeout(fallback);
      if (!overlay) start();
      else if (changed) overlay.refresh();
    });
    signal.addEventListener('abort', () => {
      clearTimeout(fallback);
      stopSettings();
      forgetOverlayEntry(entry);
    });
    return {
      refresh: () => overlay?.refresh(),
      answer: (request) =>
        answerContentRequest(request, (): GetAnalysisResponse => ({
          url: location.href,
          analysis: serializeAnalysis(analyzeDocument(document, location.href, pack)),
          lastTouched: overlay?.lastTouched() ?? null,
        })),
    };
  });
  publishOverlayEntry(entry);
});
