/** Turns what the page shows (plus our own history) into a draft the user only has to complete. */
import { emptyRecord } from '../analyze/types';
import type { SerializedRecord } from '../messaging/protocol';
import { LIMITS, type EscalationDraft } from './model';

export interface PrefillExtras {
  /** Retries we recorded for this failure (overlay clicks). */
  ourRetries: number;
  /** First-check ids the user ticked in the overlay. */
  checksTicked: string[];
  /** The escalation trigger id that applies, or null. */
  trigger: string | null;
  pageUrl: string;
  /** Epoch milliseconds. */
  now: number;
  /** Browser and platform, e.g. from navigator.userAgent (the caller reads it, not this module). */
  browser: string;
  /** The module the page belongs to, when the record itself does not name one. */
  module?: string | null;
}

/**
 * Side fields are names and labels: a page value longer than the form accepts is page noise, so
 * it is cut rather than left to block validation. Record number and message are never cut here.
 */
const clip = (value: string | null | undefined, max: number): string | null => {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed.slice(0, max);
};

/** A count that is not a whole number ≥ 0 (NaN, negative) counts as no retry. */
const count = (value: number | null | undefined): number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;

/** A draft from one failed record; expected result and what changed are left to the user. */
export function escalationFromRecord(
  record: SerializedRecord,
  extras: PrefillExtras,
): EscalationDraft {
  const short = LIMITS.shortText;
  return {
    connector: clip(record.connector, short),
    recordNumber: record.recordNumber?.trim() ?? null,
    syncRun: clip(record.syncRun, short),
    status: record.status,
    // Verbatim: support matches the exact text against their logs.
    message: record.message,
    // AWRA may not count retries made through us yet (or at all): the larger is the truth.
    retryCount: Math.max(count(record.retryCount), count(extras.ourRetries)),
    module: clip(record.module ?? extras.module, short),
    recordType: clip(record.recordType, short),
    customer: clip(record.customer, LIMITS.longText),
    vendor: clip(record.vendor, LIMITS.longText),
    amount: clip(record.amount, short),
    branch: clip(record.branch, short),
    warehouse: clip(record.warehouse, short),
    user: clip(record.user, short),
    failedAt: clip(record.timestamp, short),
    browser: clip(extras.browser, LIMITS.longText),
    expectedResult: '',
    whatChanged: null,
    blocks: [],
    // The totals-mismatch trigger is the user's own answer to that question.
    totalsMismatch: extras.trigger === 'totals-mismatch',
    checksTicked: [...new Set(extras.checksTicked)],
    trigger: extras.trigger,
    createdAt: extras.now,
    pageUrl: clip(extras.pageUrl, LIMITS.url),
    notes: [],
  };
}

/** A blank draft for a tab that is not an AWRA sync screen: the user types everything. */
export function blankEscalation(extras: Pick<PrefillExtras, 'now' | 'browser' | 'pageUrl'>) {
  return escalationFromRecord(emptyRecord(), {
    ...extras,
    ourRetries: 0,
    checksTicked: [],
    trigger: null,
  });
}
