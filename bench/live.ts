/**
 * (3) Live updates: 50 row mutations a second for 10 seconds on a 1,000-row Sync Hub list, with
 * and without the extension; the extension's share is the main-thread time it adds over the
 * 10-second window.
 */
import type { Browser } from 'puppeteer-core';
import { mainThread, metricsSession, since } from './cdp';
import { median, shimEsbuildNames, sleep } from './stats';

export interface LiveFigure {
  rows: number;
  mutations: number;
  windowMs: number;
  withoutMs: number;
  withMs: number;
  addedMs: number;
  /** Added main-thread time as a share of the window. */
  sharePercent: number;
}

const ROWS = 1000;
const PER_SECOND = 50;
const SECONDS = 10;

async function liveOnce(browser: Browser, base: string): Promise<{ taskMs: number; done: number }> {
  const page = await browser.newPage();
  try {
    await page.setViewport({ width: 1366, height: 900 });
    await shimEsbuildNames(page);
    await page.goto(`${base}/sync-hub?rows=${ROWS}`, { waitUntil: 'load', timeout: 120_000 });
    await sleep(3000);
    const cdp = await metricsSession(page);
    const before = await mainThread(cdp);
    // Each mutation flips one row between failed and succeeded, as a live list does: the status
    // chip's text and the message cell change in place.
    const done = await page.evaluate(
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
    // Let the last change be read and rendered.
    await sleep(1000);
    return { taskMs: since(before, await mainThread(cdp)).taskMs, done };
  } finally {
    await page.close();
  }
}

export async function benchLive(
  browsers: { without: Browser; with: Browser },
  base: string,
  runs: number,
): Promise<LiveFigure> {
  const without: number[] = [];
  const withExt: number[] = [];
  let mutations = 0;
  for (let i = 0; i < runs; i++) {
    without.push((await liveOnce(browsers.without, base)).taskMs);
    const run = await liveOnce(browsers.with, base);
    withExt.push(run.taskMs);
    mutations = run.done;
  }
  const withoutMs = median(without);
  const withMs = median(withExt);
  const windowMs = SECONDS * 1000 + 1000;
  return {
    rows: ROWS,
    mutations,
    windowMs,
    withoutMs,
    withMs,
    addedMs: withMs - withoutMs,
    sharePercent: ((withMs - withoutMs) / windowMs) * 100,
  };
}
