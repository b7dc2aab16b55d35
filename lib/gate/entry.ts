/**
 * How the popup reaches the gate. Not a runtime message: listening for one means touching the
 * extension's runtime API on every AWRA page, and creating that API in the page's isolated world
 * cost a quarter of a millisecond of each page load (traced), a seventh of the gate's budget.
 * Instead the gate publishes itself in its isolated world and the popup runs `askGate` there
 * (scripting.executeScript). The page cannot see that world and no other extension can run code
 * in it, so there is no sender to check; the request itself is still checked.
 */
import type { GetAnalysisResponse } from '../messaging/protocol';

export const GATE_KEY = '__syncAssistGate';

export interface GateEntry {
  /** The page's Analysis for a well-formed request; undefined for anything else. */
  analysis(request: unknown): Promise<GetAnalysisResponse | undefined>;
}

type Holder = { [GATE_KEY]?: GateEntry };

/** Own properties only: `<div id="__syncAssistGate">` shows up on `window` too (named access). */
export function gateEntry(scope: object = globalThis): GateEntry | undefined {
  return Object.hasOwn(scope, GATE_KEY) ? (scope as Holder)[GATE_KEY] : undefined;
}

/**
 * Publishes the gate once per frame and world; false (and nothing published) when a gate is
 * already there, as when a site's registration injects the script a second time.
 */
export function publishGate(
  answer: (request: unknown) => Promise<GetAnalysisResponse | undefined>,
  scope: object = globalThis,
): boolean {
  const holder = scope as Holder;
  if (gateEntry(scope)) return false;
  holder[GATE_KEY] = {
    analysis: (request) =>
      isContentRequest(request) ? answer(request) : Promise.resolve(undefined),
  };
  return true;
}

/**
 * Runs in the tab (the `func` of scripting.executeScript): self-contained, since only its source
 * travels. The gate's answer, or null where no gate runs or it has nothing to say.
 */
export async function askGate(key: string, request: unknown): Promise<unknown> {
  // Own property only: an element with this id is on `window` too (named access).
  const gate = (
    Object.hasOwn(globalThis, key) ? (globalThis as Record<string, unknown>)[key] : undefined
  ) as { analysis?: (request: unknown) => Promise<unknown> } | undefined;
  if (typeof gate?.analysis !== 'function') return null;
  return (await gate.analysis(request)) ?? null;
}

/**
 * ContentRequestSchema (lib/messaging/content-request.ts) as a plain check, held equal to it by
 * a test: `{ type: 'get-analysis' }` and nothing else. The gate carries no schema library; the
 * overlay validates the request against the schema again before it reads the page.
 */
export function isContentRequest(message: unknown): boolean {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return false;
  // Every enumerable key, inherited ones too, as the schema counts them.
  let keys = 0;
  for (const key in message) if (key !== 'type' || ++keys > 1) return false;
  return keys === 1 && (message as { type?: unknown }).type === 'get-analysis';
}
