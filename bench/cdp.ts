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
