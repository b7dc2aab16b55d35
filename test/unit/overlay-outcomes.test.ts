import { describe, expect, it } from 'vitest';
import { emptyRecord, type SyncRecord } from '../../lib/analyze/types';
import { defaultRulePack } from '../../lib/rules/default';
import { settledOutcomes } from '../../lib/overlay/outcomes';
import { refKey, refOfKey } from '../../lib/overlay/targets';

const KEY = refKey({ connector: 'QuickBooks Online', recordNumber: 'INV-1' });
const before = { status: 'failed', retryCount: 1, message: 'No mapping' };
const attempt = (extra: Partial<SyncRecord>): SyncRecord => ({
  ...emptyRecord(),
  recordNumber: 'INV-1',
  connector: 'QuickBooks Online',
  ...extra,
});
const analysis = (...records: SyncRecord[]) => ({ page: 'sync-log' as const, records });

describe('the outcome of a retry the overlay let through', () => {
  it('is the latest attempt once it differs from what the click saw', () => {
    const watched = new Map([[KEY, before]]);
    const page = analysis(
      attempt({ status: 'failed', retryCount: 1, message: 'No mapping' }),
      attempt({ status: 'succeeded', retryCount: 2, message: null }),
    );
    expect(settledOutcomes(watched, page, defaultRulePack)).toEqual([
      { key: KEY, outcome: 'succeeded' },
    ]);
  });

  it('is not yet known while the page shows the same attempt, or one still retrying', () => {
    const watched = new Map([[KEY, before]]);
    expect(
      settledOutcomes(watched, analysis(attempt({ ...before, status: 'failed' })), defaultRulePack),
    ).toEqual([]);
    expect(
      settledOutcomes(
        watched,
        analysis(attempt({ status: 'retrying', retryCount: 2 })),
        defaultRulePack,
      ),
    ).toEqual([]);
  });

  it('a failure again with one more retry is an outcome; other records are ignored', () => {
    const watched = new Map([[KEY, before]]);
    const page = analysis(
      attempt({ recordNumber: 'INV-2', status: 'succeeded', retryCount: 5 }),
      attempt({ status: 'failed', retryCount: 2, message: 'No mapping' }),
    );
    expect(settledOutcomes(watched, page, defaultRulePack)).toEqual([
      { key: KEY, outcome: 'failed' },
    ]);
  });

  it('keeps records apart whatever their names hold ("A|B" + "C" is not "A" + "B|C")', () => {
    const one = { connector: 'A|B', recordNumber: 'C' };
    const other = { connector: 'A', recordNumber: 'B|C' };
    expect(refKey(one)).not.toBe(refKey(other));
    expect(refOfKey(refKey(one))).toEqual(one);
    const watched = new Map([[refKey(one), before]]);
    const page = analysis(
      attempt({ ...other, status: 'succeeded', retryCount: 2 }),
      attempt({ ...one, status: 'succeeded', retryCount: 2 }),
    );
    expect(settledOutcomes(watched, page, defaultRulePack)).toEqual([
      { key: refKey(one), outcome: 'succeeded' },
    ]);
  });
});
