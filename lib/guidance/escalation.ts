/** Which of the guide's escalation triggers hold for a record right now. */
import { attemptsWithMessage } from './messages';
import { retryDecision } from './retry';
import { resolveRole } from './role';
import { isRetryableStatus } from './status';
import type { ChecklistEntry, GuidanceInput, RetryDecision } from './types';

/** Trigger ids the code can evaluate; the pack holds their wording (and may add others). */
export const TRIGGER = {
  connectorWide: 'connector-wide',
  authorization: 'authorization-not-restorable',
  retryLimit: 'retry-limit-exceeded',
} as const;

/**
 * Triggers that hold, as the pack words them, in the pack's order. `retry` can be passed when the
 * caller already computed it.
 */
export function escalationTriggers(
  input: GuidanceInput,
  retry: RetryDecision = retryDecision(
    input.record,
    input.history,
    resolveRole(input.pack, input.roleId),
  ),
): ChecklistEntry[] {
  const { record, pack, history } = input;
  const holds = new Set<string>();
  // A record that has since succeeded (or is pending) no longer needs its own triggers.
  const stillFailing = record.status === null || isRetryableStatus(record.status);

  if (input.connectorFailures >= pack.escalation.connectorFailureThreshold)
    holds.add(TRIGGER.connectorWide);
  // Re-authorizing fixes it at once, so any retry of this message (AWRA's count, or ours made
  // while it showed, both in retry.used) means the connection was not restored.
  if (stillFailing && record.messageType === 'authorization-failed' && retry.used >= 1)
    holds.add(TRIGGER.authorization);
  // "Retry anyway" past the limit is recorded as an override: one is proof enough.
  const overridden = attemptsWithMessage(history.attempts, record.message).some(
    (attempt) => attempt.overridden,
  );
  if (retry.limitReached || (stillFailing && overridden)) holds.add(TRIGGER.retryLimit);

  return pack.escalation.triggers
    .filter((trigger) => holds.has(trigger.id))
    .map(({ id, text }) => ({ id, text }));
}
