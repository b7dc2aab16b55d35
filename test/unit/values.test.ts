import { describe, expect, it } from 'vitest';
import { compilePack } from '../../lib/analyze/compile';
import { collapse, normalizeLabel } from '../../lib/analyze/text';
import {
  extractRecordNumber,
  normalizeStatus,
  parseRetryCount,
  recordTypeFromNumber,
  recordTypeFromWords,
} from '../../lib/analyze/values';
import { defaultRulePack } from '../../lib/rules/default';

const compiled = compilePack(defaultRulePack);

describe('status words normalise to the contract', () => {
  it.each([
    ['Failed', 'failed'],
    ['✕ Rejected by QuickBooks', 'failed'],
    ['Error', 'failed'],
    ['Waiting', 'pending'],
    ['Pending confirmation', 'pending'],
    ['Queued', 'queued'],
    ['Retried', 'retrying'],
    ['Needs retry', 'retrying'],
    ['Completed', 'succeeded'],
    ['Accepted', 'succeeded'],
    ['Synced', 'succeeded'],
    ['Not synced', 'failed'],
    ['Skipped', 'skipped'],
    ['Blocked', 'needs-attention'],
    ['Needs attention', 'needs-attention'],
    ['Cancelled', 'cancelled'],
    ['Canceled', 'cancelled'],
    ['Retry failed', 'failed'],
    ['Not sent', 'failed'],
    ['Not exported', 'failed'],
    ['Not completed', 'failed'],
    ['Not posted to QuickBooks', 'failed'],
    ['Not confirmed', 'pending'],
    ['Pending retry', 'retrying'],
  ])('%s -> %s', (text, status) => {
    expect(normalizeStatus(text, compiled)).toBe(status);
  });

  it('gives null for words that are not sync statuses', () => {
    expect(normalizeStatus('Paid', compiled)).toBeNull();
    expect(normalizeStatus('Overdue', compiled)).toBeNull();
    expect(normalizeStatus(null, compiled)).toBeNull();
  });
});

describe('retry counts', () => {
  it.each([
    ['2', 2],
    ['3 retries', 3],
    ['Attempt 3 of 5', 3],
    ['None', 0],
    ['—', null],
    ['n/a x', null],
  ])('%s -> %s', (text, count) => {
    expect(parseRetryCount(text)).toBe(count);
  });
});

describe('record numbers and types', () => {
  it('keeps a single token as shown and finds the identifier in longer text', () => {
    expect(extractRecordNumber('INV-20417')).toBe('INV-20417');
    expect(extractRecordNumber('Invoice INV-20417 (KES 12,000)')).toBe('INV-20417');
    expect(extractRecordNumber('#PAY-8812')).toBe('PAY-8812');
    expect(extractRecordNumber('Webhook delivery DLV-0091 · invoice.created')).toBe('DLV-0091');
  });

  it('derives the canonical type from words and prefixes', () => {
    expect(recordTypeFromWords('Sales invoice', compiled)).toBe('invoice');
    expect(recordTypeFromWords('Webhook delivery', compiled)).toBe('webhook');
    expect(recordTypeFromWords('SMS', compiled)).toBe('notification');
    expect(recordTypeFromWords('Purchase order', compiled)).toBe('purchase order');
    expect(recordTypeFromNumber('INV-20417', compiled)).toBe('invoice');
    expect(recordTypeFromNumber('PAY-8812', compiled)).toBe('payment');
    expect(recordTypeFromNumber('BILL-3021', compiled)).toBe('bill');
    expect(recordTypeFromNumber('XYZ-1', compiled)).toBeNull();
  });
});

describe('labels', () => {
  it('normalises decoration away', () => {
    expect(normalizeLabel('  Record #: ')).toBe('record #');
    expect(normalizeLabel('Retry count*')).toBe('retry count');
    expect(collapse(' a \n\t b\u00a0c ')).toBe('a b c');
  });

  it.each([
    ['Record', 'recordNumber'],
    ['Invoice number', 'recordNumber'],
    ['Customer number', 'recordNumber'],
    ['Delivery', 'recordNumber'],
    ['ID', 'recordNumber'],
    ['Provider message', 'message'],
    ['Reason', 'message'],
    ['QuickBooks error', 'message'],
    ['Outcome', 'status'],
    ['QuickBooks status', 'status'],
    ['Attempts', 'retryCount'],
    ['Retry count', 'retryCount'],
    ['Last attempt', 'timestamp'],
    ['Sent at', 'timestamp'],
    ['Failed on', 'timestamp'],
    ['Sync run', 'syncRun'],
    ['Run ID', 'syncRun'],
    ['Integration', 'connector'],
    ['Customer', 'customer'],
    ['Supplier', 'vendor'],
    ['Amount (KES)', 'amount'],
    ['Branch', 'branch'],
    ['Warehouse', 'warehouse'],
    ['Triggered by', 'user'],
  ])('%s names %s', (label, field) => {
    expect(compiled.resolveLabel(label)?.field).toBe(field);
  });

  it('does not read arbitrary words as labels', () => {
    expect(compiled.resolveLabel('Failed')).toBeNull();
    expect(compiled.resolveLabel('QuickBooks Online')).toBeNull();
    expect(compiled.resolveLabel('You must select a customer for this transaction')).toBeNull();
  });
});
