import { describe, expect, it } from 'vitest';
import {
  blankEscalation,
  escalationFromRecord,
  validateEscalation,
  type Escalation,
} from '../../lib/escalation';
import type { SerializedRecord } from '../../lib/messaging/protocol';
import { defaultRulePack as pack } from '../../lib/rules/default';

const NOW = Date.parse('2026-11-04T10:00:00Z');
const MESSAGE = 'Account "Sales Income"   is not mapped\n  to a QuickBooks account.  ';

const record = (overrides: Partial<SerializedRecord> = {}): SerializedRecord => ({
  recordNumber: ' INV-20417 ',
  recordType: 'invoice',
  connector: 'QuickBooks Online',
  syncRun: 'SR-2026-11-0425',
  status: 'failed',
  message: MESSAGE,
  messageType: 'mapping-missing',
  retryCount: 1,
  timestamp: '04 Nov 2026 10:42',
  customer: 'Acme Ltd',
  vendor: null,
  amount: 'KES 12,500.00',
  module: null,
  branch: 'Nairobi CBD',
  warehouse: '',
  user: 'jane.doe',
  ...overrides,
});

const extras = {
  ourRetries: 0,
  checksTicked: ['read-message', 'check-mappings', 'read-message'],
  trigger: 'retry-limit-exceeded',
  pageUrl: 'https://acme.awraops.com/sync-hub',
  now: NOW,
  browser: 'Chrome 131 on Windows',
  module: 'Sales',
};

function valid(overrides: Record<string, unknown> = {}): Escalation {
  const result = validateEscalation(
    { ...escalationFromRecord(record(), extras), expectedResult: 'Invoice in QBO', ...overrides },
    pack,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe('validateEscalation', () => {
  it('names each missing required field in plain words', () => {
    const result = validateEscalation(blankEscalation({ now: NOW, browser: 'x', pageUrl: '' }));
    expect(result).toEqual({
      ok: false,
      problems: {
        recordNumber: 'Enter the record number as AWRA shows it, e.g. INV-20417.',
        message: 'Paste the exact message from the sync screen.',
        expectedResult: 'Say what you expected to happen.',
      },
    });
  });

  it('treats blank and whitespace-only text as missing', () => {
    const result = validateEscalation({ ...valid(), recordNumber: '   ', message: ' \n\t ' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.problems).sort()).toEqual(['message', 'recordNumber']);
  });

  it('says when a field is too long', () => {
    const result = validateEscalation({
      ...valid(),
      recordNumber: 'X'.repeat(201),
      message: 'm'.repeat(10_001),
      expectedResult: 'e'.repeat(2001),
      whatChanged: 'w'.repeat(2001),
    });
    if (result.ok) throw new Error('expected problems');
    expect(result.problems.recordNumber).toMatch(/too long: 200 characters/);
    expect(result.problems.message).toMatch(/longer than 10,000 characters/);
    expect(result.problems.expectedResult).toMatch(/under 2,000 characters/);
    expect(result.problems.whatChanged).toMatch(/under 2,000 characters/);
  });

  it('rejects a bad retry count, block or trigger next to its field', () => {
    const result = validateEscalation(
      { ...valid(), retryCount: -1, blocks: ['payroll'], trigger: 'made-up' },
      pack,
    );
    if (result.ok) throw new Error('expected problems');
    expect(result.problems.retryCount).toMatch(/whole number/);
    expect(result.problems.blocks).toMatch(/financial close, billing or delivery/);
    expect(result.problems.trigger).toMatch(/reason to escalate/);
  });

  it('keeps the message verbatim and trims the record number', () => {
    const esc = valid();
    expect(esc.message).toBe(MESSAGE);
    expect(esc.recordNumber).toBe('INV-20417');
  });

  it('accepts a form string retry count and normalises blocks and checks', () => {
    const esc = valid({ retryCount: ' 3 ', blocks: ['billing', 'financial-close', 'billing'] });
    expect(esc.retryCount).toBe(3);
    expect(esc.blocks).toEqual(['financial-close', 'billing']);
    expect(esc.checksTicked).toEqual(['read-message', 'check-mappings']);
  });
});

describe('escalationFromRecord', () => {
  it('fills every page field and leaves the user fields open', () => {
    const draft = escalationFromRecord(record(), extras);
    expect(draft).toMatchObject({
      connector: 'QuickBooks Online',
      recordNumber: 'INV-20417',
      syncRun: 'SR-2026-11-0425',
      status: 'failed',
      message: MESSAGE,
      module: 'Sales',
      failedAt: '04 Nov 2026 10:42',
      warehouse: null,
      browser: 'Chrome 131 on Windows',
      expectedResult: '',
      trigger: 'retry-limit-exceeded',
      createdAt: NOW,
      pageUrl: 'https://acme.awraops.com/sync-hub',
    });
  });

  it('takes the larger of AWRA retry count and ours', () => {
    expect(
      escalationFromRecord(record({ retryCount: 1 }), { ...extras, ourRetries: 3 }).retryCount,
    ).toBe(3);
    expect(
      escalationFromRecord(record({ retryCount: 4 }), { ...extras, ourRetries: 2 }).retryCount,
    ).toBe(4);
    expect(
      escalationFromRecord(record({ retryCount: null }), { ...extras, ourRetries: 0 }).retryCount,
    ).toBe(0);
  });

  it('prefers the record module over the page module', () => {
    expect(escalationFromRecord(record({ module: 'Finance' }), extras).module).toBe('Finance');
  });
});
