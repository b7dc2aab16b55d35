// The content script after client-side navigation, and what it does with messages it must ignore.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATE_KEY } from '../../lib/gate/entry';
import type { MockAwra } from '../mock-awra/server';
import {
  analysisFromContentScript,
  askGateInTab,
  contentScriptTab,
  launchWithExtension,
  sendToTab,
  withMock,
  type WithExtension,
} from './harness';

let ext: WithExtension;
let mock: MockAwra;
let page: Page;
const pageErrors: string[] = [];
const dialogs: string[] = [];

beforeAll(async () => {
  [mock, ext] = await Promise.all([withMock(), launchWithExtension()]);
  page = await ext.browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

afterAll(async () => {
  await ext?.close();
  await mock?.close();
});

describe('content script in a single-page session', () => {
  it('answers for the new screen after client-side navigation (no reload)', async () => {
    await page.goto(`${mock.url}/`, { waitUntil: 'load' });
    expect((await analysisFromContentScript(ext.worker, page)).analysis.page).toBeNull();
    await page.evaluate(`window.__e2eNoReload = 'same document'`);

    await page.click('nav[aria-label="Main"] a[href="/sync-hub"]');
    await page.waitForFunction(
      () =>
        location.pathname === '/sync-hub' &&
        document.querySelector('main table[data-view="hub"]') !== null,
      { timeout: 10_000 },
    );
    expect(await page.evaluate('window.__e2eNoReload')).toBe('same document');

    const response = await analysisFromContentScript(ext.worker, page);
    expect(response.url).toBe(`${mock.url}/sync-hub`);
    expect(response.analysis.page).toBe('sync-hub');
    expect(response.analysis.records.map((r) => r.recordNumber)).toContain('INV-20417');
  });

  it('gives no answer to a request of the wrong shape, and listens to no runtime message', async () => {
    await page.goto(`${mock.url}/sync-hub`, { waitUntil: 'load' });
    const { tabId } = await contentScriptTab(ext.worker, page);
    for (const request of [
      { type: 'get-analyses' },
      { kind: 'get-analysis' },
      { type: 'get-analysis', extra: true },
      'get-analysis',
      ['get-analysis'],
      null,
    ]) {
      expect(await askGateInTab(ext.worker, tabId, request), JSON.stringify(request)).toBeNull();
    }
    // The same tab still answers the right request.
    expect(await askGateInTab(ext.worker, tabId, { type: 'get-analysis' })).toMatchObject({
      url: `${mock.url}/sync-hub`,
    });
    // Neither the gate nor the overlay it loaded listens to runtime messages.
    const reply = await sendToTab(ext.worker, tabId, { type: 'get-analysis' });
    expect(reply.answered).toBe(false);
    expect(reply.answered === false && reply.error).toMatch(/Receiving end does not exist/);
  });

  it('cannot be reached by a page script', async () => {
    await page.goto(`${mock.url}/sync-hub`, { waitUntil: 'load' });
    await contentScriptTab(ext.worker, page); // the content script is running
    const seen = await page.evaluate(async (extensionId: string) => {
      const received: unknown[] = [];
      window.addEventListener('message', (event) => received.push(event.data));
      window.postMessage({ type: 'get-analysis' }, '*');
      document.dispatchEvent(new CustomEvent('get-analysis', { detail: { type: 'get-analysis' } }));
      await new Promise((ok) => setTimeout(ok, 500));
      // Without externally_connectable, a web page has no runtime messaging to the extension.
      const runtime = (
        globalThis as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => unknown } } }
      ).chrome?.runtime;
      let direct = 'unavailable';
      if (runtime?.sendMessage) {
        try {
          const answer = await runtime.sendMessage(extensionId, { type: 'get-analysis' });
          direct = answer === undefined ? 'no answer' : 'answered';
        } catch {
          direct = 'refused';
        }
      }
      return { received, direct };
    }, ext.extensionId);
    // Only the page's own message came back: nothing answered it.
    expect(seen.received).toEqual([{ type: 'get-analysis' }]);
    // The gate's entry lives in the extension's isolated world, out of the page's sight.
    expect(await page.evaluate((key: string) => key in window, GATE_KEY)).toBe(false);
    expect(['unavailable', 'refused', 'no answer']).toContain(seen.direct);
  });

  it('raised no page error and opened no dialog during the session', () => {
    expect(pageErrors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
