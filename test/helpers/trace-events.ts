/** Trace events as Chromium writes them, for the benchmark's trace readers (bench/*.ts). */

/** A complete event ('X') on the page's main thread (pid 1), by default thread 1. */
export const traceTask = (
  ts: number,
  dur: number,
  options: { tdur?: number; tid?: number } = {},
) => ({
  name: 'ThreadControllerImpl::RunTask',
  ph: 'X',
  pid: 1,
  tid: options.tid ?? 1,
  ts,
  dur,
  ...(options.tdur === undefined ? {} : { tdur: options.tdur }),
});

/** A script evaluated at `ts` (10 µs long), naming its URL as Chromium's timeline does. */
export const traceScript = (ts: number, url: string, tid = 1) => ({
  name: 'EvaluateScript',
  ph: 'X',
  pid: 1,
  tid,
  ts,
  dur: 10,
  args: { data: { url } },
});
