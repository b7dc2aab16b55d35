/**
 * (5) Heap after 500 client-side navigations between the Sync Hub and the dashboard (the mock
 * app's menu, no reload), against the heap after the first round trip; both after a full GC.
 * Each step waits until the overlay has shown up (Sync Hub) or gone (dashboard).
 */
import type { Page } from 'puppeteer-core';
import { heapAfterGc } from './cdp';

export interface HeapFigure {
  navigations: number;
  firstBytes: number;
  lastBytes: number;
  growthBytes: number;
}

const HOST = 'sync-assist-overlay';

async function go(page: Page, href: string, title: RegExp, overlay: boolean): Promise<void> {
  await page.click(`nav[aria-label="Main"] a[href="${href}"]`);
  await page.waitForFunction(
    (source: string, tag: string, overlay: boolean) =>
      new RegExp(source).test(document.title) &&
      document.querySelectorAll(tag).length > 0 === overlay,
    { timeout: 30_000, polling: 'raf' },
    title.source,
    HOST,
    overlay,
  );
}

export async function benchHeap(page: Page, base: string, navigations = 500): Promise<HeapFigure> {
  await page.goto(`${base}/`, { waitUntil: 'load' });
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  const roundTrip = async () => {
    await go(page, '/sync-hub', /Sync Hub/, true);
    await go(page, '/', /Dashboard/, false);
  };
  await roundTrip();
  const firstBytes = await heapAfterGc(cdp);
  for (let done = 2; done < navigations; done += 2) await roundTrip();
  const lastBytes = await heapAfterGc(cdp);
  return { navigations, firstBytes, lastBytes, growthBytes: lastBytes - firstBytes };
}
