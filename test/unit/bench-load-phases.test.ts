import { describe, expect, it } from 'vitest';
import { loadPhases } from '../../bench/load-phases';
import { traceScript, traceTask } from '../helpers/trace-events';

const ORIGIN = 'chrome-extension://abc/';
const task = (ts: number, dur: number, tid = 1) => traceTask(ts, dur, { tid });
const dcl = (ts: number, isMainFrame = true) => ({
  name: 'MarkDOMContent',
  ph: 'I',
  pid: 1,
  tid: 1,
  ts,
  args: { data: { isMainFrame } },
});
const script = traceScript;

// Budget 2 on the long list is judged on the task time after the split: what lands on which side
// decides whether the budget is met.
describe("the benchmark's split of a load at DOMContentLoaded", () => {
  it('sums the outermost tasks of the main thread on each side of the mark, in wall time', () => {
    const events = [
      dcl(9_000, false), // an iframe's: not the page's
      task(0, 8000),
      task(1000, 2000), // nested in the task above
      dcl(10_000),
      task(10_000, 3000),
      script(10_100, 'http://127.0.0.1/app.js'),
      task(20_000, 5000, 2), // another thread
      task(30_000, 4000),
    ];
    expect(loadPhases(events, ORIGIN)).toEqual({ beforeMs: 8, afterMs: 7 });
  });

  it('moves the split back to the first task that ran one of our scripts', () => {
    const events = [task(0, 8000), task(8000, 1000), script(8100, `${ORIGIN}gate.js`), dcl(10_000)];
    expect(loadPhases(events, ORIGIN)).toEqual({ beforeMs: 8, afterMs: 1 });
  });

  it('has no split without the mark', () => {
    expect(loadPhases([task(0, 8000)], ORIGIN)).toBeNull();
  });
});
