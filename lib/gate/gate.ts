import type { GetAnalysisResponse } from '../messaging/protocol';
import type { OverlayEntry, OverlayRuntime } from '../overlay/handle';
import { mayBeSyncScreen } from './detect';
import type { GateSignals } from './signals';

export interface GateOptions {
  doc: Document;
  url(): string;
  signals: GateSignals;
  signal: AbortSignal;
  /** Asks the background to inject the overlay script into this frame. */
  requestOverlay(): Promise<unknown>;
  /** The overlay script's entry, once injected. */
  overlayEntry(): OverlayEntry | undefined;
}

/** Client-side navigation renders late: the gate looks again after these delays. */
const RECHECK_MS = [300, 1500];

/**
 * The always-on part of the content script: decides with a few cheap reads whether this may be
 * a sync screen and only then has the overlay (engine, rule pack, UI) loaded. Once loaded, the
 * overlay runs the page; the gate only forwards navigation and the popup's question to it.
 */
export function startGate(options: GateOptions) {
  const { signal } = options;
  let runtime: OverlayRuntime | null = null;
  let loading: Promise<OverlayRuntime | null> | null = null;
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const load = (): Promise<OverlayRuntime | null> =>
    (loading ??= options
      .requestOverlay()
      .catch(() => undefined)
      .then(() => {
        const entry = options.overlayEntry();
        if (!entry || signal.aborted) {
          loading = null;
          return null;
        }
        runtime = entry.start(signal);
        return runtime;
      }));

  const check = () => {
    if (runtime || loading || signal.aborted) return;
    if (mayBeSyncScreen(options.doc, options.url(), options.signals)) void load();
  };

  signal.addEventListener('abort', () => {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  });
  check();

  return {
    /** Client-side navigation: the overlay re-checks, or the gate looks again. */
    navigated() {
      if (runtime) return runtime.refresh();
      check();
      for (const delay of RECHECK_MS) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          check();
        }, delay);
        timers.add(timer);
      }
    },
    /**
     * The popup's question. The engine answers it, loaded now when the gate had not needed it,
     * so the popup reads every page exactly as before the split.
     */
    async analysis(request: unknown): Promise<GetAnalysisResponse | undefined> {
      const ready = runtime ?? (await load());
      return ready?.answer(request);
    },
  };
}
