/** Everything the overlay card shows for one record, for one role. */
import type { MessageType } from '../analyze/types';
import { actionFor, mayAct } from './action';
import { checksFor, mistakesFor } from './checklist';
import { escalationTriggers } from './escalation';
import { retryDecision } from './retry';
import { resolveRole } from './role';
import type { GuidanceInput, GuidanceView } from './types';
import { waitAdvice } from './wait';

export function guidanceFor(input: GuidanceInput): GuidanceView {
  const { record, pack, history } = input;
  // The analysis engine's classification is final: a record without one (no message) is
  // 'unknown', never re-guessed here from other fields.
  const type: MessageType = record.messageType ?? 'unknown';
  const guidance = pack.guidance[type];
  const role = resolveRole(pack, input.roleId);
  const retry = retryDecision(record, history, role);

  return {
    type,
    label: guidance.label,
    cause: guidance.cause,
    // Capturing an unrecognised case for support is open to every role, so its action is not
    // turned into "ask someone".
    action: type === 'unknown' ? guidance.action : actionFor(guidance, role),
    whoMayAct: guidance.whoMayAct,
    youMayAct: mayAct(guidance, role),
    checks: checksFor(pack, guidance, record),
    mistakes: mistakesFor(pack, guidance, record),
    retry,
    escalation: escalationTriggers(input, retry),
    guideUrl: pack.support.failedSyncGuide,
    supportUrl: pack.support.url,
    waitAdvice: waitAdvice(record, history, input.now),
  };
}
