/**
 * A page load's main-thread task time split at DOMContentLoaded, from a trace. Before it the page
 * parses and lays out its HTML, which no script of ours can touch (the content script runs at
 * document_idle) and which varies by ±500 ms between loads of the 5,000-row Sync Hub; after it
 * comes everything the extension adds. Summed as CDP's TaskDuration sums: the wall time of each
 * outermost task of the page's renderer main thread.
 */

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: Record<string, unknown>;
}

export interface LoadPhases {
  /** Task time before the split, in ms. */
  beforeMs: number;
  /** Task time from the split on, in ms. */
  afterMs: number;
}

/** Categories that hold the tasks, the DOMContentLoaded mark and the scripts' URLs. */
export const PHASE_CATEGORIES = ['toplevel', 'devtools.timeline', 'loading'];

/**
 * Splits the main thread's tasks at the page's DOMContentLoaded, or earlier at the first task in
 * which a script of `extensionOrigin` ran (none should: a guard, so nothing of ours is ever left
 * out). Null when the trace has no DOMContentLoaded mark.
 */
export function loadPhases(events: TraceEvent[], extensionOrigin: string): LoadPhases | null {
  const dcl = events.find(
    (e) =>
      e.name === 'MarkDOMContent' &&
      (e.args?.data as { isMainFrame?: boolean } | undefined)?.isMainFrame !== false,
  );
  if (!dcl) return null;
  const onMain = events
    .filter((e) => e.ph === 'X' && e.pid === dcl.pid && e.tid === dcl.tid)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // Outermost events only: a nested run loop's tasks are inside the task that spun it.
  const tasks: TraceEvent[] = [];
  let end = -Infinity;
  for (const event of onMain) {
    if (event.ts < end) continue;
    tasks.push(event);
    end = event.ts + (event.dur ?? 0);
  }
  let split = dcl.ts;
  const ours = onMain.find((e) => JSON.stringify(e.args ?? {}).includes(extensionOrigin));
  if (ours) {
    const task = tasks.findLast((t) => t.ts <= ours.ts);
    split = Math.min(split, task?.ts ?? ours.ts);
  }
  let beforeMs = 0;
  let afterMs = 0;
  for (const task of tasks) {
    const ms = (task.dur ?? 0) / 1000;
    if (task.ts < split) beforeMs += ms;
    else afterMs += ms;
  }
  return { beforeMs, afterMs };
}
