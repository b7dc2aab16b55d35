/**
 * (3) Live updates: 50 row mutations a second for 10 seconds on a 1,000-row Sync Hub list. The
 * extension's share is the main-thread time sampled in its scripts over the window (CPU profile);
 * TaskDuration with and without the extension is kept for reference (it also counts the page's
 * own style and layout work, which dominates and is noisy on a shared machine).
 */
import type { Browser } from 'puppeteer-core';
import { mainThread, metricsSession, profileExtension, since } from './cdp';
import { median, shimEsbuildNames, sleep } from './stats';

export interface LiveFigure {
  rows: number;
  mutations: number;
  windowMs: number;
  withoutMs: number;
  withMs: number;
  addedMs: number;
  /** Main-thread time sampled in the extension's scripts over the window. */
  extensionMs: number;
  /** The extension's sampled time as a share of the window. */
  sharePercent: number;
  /** The extension's sampled time as a share of the main thread's busy time. */
  shareOfBusyPercent: number;
}

const ROWS = 1000;
const PER_SECOND = 50;
const SECONDS = 10;

interface LiveRun {
  taskMs: number;
  done: number;
  extensionMs: number;
  busyMs: number;
  windowMs: number;
}

async function liveOnce(browser: Browser, base: string, origin: string): Promise<LiveRun> {
  const page = await browser.newPage();
  try {
    await page.setViewport({ width: 1366, height: 900 });
    await shimEsbuildNames(page);
    await page.goto(`${base}/sync-hub?rows=${ROWS}`, { waitUntil: 'load', timeout: 120_000 });
    await sleep(3000);
    const cdp = await metricsSession(page);
    const before = await mainThread(cdp);
    let done = 0;
    const mutate = async () => {
      done = await mutations(page);
      // Let the last change be read and rendered.
      await sleep(1000);
    };
    const attribution = await profileExtension(cdp, origin, mutate);
    return {
      taskMs: since(before, await mainThread(cdp)).taskMs,
      done,
      extensionMs: attribution.extensionMs,
      busyMs: attribution.busyMs,
      windowMs: attribution.totalMs,
    };
  } finally {
    await page.close();
  }
}

function mutations(page: import('puppeteer-core').Page): Promise<number> {
  // Each mutation flips one row between failed and succeeded, as a live list does: the status
  // chip's text and the message cell change in place.
  return page.evaluate(
    (count: number, interval: number) =>
      new Promise<number>((resolve) => {
        const rows = [...document.querySelectorAll('tr[data-live^="row:"]')];
        let n = 0;
        const timer = setInterval(() => {
          const row = rows[(n * 37) % rows.length]!;
          const status = row.querySelector('.status-current') ?? row.children[4]!;
          const message = row.querySelector('td.msg') ?? row.children[5]!;
          const failing = status.textContent === 'Failed';
          status.textContent = failing ? 'Succeeded' : 'Failed';
          message.textContent = failing
            ? 'Created in QuickBooks'
            : `Invalid Reference Id: Account 'Sales ${n}' is not mapped in QuickBooks`;
          if (++n >= count) {
            clearInterval(timer);
            resolve(n);
          }
        }, interval);
      }),
    PER_SECOND * SECONDS,
    1000 / PER_SECOND,
  );
}

export async function benchLive(
  browsers: { without: Browser; with: Browser },
  base: string,
  extensionOrigin: string,
  runs: number,
): Promise<LiveFigure> {
  const without: LiveRun[] = [];
  const withExt: LiveRun[] = [];
  for (let i = 0; i < runs; i++) {
    without.push(await liveOnce(browsers.without, base, extensionOrigin));
    withExt.push(await liveOnce(browsers.with, base, extensionOrigin));
  }
  const withoutMs = median(without.map((r) => r.taskMs));
  const withMs = median(withExt.map((r) => r.taskMs));
  const extensionMs = median(withExt.map((r) => r.extensionMs));
  const windowMs = median(withExt.map((r) => r.windowMs));
  return {
    rows: ROWS,
    mutations: withExt[0]?.done ?? 0,
    windowMs,
    withoutMs,
    withMs,
    addedMs: withMs - withoutMs,
    extensionMs,
    sharePercent: (extensionMs / windowMs) * 100,
    shareOfBusyPercent: median(withExt.map((r) => (r.extensionMs / r.busyMs) * 100)),
  };
}
