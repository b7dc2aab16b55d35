/**
 * (2) The extension's main-thread time on page load: the same page loaded in a Chromium without
 * the extension and in one with it, alternately, each in a fresh tab.
 *
 * The figure judged is the main thread's task time from DOMContentLoaded on (bench/load-phases.ts),
 * with minus without, as medians of traced loads, against the whole load without the extension.
 * Everything the extension adds falls in that window (its scripts, the layout, paint and garbage
 * collection they cause); the page's own parsing and first layout before it vary by ±500 ms
 * between loads of the 5,000-row Sync Hub, more than the budget, and would swamp the difference.
 * CDP's TaskDuration over the whole load is kept next to it for reference.
 *
 * From separate profiled loads: the time a CPU profile samples in the extension's own scripts
 * (a profiler slows the code it samples; the profiled loads' own TaskDuration shows by how much).
 */
import type { Browser } from 'puppeteer-core';
import { mainThread, metricsSession, profileExtension, since, type MainThread } from './cdp';
import { loadPhases, PHASE_CATEGORIES, type LoadPhases, type TraceEvent } from './load-phases';
import { median, round, shimEsbuildNames, sleep } from './stats';

export interface LoadFigure {
  page: string;
  runs: number;
  /** Whole load: CDP TaskDuration, medians (reference). */
  withoutMs: number;
  withMs: number;
  /** From DOMContentLoaded on: the main thread's task time, medians of the traced loads. */
  afterDcl: { withoutMs: number; withMs: number };
  /** afterDcl with − without. */
  addedMs: number;
  /** addedMs against the whole load without the extension (withoutMs). */
  addedPercent: number;
  /** Whole load, with − without (reference). */
  wholeAddedMs: number;
  /** Script time added (ScriptDuration), for reference. */
  addedScriptMs: number;
  /** Main-thread time sampled in the extension's own scripts during the load (CPU profile). */
  extensionMs: number;
  /** TaskDuration of the profiled loads: what the profiler itself adds shows against withMs. */
  profiledMs: number;
  /** Each load's figure, in load order: how far one load is from the next on this machine. */
  loads: {
    withoutMs: number[];
    withMs: number[];
    afterDclWithoutMs: number[];
    afterDclWithMs: number[];
    extensionMs: number[];
  };
}

interface LoadRun extends MainThread, LoadPhases {
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
    if (profile) {
      const { extensionMs } = await profileExtension(cdp, extensionOrigin, load);
      return { ...since(before, await mainThread(cdp)), extensionMs, beforeMs: 0, afterMs: 0 };
    }
    await page.tracing.start({ categories: PHASE_CATEGORIES });
    await load();
    const trace = await page.tracing.stop();
    const metrics = since(before, await mainThread(cdp));
    const { traceEvents } = JSON.parse(Buffer.from(trace ?? []).toString('utf8')) as {
      traceEvents: TraceEvent[];
    };
    const phases = loadPhases(traceEvents, extensionOrigin);
    if (!phases) throw new Error(`no DOMContentLoaded in the trace of ${url}`);
    return { ...metrics, ...phases, extensionMs: 0 };
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
  const afterDcl = {
    withoutMs: median(without.map((m) => m.afterMs)),
    withMs: median(withExt.map((m) => m.afterMs)),
  };
  const addedMs = afterDcl.withMs - afterDcl.withoutMs;
  return {
    page: label,
    runs,
    withoutMs,
    withMs,
    afterDcl,
    addedMs,
    addedPercent: (addedMs / withoutMs) * 100,
    wholeAddedMs: withMs - withoutMs,
    addedScriptMs: median(withExt.map((m) => m.scriptMs)) - median(without.map((m) => m.scriptMs)),
    extensionMs: median(profiled.map((m) => m.extensionMs)),
    profiledMs: median(profiled.map((m) => m.taskMs)),
    loads: {
      withoutMs: without.map((m) => round(m.taskMs, 1)),
      withMs: withExt.map((m) => round(m.taskMs, 1)),
      afterDclWithoutMs: without.map((m) => round(m.afterMs, 1)),
      afterDclWithMs: withExt.map((m) => round(m.afterMs, 1)),
      extensionMs: profiled.map((m) => round(m.extensionMs)),
    },
  };
}
