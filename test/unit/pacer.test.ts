// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPacer } from '../../lib/overlay/pacer';

// Frames and timers are faked: the test counts runs, it does not time them.
describe('the overlay pacer', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
  });
  afterEach(() => vi.useRealTimers());

  it('re-reads a cheap page on the next frame after each change', () => {
    const clock = 0;
    const task = vi.fn();
    const pacer = createPacer(task, { now: () => clock });
    pacer.runNow();
    pacer.schedule();
    vi.advanceTimersToNextFrame();
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('keeps an expensive re-read to its share however often the page changes', () => {
    let clock = 0;
    // Each read takes 50 ms of the 2.5% share: the next may start 2 s later at the earliest.
    const task = vi.fn(() => (clock += 50));
    const pacer = createPacer(task, { now: () => clock, share: 1 / 40, maxWaitMs: 2000 });
    pacer.runNow();
    for (let i = 0; i < 50; i++) {
      pacer.schedule();
      clock += 20;
      vi.advanceTimersByTime(20);
    }
    // One second of changes every 20 ms: no second read yet, one pending.
    expect(task).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1100);
    vi.advanceTimersToNextFrame();
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('runs nothing after cancel', () => {
    const task = vi.fn();
    const pacer = createPacer(task);
    pacer.schedule();
    pacer.cancel();
    vi.advanceTimersByTime(5000);
    expect(task).not.toHaveBeenCalled();
  });
});
