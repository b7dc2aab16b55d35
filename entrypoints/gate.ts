import { defaultGateSignals } from '@/lib/gate/default-signals';
import { gateEntry, publishGate } from '@/lib/gate/entry';
import { startGate } from '@/lib/gate/gate';
import { watchNavigation } from '@/lib/gate/navigation';
import { overlayEntry } from '@/lib/overlay/handle';

/**
 * The always-on content script (declared in the manifest by wxt.config.ts): a gate of a few
 * kilobytes. The overlay (engine, rule pack, UI) is injected by the background only when the gate
 * finds what may be a sync screen. On any other page it touches no extension API: the popup asks
 * it through scripting.executeScript (lib/gate/entry.ts), and WXT's content-script context, which
 * reads the runtime API and dispatches a page event on every start, is not used. The CPU time of
 * its task on the mock's dashboard (traced, medians of 30 loads, one session): 2.15 ms as a WXT
 * content script with a runtime listener, 1.94 ms with the compile hint alone, 1.64 ms like this.
 */
export default defineUnlistedScript(() => {
  // A second injection into this frame (a site registered twice) leaves the first gate running.
  if (gateEntry()) return;
  const lifetime = new AbortController();
  const gate = startGate({
    doc: document,
    url: () => location.href,
    signals: defaultGateSignals,
    signal: lifetime.signal,
    requestOverlay: () => browser.runtime.sendMessage({ type: 'load-overlay' }),
    overlayEntry: () => overlayEntry(),
  });
  publishGate((request) => gate.analysis(request));
  // After an update or removal of the extension, scripts already in a page lose the runtime: the
  // gate (and the overlay it started) stop at the next navigation instead of acting for it.
  watchNavigation(
    window,
    () => (browser.runtime?.id ? gate.navigated() : lifetime.abort()),
    lifetime.signal,
  );
});
