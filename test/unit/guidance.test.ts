import { describe, expect, it } from 'vitest';
import { emptyRecord } from '../../lib/analyze/types';
import { escalationTriggers } from '../../lib/guidance/escalation';
import { guidanceFor } from '../../lib/guidance/guidance';
import { retryDecision } from '../../lib/guidance/retry';
import { resolveRole } from '../../lib/guidance/role';
import { summarize } from '../../lib/guidance/summary';
import type { GuidanceInput, RetryAttempt, SerializedRecord } from '../../lib/guidance/types';
import { defaultRulePack as pack } from '../../lib/rules/default';

const NOW = Date.parse('2026-11-04T10:00:00Z');
const MIN = 60_000;
const MAPPING_MESSAGE = 'Account "Sales Income" is not mapped to a QuickBooks account.';

function record(overrides: Partial<SerializedRecord> = {}): SerializedRecord {
  const { anchor: _anchor, ...plain } = emptyRecord();
  return {
    ...plain,
    recordNumber: 'INV-20417',
    recordType: 'invoice',
    connector: 'QuickBooks Online',
    status: 'failed',
    message: MAPPING_MESSAGE,
    messageType: 'mapping-missing',
    retryCount: 0,
    ...overrides,
  };
}

function attempt(message: string | null, overrides: Partial<RetryAttempt> = {}): RetryAttempt {
  return { at: NOW - 10 * MIN, message, outcome: 'failed', overridden: false, ...overrides };
}

function input(overrides: Partial<GuidanceInput> = {}): GuidanceInput {
  return {
    record: record(),
    pack,
    roleId: 'finance',
    history: { attempts: [] },
    connectorFailures: 1,
    now: NOW,
    ...overrides,
  };
}

const ids = (entries: { id: string }[]): string[] => entries.map((entry) => entry.id);
const role = (id: string) => resolveRole(pack, id);

describe('guidance phrased for the role', () => {
  it('tells a sales user to ask an authorized admin or finance user to update the mapping', () => {
    const view = guidanceFor(input({ roleId: 'sales' }));
    expect(view.youMayAct).toBe(false);
    expect(view.action).toMatch(/^Ask an authorized admin or finance user to update the mapping/);
  });

  it('tells an organization admin to fix the mapping in Settings > Integrations', () => {
    const view = guidanceFor(input({ roleId: 'org-admin' }));
    expect(view.youMayAct).toBe(true);
    expect(view.action).toMatch(/^Update the mapping in Settings > Integrations/);
    expect(view.label).toBe('Mapping missing');
    expect(view.guideUrl).toBe(pack.support.failedSyncGuide);
  });

  it('never tells a role that may not retry to do a wait-then-retry itself', () => {
    const temporary = record({ messageType: 'temporary-provider-issue' });
    const view = guidanceFor(input({ roleId: 'approver', record: temporary }));
    expect(view.youMayAct).toBe(false);
    expect(view.action).toMatch(/^Ask any user whose role shows the Retry action to wait/);
    const vendor = guidanceFor(
      input({ roleId: 'vendor', record: record({ messageType: 'not-ready' }) }),
    );
    expect(vendor.action).toMatch(/^Ask the record owner, or an approver for approvals, to finish/);
  });

  it('falls back to the default role for an unknown id and matches AWRA role names', () => {
    expect(role('no-such-role').id).toBe(pack.defaultRole);
    expect(role('Tenant Admin').id).toBe('org-admin');
    expect(guidanceFor(input({ roleId: 'nobody' })).youMayAct).toBe(true); // finance
  });
});

