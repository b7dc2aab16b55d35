/** Main-thread and heap figures from the DevTools protocol (Performance / HeapProfiler domains). */
import type { CDPSession, Page } from 'puppeteer-core';

export interface MainThread {
  /** Milliseconds of main-thread tasks (TaskDuration). */
  taskMs: number;
  /** Milliseconds of script execution (ScriptDuration), extension scripts included. */
  scriptMs: number;
}

export async function metricsSession(page: Page): Promise<CDPSession> {
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  return cdp;
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

export async function mainThread(cdp: CDPSession): Promise<MainThread> {
  const m = await metrics(cdp);
  return { taskMs: (m.TaskDuration ?? 0) * 1000, scriptMs: (m.ScriptDuration ?? 0) * 1000 };
}

export const since = (before: MainThread, after: MainThread): MainThread => ({
  taskMs: after.taskMs - before.taskMs,
  scriptMs: after.scriptMs - before.scriptMs,
});

/** Used JS heap after a full garbage collection, in bytes. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await metrics(cdp)).JSHeapUsedSize ?? 0;
}

export interface Attribution {
  /** Sampled time in our extension's scripts (and what they call), in ms. */
  extensionMs: number;
  /** Sampled time the main thread was not idle, in ms. */
  busyMs: number;
  /** Length of the profile, in ms. */
  totalMs: number;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

/**
 * Profiles the page's main thread while `during` runs and attributes each sample to our
 * extension when any frame of its stack is one of our scripts (chrome-extension://ID/...).
 */
export async function profileExtension(
  cdp: CDPSession,
  extensionOrigin: string,
  during: () => Promise<void>,
): Promise<Attribution> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await during();
  const { profile } = await cdp.send('Profiler.stop');
  const nodes = new Map<number, ProfileNode>(profile.nodes.map((n) => [n.id, n as ProfileNode]));
  const parent = new Map<number, number>();
  for (const node of nodes.values())
    for (const child of node.children ?? []) parent.set(child, node.id);
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const node = nodes.get(id)!;
    const up = parent.get(id);
    const value =
      node.callFrame.url.startsWith(extensionOrigin) || (up !== undefined && isOurs(up));
    ours.set(id, value);
    return value;
  };
  let extensionMs = 0;
  let busyMs = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    // A sample's time runs until the next sample.
    const ms = (deltas[i + 1] ?? 0) / 1000;
    const node = nodes.get(samples[i]!)!;
    if (node.callFrame.functionName === '(idle)') continue;
    busyMs += ms;
    if (isOurs(node.id)) extensionMs += ms;
  }
  return { extensionMs, busyMs, totalMs: (profile.endTime - profile.startTime) / 1000 };
}
