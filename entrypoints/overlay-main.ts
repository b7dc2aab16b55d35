import { analyzeDocument, serializeAnalysis } from '@/lib/analyze';
import type { GetAnalysisResponse } from '@/lib/messaging/protocol';
import { startOverlay } from '@/lib/overlay/controller';
import { forgetOverlayEntry, publishOverlayEntry, singleRuntime } from '@/lib/overlay/handle';
import { runtimeBackend } from '@/lib/overlay/runtime-backend';
import { defaultRulePack } from '@/lib/rules/default';
import { roleItem } from '@/lib/settings/role';

/**
 * The on-demand overlay: injected by the background (browser.scripting.executeScript) into a
 * frame whose gate found what may be a sync screen. It runs under the gate's lifetime (the
 * content script context's signal), so invalidation still removes everything.
 */
export default defineUnlistedScript(() => {
  const entry = singleRuntime((signal) => {
    const pack = defaultRulePack;
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
    const useRole = (value: string | null) => {
      const next = value ?? pack.defaultRole;
      // The stored role is usually the one the overlay started with: no second read of the page.
      if (next === role) return;
      role = next;
      overlay.refresh();
    };
    void roleItem.getValue().then(useRole, () => undefined);
    const unwatch = roleItem.watch(useRole);
    signal.addEventListener('abort', () => {
      unwatch();
      forgetOverlayEntry(entry);
    });
    return {
      refresh: () => overlay.refresh(),
      answer: (): GetAnalysisResponse => ({
        url: location.href,
        analysis: serializeAnalysis(analyzeDocument(document, location.href, pack)),
      }),
    };
  });
  publishOverlayEntry(entry);
});
