import type { GetAnalysisResponse } from '../messaging/protocol';

/**
 * The overlay script and the always-on gate meet here. Both run in the extension's isolated
 * world of the same frame, which the page cannot see, so a global is a private meeting point.
 */
export interface OverlayRuntime {
  /** Re-checks the page (client-side navigation). */
  refresh(): void;
  /** The page's Analysis for the popup's request, read now; undefined for a malformed request. */
  answer(request: unknown): GetAnalysisResponse | undefined;
}

export interface OverlayEntry {
  /** Starts the overlay for the gate's lifetime; a second start returns the running one. */
  start(signal: AbortSignal): OverlayRuntime;
}

const KEY = '__syncAssistOverlay';
type Holder = { [KEY]?: OverlayEntry };

/**
 * Own properties only: an element with this id shows up on `window` in every world (named
 * access, through the prototype), and must neither stop nor stand in for the overlay.
 */
export function overlayEntry(scope: object = globalThis): OverlayEntry | undefined {
  return Object.hasOwn(scope, KEY) ? (scope as Holder)[KEY] : undefined;
}

/** Publishes the overlay once per frame: a second injection finds it and does nothing. */
export function publishOverlayEntry(entry: OverlayEntry, scope: object = globalThis): boolean {
  const holder = scope as Holder;
  if (overlayEntry(scope)) return false;
  holder[KEY] = entry;
  return true;
}

/** One running overlay per frame, however many gates start it; a new one after invalidation. */
export function singleRuntime(create: (signal: AbortSignal) => OverlayRuntime): OverlayEntry {
  let running: { runtime: OverlayRuntime; signal: AbortSignal } | null = null;
  return {
    start(signal) {
      if (running && !running.signal.aborted) return running.runtime;
      running = { runtime: create(signal), signal };
      return running.runtime;
    },
  };
}

/** Forgets the entry (the extension was reloaded or updated: a fresh gate injects afresh). */
export function forgetOverlayEntry(entry: OverlayEntry, scope: object = globalThis): void {
  const holder = scope as Holder;
  if (holder[KEY] === entry) delete holder[KEY];
}
