/**
 * (2) The extension's main-thread time on page load: the same page loaded in a Chromium without
 * the extension and in one with it, alternately, each in a fresh tab; TaskDuration over the load
 * and the time the extension needs after it. The figure is the difference of the medians.
 */
import type { Browser } from 'puppeteer-core';
import { mainThread, metricsSession, since, type MainThread } from './cdp';
import { median, shimEsbuildNames, sleep } from './stats';

export interface LoadFigure {
  page: string;
  runs: number;
  withoutMs: number;
  withMs: number;
  addedMs: number;
  addedPercent: number;
  /** Script time added (ScriptDuration), for reference. */
  addedScriptMs: number;
}

async function loadOnce(browser: Browser, url: string, settleMs: number): Promise<MainThread> {
  const page = await browser.newPage();
  try {
    await page.setViewport({ width: 1366, height: 900 });
    await shimEsbuildNames(page);
    const cdp = await metricsSession(page);
    const before = await mainThread(cdp);
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    // The content script runs at document_idle; the overlay is injected and renders after it.
    await sleep(settleMs);
    return since(before, await mainThread(cdp));
  } finally {
    await page.close();
  }
}

export async function benchPageLoad(
  browsers: { without: Browser; with: Browser },
  label: string,
  url: string,
  runs: number,
  settleMs: number,
): Promise<LoadFigure> {
  const without: MainThread[] = [];
  const withExt: MainThread[] = [];
  // One warm-up load each (HTTP, code caches), then alternate so drift hits both alike.
  await loadOnce(browsers.without, url, settleMs);
  await loadOnce(browsers.with, url, settleMs);
  for (let i = 0; i < runs; i++) {
    without.push(await loadOnce(browsers.without, url, settleMs));
    withExt.push(await loadOnce(browsers.with, url, settleMs));
  }
  const withoutMs = median(without.map((m) => m.taskMs));
  const withMs = median(withExt.map((m) => m.taskMs));
  return {
    page: label,
    runs,
    withoutMs,
    withMs,
    addedMs: withMs - withoutMs,
    addedPercent: ((withMs - withoutMs) / withoutMs) * 100,
    addedScriptMs: median(withExt.map((m) => m.scriptMs)) - median(without.map((m) => m.scriptMs)),
  };
}
