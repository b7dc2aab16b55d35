import { afterEach, describe, expect, it, vi } from 'vitest';
import { askGate, GATE_KEY, gateEntry, publishGate } from '../../lib/gate/entry';
import { URL_POLL_MS, watchNavigation } from '../../lib/gate/navigation';

const answer = { url: 'https://acme.awraops.com/sync-hub', analysis: { page: null, records: [] } };

describe('the gate published in its world', () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>)[GATE_KEY];
  });

  it('is published once: a second gate in the same frame finds the first', async () => {
    const first = vi.fn(async () => answer);
    const second = vi.fn(async () => undefined);
    expect(publishGate(first)).toBe(true);
    expect(publishGate(second)).toBe(false);
    expect(await gateEntry()!.analysis({ type: 'get-analysis' })).toEqual(answer);
    expect(second).not.toHaveBeenCalled();
  });

  it("an element with the gate's id (on window through named access) neither stops nor answers", async () => {
    const scope = Object.create({ [GATE_KEY]: { analysis: async () => answer } }) as object;
    expect(gateEntry(scope)).toBeUndefined();
    expect(publishGate(async () => answer, scope)).toBe(true);
    // In the tab: named access puts the element on the global's prototype, never as its own.
    const prototype = Object.getPrototypeOf(globalThis) as Record<string, unknown>;
    prototype[GATE_KEY] = { analysis: async () => answer };
    try {
      expect(await askGate(GATE_KEY, { type: 'get-analysis' })).toBeNull();
    } finally {
      delete prototype[GATE_KEY];
    }
  });

  it("askGate (the popup's script in the tab) gets the gate's answer", async () => {
    publishGate(async () => answer);
    expect(await askGate(GATE_KEY, { type: 'get-analysis' })).toEqual(answer);
  });

  it('askGate answers null where no gate runs, the gate has nothing to say or the key is another', async () => {
    expect(await askGate(GATE_KEY, { type: 'get-analysis' })).toBeNull();
    publishGate(async () => undefined);
    expect(await askGate(GATE_KEY, { type: 'get-analysis' })).toBeNull();
    expect(await askGate(GATE_KEY, { type: 'get-analyses' })).toBeNull();
    (globalThis as Record<string, unknown>).notAGate = { analysis: 'x' };
    expect(await askGate('notAGate', { type: 'get-analysis' })).toBeNull();
    delete (globalThis as Record<string, unknown>).notAGate;
  });

  it('askGate is self-contained: its source runs on its own, as executeScript sends it', async () => {
    publishGate(async () => answer);
    // Only the function's source travels to the tab; nothing it closes over comes along.
    const alone = new Function(`return (${askGate.toString()})`)() as typeof askGate;
    expect(await alone(GATE_KEY, { type: 'get-analysis' })).toEqual(answer);
  });
});

describe('client-side navigation', () => {
  afterEach(() => vi.useRealTimers());

  it('follows the Navigation API where there is one, until the gate stops', () => {
    const navigation = new EventTarget();
    const navigated = vi.fn();
    const lifetime = new AbortController();
    watchNavigation({ navigation, location: { href: 'a' } }, navigated, lifetime.signal);
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(navigated).toHaveBeenCalledTimes(1);
    lifetime.abort();
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(navigated).toHaveBeenCalledTimes(1);
  });

  it('elsewhere compares the URL once a second, and stops comparing when the gate stops', () => {
    vi.useFakeTimers();
    const location = { href: 'https://acme.awraops.com/' };
    const navigated = vi.fn();
    const lifetime = new AbortController();
    watchNavigation({ location }, navigated, lifetime.signal);
    vi.advanceTimersByTime(URL_POLL_MS * 3);
    expect(navigated).not.toHaveBeenCalled();
    location.href = 'https://acme.awraops.com/sync-hub';
    vi.advanceTimersByTime(URL_POLL_MS);
    expect(navigated).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(URL_POLL_MS * 3);
    expect(navigated).toHaveBeenCalledTimes(1);
    lifetime.abort();
    location.href = 'https://acme.awraops.com/integrations';
    vi.advanceTimersByTime(URL_POLL_MS * 3);
    expect(navigated).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
