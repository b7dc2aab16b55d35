import { describe, expect, it, vi } from 'vitest';
import { parseHtml } from '../../lib/cli/html';
import { startGate } from '../../lib/gate/gate';
import { gateSignals } from '../../lib/gate/sources';
import type { OverlayEntry } from '../../lib/overlay/handle';
import { defaultRulePack } from '../../lib/rules/default';

const signals = gateSignals(defaultRulePack);
const DASHBOARD = '<main><h1>Dashboard</h1><p>Sales today: KES 120,000</p></main>';
const HUB = '<main><h1>Sync Hub</h1><table></table></main>';

function setup(html: string, url: string) {
  let doc = parseHtml(html, url);
  let href = url;
  const answer = { url, analysis: { page: null, records: [] } };
  const runtime = { refresh: vi.fn(), answer: vi.fn(() => answer) };
  let injected: OverlayEntry | undefined;
  const entry: OverlayEntry = { start: vi.fn(() => runtime) };
  const requestOverlay = vi.fn(async () => {
    injected = entry;
  });
  const lifetime = new AbortController();
  const gate = startGate({
    doc,
    url: () => href,
    signals,
    signal: lifetime.signal,
    requestOverlay,
    overlayEntry: () => injected,
  });
  const navigate = (nextHtml: string, nextUrl: string) => {
    doc.body.innerHTML = parseHtml(nextHtml, nextUrl).body.innerHTML;
    href = nextUrl;
    gate.navigated();
  };
  return { gate, runtime, entry, requestOverlay, lifetime, navigate, doc: () => doc };
}

const settle = () => new Promise((ok) => setTimeout(ok, 0));

describe('the gate', () => {
  it('loads nothing on a page that is not a sync screen', async () => {
    const { requestOverlay } = setup(DASHBOARD, 'https://acme.awraops.com/');
    await settle();
    expect(requestOverlay).not.toHaveBeenCalled();
  });

  it('loads and starts the overlay once on a sync screen, then leaves navigation to it', async () => {
    const { requestOverlay, entry, runtime, navigate } = setup(
      HUB,
      'https://acme.awraops.com/sync-hub',
    );
    await settle();
    expect(requestOverlay).toHaveBeenCalledTimes(1);
    expect(entry.start).toHaveBeenCalledTimes(1);
    navigate(DASHBOARD, 'https://acme.awraops.com/');
    navigate(HUB, 'https://acme.awraops.com/sync-hub');
    expect(runtime.refresh).toHaveBeenCalledTimes(2);
    expect(requestOverlay).toHaveBeenCalledTimes(1);
  });

  it('loads the overlay when client-side navigation reaches a sync screen', async () => {
    const { requestOverlay, navigate } = setup(DASHBOARD, 'https://acme.awraops.com/');
    navigate(HUB, 'https://acme.awraops.com/sync-hub');
    await settle();
    expect(requestOverlay).toHaveBeenCalledTimes(1);
  });

  it("answers the popup with the engine's reading, loading it on a page the gate passed over", async () => {
    const { gate, requestOverlay, runtime } = setup(DASHBOARD, 'https://acme.awraops.com/');
    const reply = await gate.analysis({ type: 'get-analysis' });
    expect(requestOverlay).toHaveBeenCalledTimes(1);
    expect(runtime.answer).toHaveBeenCalledTimes(1);
    expect(reply).toEqual({
      url: 'https://acme.awraops.com/',
      analysis: { page: null, records: [] },
    });
  });

  it('gives no answer when the overlay could not be loaded, and stops when invalidated', async () => {
    const lifetime = new AbortController();
    const requestOverlay = vi.fn(async () => undefined);
    const gate = startGate({
      doc: parseHtml(DASHBOARD, 'https://acme.awraops.com/'),
      url: () => 'https://acme.awraops.com/sync-hub',
      signals,
      signal: lifetime.signal,
      requestOverlay,
      overlayEntry: () => undefined,
    });
    expect(await gate.analysis({ type: 'get-analysis' })).toBeUndefined();
    lifetime.abort();
    gate.navigated();
    await settle();
    expect(requestOverlay).toHaveBeenCalledTimes(1);
  });
});