describe('unrecognised messages', () => {
  it('keeps the type unknown, with the generic first checks and a capture invitation', () => {
    const message = 'Something odd happened (ref 7f3a)';
    for (const roleId of ['sales', 'finance']) {
      const view = guidanceFor(
        input({ roleId, record: record({ message, messageType: 'unknown' }) }),
      );
      expect(view.type).toBe('unknown');
      expect(view.label).toBe('Unrecognised message');
      expect(ids(view.checks)).toEqual(pack.guidance.unknown.checks);
      expect(view.action).toMatch(/capture the case for support/);
      expect(view.action).not.toMatch(/^Ask /);
    }
  });

  it('treats a failed record with no message as unknown, never guessing from other fields', () => {
    const view = guidanceFor(
      input({ record: record({ message: null, messageType: null, recordType: 'payment' }) }),
    );
    expect(view.type).toBe('unknown');
  });
});

describe('checks and mistakes', () => {
  it('lists each type\u2019s checks in the guide\u2019s order', () => {
    const order = pack.firstChecks.map((check) => check.id);
    for (const type of Object.keys(pack.guidance) as (keyof typeof pack.guidance)[]) {
      const view = guidanceFor(input({ record: record({ messageType: type }) }));
      expect(new Set(ids(view.checks))).toEqual(new Set(pack.guidance[type].checks));
      const positions = ids(view.checks).map((id) => order.indexOf(id));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
    const missing = guidanceFor(
      input({ record: record({ messageType: 'missing-required-field' }) }),
    );
    expect(ids(missing.checks)).toEqual(['record-ready', 'read-message', 'fix-then-retry']);
  });

  it('warns first about creating a duplicate by hand in QuickBooks', () => {
    const view = guidanceFor(input({ record: record({ messageType: 'duplicate-detected' }) }));
    expect(view.mistakes[0]?.id).toBe('manual-create');
    expect(view.mistakes[0]?.text).toMatch(/by hand in QuickBooks/);
  });

  it('after a success, asks to compare both systems with the same filters', () => {
    const view = guidanceFor(input({ record: record({ status: 'succeeded' }) }));
    expect(ids(view.checks)).toEqual(['compare-after-success']);
    expect(ids(view.mistakes)).toEqual(['different-filters']);
    expect(view.checks[0]?.text).toMatch(/same dates, statuses and filters/);
    expect(view.retry.mayRetry).toBe(false);
  });
});

describe('retry discipline (limit 1)', () => {
  const finance = role('finance');

  it('allows the first retry', () => {
    const decision = retryDecision(record(), { attempts: [] }, finance);
    expect(decision).toMatchObject({ limit: 1, used: 0, blocked: false, mayRetry: true });
    expect(decision.reason).toBeNull();
  });

  it('blocks a second retry when the same message came back, and says why', () => {
    const history = { attempts: [attempt(MAPPING_MESSAGE)] };
    const decision = retryDecision(record({ retryCount: 1 }), history, finance);
    expect(decision).toMatchObject({ used: 1, sameMessage: true, blocked: true, mayRetry: false });
    expect(decision.reason).toBe(
      'The same message came back after 1 retry: the cause is not fixed yet. Fix it first, or escalate.',
    );
  });

  it('ignores whitespace differences when comparing messages', () => {
    const history = { attempts: [attempt(`  ${MAPPING_MESSAGE.replace(' ', '\n  ')} `)] };
    expect(retryDecision(record(), history, finance).blocked).toBe(true);
  });

  it('allows a retry once the message changed', () => {
    const history = { attempts: [attempt('Customer is required.')] };
    const decision = retryDecision(record({ retryCount: 1 }), history, finance);
    expect(decision).toMatchObject({ used: 1, sameMessage: false, blocked: false, mayRetry: true });
  });

  it('trusts AWRA\u2019s retry count when we have no history', () => {
    const decision = retryDecision(record({ retryCount: 2 }), { attempts: [] }, finance);
    expect(decision).toMatchObject({ used: 2, blocked: true, mayRetry: false });
    expect(decision.reason).toMatch(/AWRA already shows 2 retries/);
  });

  it('never tells an approver (mayRetry false) to retry', () => {
    const decision = retryDecision(record(), { attempts: [] }, role('approver'));
    expect(decision.mayRetry).toBe(false);
    expect(decision.reason).toMatch(/Approver role does not retry/);
  });

  it('never blocks a record that is not failing', () => {
    const history = { attempts: [attempt(MAPPING_MESSAGE), attempt(MAPPING_MESSAGE)] };
    for (const status of ['succeeded', 'pending', 'queued', 'skipped', 'cancelled'] as const) {
      const decision = retryDecision(record({ status, retryCount: 3 }), history, finance);
      expect(decision.blocked).toBe(false);
    }
  });
});

describe('wait advice', () => {
  const temporary = record({
    message: 'HTTP 503 Service Unavailable',
    messageType: 'temporary-provider-issue',
  });

  it('says how long ago the last attempt was for a temporary provider issue', () => {
    const history = { attempts: [attempt(temporary.message, { at: NOW - 3 * MIN - 20_000 })] };
    const view = guidanceFor(input({ record: temporary, history }));
    expect(view.waitAdvice).toMatch(/^Last attempt 3 min ago: wait a few minutes/);
    const later = guidanceFor(input({ record: temporary, history, now: NOW + 60 * MIN }));
    expect(later.waitAdvice).toMatch(/^Last attempt 1 h 3 min ago: if the provider has recovered/);
  });

  it('advises waiting even before any retry of ours', () => {
    expect(guidanceFor(input({ record: temporary })).waitAdvice).toMatch(/^Wait a few minutes/);
  });

  it('tells a pending payment to wait for the provider\u2019s confirmation', () => {
    const payment = record({ recordNumber: 'PAY-8812', recordType: 'payment', status: 'pending' });
    const view = guidanceFor(input({ record: payment }));
    expect(view.waitAdvice).toBe('Wait for the provider\u2019s confirmation before trying again.');
    expect(ids(view.checks)).toContain('wait-provider-confirmation');
    // Not told to fix mappings and retry while it is told to wait.
    expect(ids(view.checks)).not.toContain('fix-then-retry');
    expect(ids(view.checks)).not.toContain('check-mappings');
    expect(view.retry.mayRetry).toBe(false);
  });

  it('does not tell an invoice throttled by QuickBooks to wait for a payment confirmation', () => {
    const view = guidanceFor(input({ record: temporary }));
    expect(ids(view.checks)).not.toContain('wait-provider-confirmation');
    expect(ids(view.checks)).toContain('fix-then-retry');
  });

  it('gives no wait advice otherwise', () => {
    expect(guidanceFor(input()).waitAdvice).toBeNull();
  });
});

describe('escalation triggers', () => {
  it('holds none for a first failure', () => {
    expect(escalationTriggers(input())).toEqual([]);
  });

  it('connector-wide at the pack\u2019s threshold', () => {
    const threshold = pack.escalation.connectorFailureThreshold;
    expect(ids(escalationTriggers(input({ connectorFailures: threshold - 1 })))).toEqual([]);
    const triggers = escalationTriggers(input({ connectorFailures: threshold }));
    expect(ids(triggers)).toEqual(['connector-wide']);
    expect(triggers[0]?.text).toBe(pack.escalation.triggers[0]?.text);
  });

  it('authorization-not-restorable after a retry or an earlier attempt with the same message', () => {
    const message = 'AuthenticationFailed: token expired (401)';
    const auth = record({ message, messageType: 'authorization-failed' });
    expect(ids(escalationTriggers(input({ record: auth })))).toEqual([]);
    const retried = escalationTriggers(input({ record: { ...auth, retryCount: 1 } }));
    expect(ids(retried)).toContain('authorization-not-restorable');
    const seen = escalationTriggers(
      input({ record: auth, history: { attempts: [attempt(message)] }, roleId: 'org-admin' }),
    );
    expect(ids(seen)).toContain('authorization-not-restorable');
  });

  it('retry-limit-exceeded when blocked, or after a "retry anyway" with the same message', () => {
    const blocked = input({ history: { attempts: [attempt(MAPPING_MESSAGE)] } });
    expect(ids(escalationTriggers(blocked))).toEqual(['retry-limit-exceeded']);
    // A generous limit isolates the override: the limit itself is not reached.
    const lenient = {
      ...pack,
      roles: pack.roles.map((r) => (r.id === 'finance' ? { ...r, retryLimit: 5 } : r)),
    };
    const overridden = input({
      pack: lenient,
      record: record({ status: 'retrying' }),
      history: { attempts: [attempt(MAPPING_MESSAGE, { overridden: true })] },
    });
    expect(guidanceFor(overridden).retry.blocked).toBe(false);
    expect(ids(escalationTriggers(overridden))).toContain('retry-limit-exceeded');
    const since = { ...overridden, record: record({ status: 'succeeded' }) };
    expect(escalationTriggers(since)).toEqual([]);
  });

  it('does not count a role that never retries as a retry limit exceeded', () => {
    expect(ids(escalationTriggers(input({ roleId: 'approver' })))).toEqual([]);
  });

  it('appear in the guidance view', () => {
    const view = guidanceFor(input({ connectorFailures: 9 }));
    expect(ids(view.escalation)).toEqual(['connector-wide']);
  });
});

describe('summary for list screens', () => {
  it('counts distinct failing records by type and by connector, most first', () => {
    const rows: SerializedRecord[] = [
      record({ recordNumber: 'INV-1' }),
      record({ recordNumber: 'INV-1' }), // a second log entry for the same record
      record({ recordNumber: 'INV-2', messageType: 'missing-required-field' }),
      record({ recordNumber: 'INV-3' }),
      record({
        recordNumber: 'PAY-1',
        connector: 'Paystack',
        messageType: 'authorization-failed',
        status: 'needs-attention',
      }),
      record({
        recordNumber: 'PAY-2',
        connector: 'Paystack',
        messageType: 'temporary-provider-issue',
        status: null,
      }),
      record({ recordNumber: 'INV-4', status: 'succeeded' }),
      record({ recordNumber: 'INV-5', status: 'retrying' }),
      record({
        recordNumber: 'PAY-3',
        connector: 'Paystack',
        status: null,
        message: null,
        messageType: null,
      }),
    ];
    const summary = summarize(rows, pack);
    expect(summary.total).toBe(5);
    expect(summary.needsAttention).toBe(1);
    expect(summary.byType[0]).toEqual({
      type: 'mapping-missing',
      label: 'Mapping missing',
      count: 2,
    });
    expect(summary.byType.map((t) => t.count)).toEqual([2, 1, 1, 1]);
    expect(summary.byConnector).toEqual([
      { connector: 'QuickBooks Online', count: 3, recordNumbers: ['INV-1', 'INV-2', 'INV-3'] },
      { connector: 'Paystack', count: 2, recordNumbers: ['PAY-1', 'PAY-2'] },
    ]);
  });

  it('is empty when nothing failed', () => {
    expect(summarize([record({ status: 'succeeded' })], pack)).toEqual({
      total: 0,
      needsAttention: 0,
      byType: [],
      byConnector: [],
      unread: 0,
    });
  });

  it('counts skimmed rows (status and connector read) in the totals and by connector, not by type', () => {
    const skimmed = (connector: string, status: 'failed' | 'needs-attention') => ({
      ...record({ recordNumber: null, connector, status, message: null, messageType: null }),
      skimmed: true,
    });
    const summary = summarize(
      [
        record({ recordNumber: 'INV-1', connector: 'QuickBooks Online', status: 'failed' }),
        skimmed('QuickBooks Online', 'failed'),
        skimmed('QuickBooks Online', 'needs-attention'),
        skimmed('Paystack', 'failed'),
      ],
      pack,
    );
    expect(summary).toMatchObject({ total: 4, needsAttention: 1, unread: 3 });
    expect(summary.byType.reduce((sum, t) => sum + t.count, 0)).toBe(1);
    expect(summary.byConnector.map((c) => [c.connector, c.count])).toEqual([
      ['QuickBooks Online', 3],
      ['Paystack', 1],
    ]);
  });
});
