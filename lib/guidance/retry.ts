/** Retry discipline: may this role retry this record now, and if not, why. */
import type { Role } from '../rules/schema';
import { attemptsWithMessage, lastAttempt, sameMessage } from './messages';
import { isRetryableStatus } from './status';
import type { RecordHistory, RetryDecision, SerializedRecord } from './types';

const retries = (n: number): string => `${n} ${n === 1 ? 'retry' : 'retries'}`;

export function retryDecision(
  record: Pick<SerializedRecord, 'status' | 'message' | 'retryCount'>,
  history: RecordHistory,
  role: Role,
): RetryDecision {
  const limit = role.retryLimit;
  const shown = record.retryCount ?? 0;
  const used = Math.max(shown, attemptsWithMessage(history.attempts, record.message).length);
  const last = lastAttempt(history.attempts);
  const same = last !== null && sameMessage(last.message, record.message);
  // Retries spent on the message showing now. A changed message since our last retry is a new
  // failure; with no retry of ours to compare, AWRA's count is assumed to be for this message.
  const spent = last === null || same ? used : 0;
  const base = { limit, used, sameMessage: same };

  // Nothing to retry on a record that is not failing (succeeded, pending, queued...).
  if (record.status !== null && !isRetryableStatus(record.status)) {
    const status = record.status.replace('-', ' ');
    const reason = `This record is ${status}: there is nothing to retry.`;
    return { ...base, limitReached: false, blocked: false, mayRetry: false, reason };
  }

  const failing = isRetryableStatus(record.status);
  const limitReached = failing && spent >= 1 && spent >= limit;
  const blocked = failing && (!role.mayRetry || spent >= limit);

  let reason: string | null = null;
  if (!role.mayRetry) {
    reason = `The ${role.label} role does not retry syncs: ask someone whose role shows the Retry action, or escalate.`;
  } else if (blocked && spent === 0) {
    reason = `The ${role.label} role has no retries for this failure: fix the cause first, or escalate.`;
  } else if (blocked && last !== null) {
    reason = `The same message came back after ${retries(spent)}: the cause is not fixed yet. Fix it first, or escalate.`;
  } else if (blocked) {
    reason = `AWRA already shows ${retries(spent)} for this record and it is still failing: fix the cause before retrying again, or escalate.`;
  }
  return { ...base, limitReached, blocked, mayRetry: role.mayRetry && !blocked, reason };
}
