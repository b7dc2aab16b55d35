/** Advice to wait: a provider that is throttled or down, or a payment awaiting confirmation. */
import { lastAttempt } from './messages';
import { isPendingPayment, isRetryableStatus } from './status';
import type { RecordHistory, SerializedRecord } from './types';

/** How long "a few minutes" is: throttling windows and short outages usually clear by then. */
export const PROVIDER_WAIT_MINUTES = 5;

const MINUTE = 60_000;

/** "just now", "3 min ago", "2 h ago", "1 h 5 min ago". */
export function elapsedText(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / MINUTE);
  if (minutes < 1) return 'less than a minute ago';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h ago` : `${hours} h ${rest} min ago`;
}

export function waitAdvice(
  record: Pick<SerializedRecord, 'status' | 'recordType' | 'messageType'>,
  history: RecordHistory,
  now: number,
): string | null {
  // A retry while the provider still has the payment in hand can charge or record it twice.
  if (isPendingPayment(record))
    return 'Wait for the provider\u2019s confirmation before trying again.';
  if (record.messageType !== 'temporary-provider-issue') return null;
  if (record.status !== null && !isRetryableStatus(record.status)) return null;

  const last = lastAttempt(history.attempts);
  if (last === null)
    return 'Wait a few minutes before retrying: the provider is slow, throttled or briefly down.';
  const elapsed = now - last.at;
  const since = `Last attempt ${elapsedText(elapsed)}`;
  if (elapsed < PROVIDER_WAIT_MINUTES * MINUTE)
    return `${since}: wait a few minutes, then retry once if it is safe.`;
  return `${since}: if the provider has recovered, retry once; if it fails again, check the provider\u2019s status and escalate.`;
}
