import { describe, expect, it } from 'vitest';
import {
  appendNote,
  DAY_MS,
  findRecentDuplicate,
  findSensitiveInEscalation,
  isExpired,
  pruneOld,
  redactEscalation,
  validateEscalation,
  type Escalation,
} from '../../lib/escalation';
import { formatEscalation } from '../../lib/escalation/format';
import { defaultRulePack as pack } from '../../lib/rules/default';

const NOW = Date.parse('2026-11-04T10:00:00Z');
const MESSAGE = 'Account "Sales Income"   is not mapped\n  to a QuickBooks account.  ';

function valid(overrides: Record<string, unknown> = {}): Escalation {
  const input = { recordNumber: 'INV-20417', message: MESSAGE, expectedResult: 'In QBO' };
  const result = validateEscalation({ ...input, createdAt: NOW, ...overrides }, pack);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe('duplicate guard', () => {
  const base = valid();
  const list = [
    { ...base, id: 1, createdAt: NOW - 23 * 3600_000 },
    { ...base, id: 2, createdAt: NOW - 2 * 3600_000, message: MESSAGE.replace(/\s+/g, ' ') },
    { ...base, id: 3, createdAt: NOW - 3600_000, recordNumber: 'INV-20418' },
    { ...base, id: 4, createdAt: NOW - 1000, message: 'Another message' },
  ];

  it('finds the most recent escalation of the same record and message', () => {
    const found = findRecentDuplicate(list, {
      recordNumber: 'inv-20417 ',
      message: MESSAGE,
      now: NOW,
    });
    expect(found?.id).toBe(2);
  });

  it('ignores escalations older than the window', () => {
    const later = NOW + 21 * 3600_000;
    expect(
      findRecentDuplicate(list, { recordNumber: 'INV-20417', message: MESSAGE, now: later })?.id,
    ).toBe(2);
    expect(
      findRecentDuplicate(list, { recordNumber: 'INV-20417', message: MESSAGE, now: NOW + DAY_MS }),
    ).toBeNull();
    expect(
      findRecentDuplicate(list, { recordNumber: 'INV-20417', message: MESSAGE, now: NOW }, 1000),
    ).toBeNull();
  });

  it('appends a note without touching the rest', () => {
    const updated = appendNote(base, '  Retried again after the mapping fix.  ', NOW + 5);
    expect(updated.notes).toEqual([{ at: NOW + 5, text: 'Retried again after the mapping fix.' }]);
    expect(base.notes).toEqual([]);
    expect(appendNote(base, '   ', NOW)).toBe(base);
  });
});

describe('retention', () => {
  it('prunes entries older than the retention period', () => {
    const list = [0, 89, 90, 91].map((days) => ({ id: days, createdAt: NOW - days * DAY_MS }));
    expect(pruneOld(list, NOW).map((e) => e.id)).toEqual([0, 89, 90]);
    expect(pruneOld(list, NOW, 30).map((e) => e.id)).toEqual([0]);
    expect(pruneOld(list, NOW, 0).map((e) => e.id)).toEqual([0, 89, 90]);
    expect(isExpired(NOW - 91 * DAY_MS, NOW)).toBe(true);
  });
});

describe('redactEscalation', () => {
  const esc = valid({
    message: 'Customer j.doe@example.com, phone +254 712 345 418, for INV-20417 on 2026-11-04.',
    user: 'mary@acme.co.ke',
  });

  it('masks every sensitive span by default and unmasks by key', () => {
    const spans = findSensitiveInEscalation(esc);
    expect(spans.map((s) => s.key)).toEqual(['message:9', 'message:34', 'user:0']);
    const redacted = redactEscalation(esc, new Set(['message:34']));
    expect(redacted.message).toBe(
      'Customer j***@example.com, phone +254 712 345 418, for INV-20417 on 2026-11-04.',
    );
    expect(redacted.user).toBe('m***@acme.co.ke');
    expect(esc.user).toBe('mary@acme.co.ke');
    expect(redacted.recordNumber).toBe('INV-20417');
  });
});

describe('formatEscalation (overlay)', () => {
  it('still fills the pack template from record values', () => {
    const text = formatEscalation(
      {
        connector: 'QuickBooks Online',
        recordNumber: 'INV-20417',
        syncRun: null,
        status: 'failed',
        message: MESSAGE,
        retryCount: 1,
      },
      pack,
    );
    expect(text.split('\n').slice(0, 3)).toEqual([
      'Connector: QuickBooks Online',
      'Record number: INV-20417',
      'Sync run: (not shown)',
    ]);
    expect(text).toContain('Expected result: (to fill in)');
  });
});
