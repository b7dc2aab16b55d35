/**
 * (2) The extension's main-thread time on page load: the same page loaded in a Chromium without
 * the extension and in one with it, alternately, each in a fresh tab; TaskDuration over the load
 * and the time the extension needs after it (layout and paint it causes included), as the
 * difference of the medians, from loads without a profiler. Next to it, from separate profiled
 * loads, the time a CPU profile samples in the extension's own scripts: on a shared machine the
 * difference of two noisy totals can hide a few milliseconds either way, and a profiler slows
 * the code it samples (the profiled loads' own TaskDuration shows by how much), so each figure
 * comes from loads it did not disturb.
 */
import type { Browser } from 'puppeteer-core';
import { mainThread, metricsSession, profileExtension, since, type MainThread } from './cdp';
import { median, round, shimEsbuildNames, sleep } from './stats';

export interface LoadFigure {
  page: string;
  runs: number;
  withoutMs: number;
  withMs: number;
  addedMs: number;
  addedPercent: number;
  /** Script time added (ScriptDuration), for reference. */
  addedScriptMs: number;
  /** Main-thread time sampled in the extension's own scripts during the load (CPU profile). */
  extensionMs: number;
  /** TaskDuration of the profiled loads: what the profiler itself adds shows against withMs. */
  profiledMs: number;
  /** Each load's figure, in load order: how far one load is from the next on this machine. */
  loads: { withoutMs: number[]; withMs: number[]; extensionMs: number[] };
}

interface LoadRun extends MainThread {
  extensionMs: number;
}

async function loadOnce(
  browser: Browser,
  url: string,
  settleMs: number,
  extensionOrigin: string,
  profile: boolean,
): Promise<LoadRun> {
  const page = await browser.newPage();
  try {
    await page.setViewport({ width: 1366, height: 900 });
    await shimEsbuildNames(page);
    // Same origin first, so the measured load stays in one renderer with the metrics session.
    await page.goto(new URL('/api/health', url).href);
    const cdp = await metricsSession(page);
    const before = await mainThread(cdp);
    const load = async () => {
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      // The content script runs at document_idle; the overlay is injected and renders after it.
      await sleep(settleMs);
    };
    let extensionMs = 0;
    if (profile) ({ extensionMs } = await profileExtension(cdp, extensionOrigin, load));
    else await load();
    return { ...since(before, await mainThread(cdp)), extensionMs };
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
  extensionOrigin: string,
): Promise<LoadFigure> {
  const without: LoadRun[] = [];
  const withExt: LoadRun[] = [];
  const profiled: LoadRun[] = [];
  const once = (browser: Browser, profile = false) =>
    loadOnce(browser, url, settleMs, extensionOrigin, profile);
  // One warm-up load each (HTTP, code caches), then alternate so drift hits both alike.
  await once(browsers.without);
  await once(browsers.with);
  for (let i = 0; i < runs; i++) {
    without.push(await once(browsers.without));
    withExt.push(await once(browsers.with));
    profiled.push(await once(browsers.with, true));
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
    extensionMs: median(profiled.map((m) => m.extensionMs)),
    profiledMs: median(profiled.map((m) => m.taskMs)),
    loads: {
      withoutMs: without.map((m) => round(m.taskMs, 1)),
      withMs: withExt.map((m) => round(m.taskMs, 1)),
      extensionMs: profiled.map((m) => round(m.extensionMs)),
    },
  };
}
