import { describe, expect, it, vi } from 'vitest';
import { createLoadOverlayHandler, type FrameSender } from '../../lib/messaging/load-overlay';
import {
  overlayEntry,
  publishOverlayEntry,
  singleRuntime,
  forgetOverlayEntry,
} from '../../lib/overlay/handle';

const EXT = 'sync-assist-extension-id';
const PATTERNS = ['https://*.awraops.com/*', 'https://erp.acme.co.ke/*'];
const TAB: FrameSender = {
  id: EXT,
  tab: { id: 7 },
  frameId: 3,
  url: 'https://acme.awraops.com/sync-hub',
};
const LOAD = { type: 'load-overlay' };

function setup() {
  const inject = vi.fn(async (_tab: number, _frame: number) => undefined);
  const handle = createLoadOverlayHandler({
    extensionId: EXT,
    extensionOrigin: `chrome-extension://${EXT}/`,
    scriptablePatterns: async () => PATTERNS,
    inject,
  });
  return { handle, inject };
}

describe('the background loads the overlay for the gate', () => {
  it('injects into the asking frame of an AWRA tab', async () => {
    const { handle, inject } = setup();
    expect(await handle(LOAD, TAB)).toEqual({ loaded: true });
    expect(inject).toHaveBeenCalledWith(7, 3);
  });

  it('injects on an admin-added site whose content script is registered', async () => {
    const { handle, inject } = setup();
    const sender = { ...TAB, url: 'https://erp.acme.co.ke/sync/runs' };
    expect(await handle(LOAD, sender)).toEqual({ loaded: true });
    expect(inject).toHaveBeenCalledTimes(1);
  });

  it('refuses a page our content script may not run on', async () => {
    const { handle, inject } = setup();
    expect(await handle(LOAD, { ...TAB, url: 'https://evil.example.com/awraops.com/' })).toEqual({
      loaded: false,
    });
    expect(inject).not.toHaveBeenCalled();
  });

  it('does not answer another extension, our own pages or malformed requests', () => {
    const { handle, inject } = setup();
    expect(handle(LOAD, { ...TAB, id: 'another-extension' })).toBeUndefined();
    expect(handle(LOAD, { id: EXT, url: `chrome-extension://${EXT}/popup.html` })).toBeUndefined();
    // Our own page opened in a tab is not a content script.
    const ownPageInTab = { ...TAB, url: `chrome-extension://${EXT}/popup.html` };
    expect(handle(LOAD, ownPageInTab)).toBeUndefined();
    expect(handle({ type: 'load-overlay', files: ['/evil.js'] }, TAB)).toBeUndefined();
    expect(handle({ type: 'get-analysis' }, TAB)).toBeUndefined();
    expect(inject).not.toHaveBeenCalled();
  });

  it('answers "not loaded" when the browser refuses the injection', async () => {
    const handle = createLoadOverlayHandler({
      extensionId: EXT,
      extensionOrigin: `chrome-extension://${EXT}/`,
      scriptablePatterns: async () => PATTERNS,
      inject: async () => {
        throw new Error('Cannot access contents of the page');
      },
    });
    expect(await handle(LOAD, TAB)).toEqual({ loaded: false });
  });
});

describe('one overlay per frame', () => {
  const runtime = () => ({ refresh: vi.fn(), answer: vi.fn() }) as never;

  it('a second injection finds the first and publishes nothing', () => {
    const scope = {};
    const first = singleRuntime(runtime);
    expect(publishOverlayEntry(first, scope)).toBe(true);
    expect(publishOverlayEntry(singleRuntime(runtime), scope)).toBe(false);
    expect(overlayEntry(scope)).toBe(first);
  });

  it('an element named like the entry (window named access: on the prototype) is not one', () => {
    const scope = Object.create({ __syncAssistOverlay: { tagName: 'DIV' } }) as object;
    expect(overlayEntry(scope)).toBeUndefined();
    const entry = singleRuntime(runtime);
    expect(publishOverlayEntry(entry, scope)).toBe(true);
    expect(overlayEntry(scope)).toBe(entry);
  });

  it('a second start returns the running overlay; after invalidation a new one starts', () => {
    const create = vi.fn(runtime);
    const entry = singleRuntime(create);
    const lifetime = new AbortController();
    const running = entry.start(lifetime.signal);
    expect(entry.start(lifetime.signal)).toBe(running);
    expect(create).toHaveBeenCalledTimes(1);
    lifetime.abort();
    entry.start(new AbortController().signal);
    expect(create).toHaveBeenCalledTimes(2);
  });

  it('an invalidated overlay is forgotten, so a fresh gate injects a fresh one', () => {
    const scope = {};
    const entry = singleRuntime(runtime);
    publishOverlayEntry(entry, scope);
    forgetOverlayEntry(entry, scope);
    expect(overlayEntry(scope)).toBeUndefined();
  });
});
