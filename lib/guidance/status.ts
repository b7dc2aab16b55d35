/** Which record statuses count as failing, for retry discipline and for list summaries. */
import type { Status } from '../analyze/types';
import type { SerializedRecord } from './types';

/**
 * Statuses where a retry click is meaningful. "retrying" is included because AWRA folds
 * "needs retry" into it, and a click while it shows is exactly the blind retry we guard against.
 */
const RETRYABLE: ReadonlySet<Status> = new Set(['failed', 'needs-attention', 'retrying']);

/** Statuses a list summary counts as failures (a retry in flight has no outcome yet). */
const FAILED: ReadonlySet<Status> = new Set(['failed', 'needs-attention']);

export function isRetryableStatus(status: Status | null): boolean {
  return status !== null && RETRYABLE.has(status);
}

/** A failure for summaries: failed or needs attention, or a classified message with no status. */
export function isFailure(record: Pick<SerializedRecord, 'status' | 'messageType'>): boolean {
  if (record.status === null) return record.messageType !== null;
  return FAILED.has(record.status);
}

/** A payment the provider has not confirmed yet: retrying it risks recording it twice. */
export function isPendingPayment(record: Pick<SerializedRecord, 'status' | 'recordType'>): boolean {
  return record.status === 'pending' && record.recordType?.trim().toLowerCase() === 'payment';
}
