// @vitest-environment happy-dom
// When the overlay reads a long list's skimmed rows in full: near the viewport once scrolling
// pauses, at once when one of their controls is clicked, and all of them while the summary's
// breakdown is open.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyRecord, type SyncRecord } from '../../lib/analyze/types';
import { ListReading, READ_NEAR_AFTER_MS } from '../../lib/overlay/list-reading';
import { UNGUIDED_STATUSES } from '../../lib/overlay/targets';

function rows(count: number): { anchors: HTMLElement[]; records: SyncRecord[] } {
  const anchors = Array.from({ length: count }, () => {
    const row = document.createElement('tr');
    row.innerHTML = '<td><button>Retry</button></td>';
    return row;
  });
  const records = anchors.map((anchor, i) => ({
    ...emptyRecord(),
    status: 'failed' as const,
    anchor,
    ...(i > 0 ? { skimmed: true as const } : {}),
  }));
  return { anchors, records };
}

describe('ListReading', () => {
  let reads = 0;
  let reading: ListReading;
  beforeEach(() => {
    vi.useFakeTimers();
    reads = 0;
    reading = new ListReading(50, () => reads++);
  });
  afterEach(() => vi.useRealTimers());

  const keeps = (row: Element) => reading.options(false).skim?.keep.has(row) ?? false;

  it('skims beyond the first rows, and reads everything while a retry awaits its outcome', () => {
    expect(reading.options(false)).toMatchObject({
      brief: UNGUIDED_STATUSES,
      skim: { first: 50 },
    });
    expect(reading.options(false, false).skim).toBeUndefined();
    expect(reading.options(true)).toEqual({});
  });

  it('keeps the skimmed rows of the last reading only', () => {
    const { records } = rows(4);
    reading.took(records);
    expect(reading.skimmed).toHaveLength(3);
    reading.took([]);
    expect(reading.skimmed).toEqual([]);
  });

  it('reads the rows that came near once, after scrolling pauses', () => {
    const { anchors, records } = rows(5);
    reading.took(records);
    reading.cameNear((row) => row === anchors[2]);
    vi.advanceTimersByTime(READ_NEAR_AFTER_MS - 10);
    reading.cameNear((row) => row === anchors[2] || row === anchors[3]);
    vi.advanceTimersByTime(READ_NEAR_AFTER_MS - 10);
    expect(reads).toBe(0);
    vi.advanceTimersByTime(20);
    expect(reads).toBe(1);
    expect([1, 2, 3, 4].map((i) => keeps(anchors[i]!))).toEqual([false, true, true, false]);
    // Nothing skimmed came near: nothing to read.
    reading.cameNear(() => false);
    vi.advanceTimersByTime(READ_NEAR_AFTER_MS * 2);
    expect(reads).toBe(1);
  });

  it('reads a skimmed row at once when a control in it is clicked', () => {
    const { anchors, records } = rows(3);
    reading.took(records);
    expect(reading.readRowOf(anchors[2]!.querySelector('button')!)).toBe(true);
    expect(reads).toBe(1);
    expect(keeps(anchors[2]!)).toBe(true);
    // The first row was read in full already; a control elsewhere is not a row's.
    expect(reading.readRowOf(anchors[0]!.querySelector('button')!)).toBe(false);
    expect(reading.readRowOf(document.body)).toBe(false);
    expect(reads).toBe(1);
  });

  it('reads every row while the breakdown is open, once it opens', async () => {
    const { records } = rows(3);
    reading.took(records);
    reading.breakdown(true);
    expect(reads).toBe(0);
    await Promise.resolve();
    expect(reads).toBe(1);
    expect(reading.options(false).skim).toBeUndefined();
    reading.breakdown(false);
    expect(reading.options(false).skim).toBeDefined();
    await Promise.resolve();
    expect(reads).toBe(1);
  });

  it('reads nothing after it stopped', () => {
    const { anchors, records } = rows(3);
    reading.took(records);
    reading.cameNear((row) => row === anchors[1]);
    reading.stop();
    vi.advanceTimersByTime(READ_NEAR_AFTER_MS * 2);
    expect(reads).toBe(0);
  });
});
