export interface PacerOptions {
  /** Most of the main thread the task may take over time (1/40: 2.5%). */
  share?: number;
  /** Never wait longer than this after a change (ms); asked at each change. */
  maxWaitMs?: number | (() => number);
  now?: () => number;
}

/**
 * Runs a task on the next frame after changes, at a pace that keeps it to a small share of the
 * main thread: after a run that took t ms, the next waits about t / share ms. A long live list
 * that changes fifty times a second is then re-read every second or two, a short page at once.
 */
export function createPacer(task: () => void, options: PacerOptions = {}) {
  const share = options.share ?? 1 / 40;
  const maxWait = () =>
    typeof options.maxWaitMs === 'function' ? options.maxWaitMs() : (options.maxWaitMs ?? 2000);
  const now = options.now ?? (() => performance.now());
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | 0 = 0;
  let cost = 0;
  let ended = -Infinity;

  const runNow = () => {
    frame = 0;
    const start = now();
    task();
    ended = now();
    cost = ended - start;
  };

  return {
    runNow,
    schedule() {
      if (frame || timer) return;
      const wait = Math.min(maxWait(), cost / share) - (now() - ended);
      if (wait <= 0) {
        frame = requestAnimationFrame(runNow);
        return;
      }
      timer = setTimeout(() => {
        timer = 0;
        frame = requestAnimationFrame(runNow);
      }, wait);
    },
    cancel() {
      if (frame) cancelAnimationFrame(frame);
      if (timer) clearTimeout(timer);
      frame = 0;
      timer = 0;
    },
  };
}
