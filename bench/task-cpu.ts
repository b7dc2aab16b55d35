/**
 * (2), the dashboard: the main thread's CPU time in the tasks that run the extension's scripts,
 * from a trace of each load. A task counts whole (the isolated world's set-up, compiling and
 * running the content script, garbage collection inside it) when any event in it names one of
 * our scripts. Thread time, not wall time: on a 2-core machine the renderer is often descheduled
 * mid-task, which a CPU profile's samples (and a task's wall duration) count as the script's.
 */
import type { Browser } from 'puppeteer-core';
import type { TraceEvent } from './load-phases';
import { median, round, sleep } from './stats';

const TASK = 'ThreadControllerImpl::RunTask';

/** CPU milliseconds of the renderer main-thread tasks in which our scripts ran. */
export function extensionTaskCpuMs(events: TraceEvent[], extensionOrigin: string): number {
  const mainThreads = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = events.filter((e) => e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`));
  const tasks = onMain.filter((e) => e.name === TASK);
  const counted = new Set<TraceEvent>();
  for (const event of onMain) {
    if (event.name === TASK || !JSON.stringify(event.args ?? {}).includes(extensionOrigin))
      continue;
    // The outermost task around the event (a nested run loop runs tasks inside tasks).
    const task = tasks
      .filter(
        (t) =>
          t.pid === event.pid &&
          t.tid === event.tid &&
          t.ts <= event.ts &&
          t.ts + (t.dur ?? 0) >= event.ts + (event.dur ?? 0),
      )
      .sort((a, b) => a.ts - b.ts)[0];
    if (task) counted.add(task);
  }
  let cpuMs = 0;
  for (const task of counted) cpuMs += (task.tdur ?? 0) / 1000;
  return cpuMs;
}

export interface TaskCpuFigure {
  runs: number;
  /** Median CPU time of the tasks that ran our scripts, per load. */
  cpuMs: number;
  loads: number[];
}

export async function benchTaskCpu(
  browser: Browser,
  url: string,
  runs: number,
  settleMs: number,
  extensionOrigin: string,
): Promise<TaskCpuFigure> {
  const loads: number[] = [];
  // One warm-up load (HTTP, code caches), as the other page-load figures.
  for (let i = 0; i <= runs; i++) {
    const page = await browser.newPage();
    try {
      await page.setViewport({ width: 1366, height: 900 });
      await page.goto(new URL('/api/health', url).href);
      await page.tracing.start({ categories: ['toplevel', 'devtools.timeline', 'v8.execute'] });
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      await sleep(settleMs);
      const trace = await page.tracing.stop();
      const { traceEvents } = JSON.parse(Buffer.from(trace ?? []).toString('utf8')) as {
        traceEvents: TraceEvent[];
      };
      if (i > 0) loads.push(extensionTaskCpuMs(traceEvents, extensionOrigin));
    } finally {
      await page.close();
    }
  }
  return { runs, cpuMs: median(loads), loads: loads.map((v) => round(v)) };
}
