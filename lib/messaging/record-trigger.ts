/**
 * The escalation trigger the overlay's card would name for a record, worked out in the
 * background for the popup opened from the toolbar: the same rules (lib/guidance/escalation.ts)
 * on what the page shows, the overlay's retry history and the failures seen in the pack's window.
 */
import { emptyRecord } from '../analyze/types';
import { escalationTriggers } from '../guidance/escalation';
import type { RecordHistory } from '../guidance/types';
import type { RulePack } from '../rules/schema';
import type { EscalationRequest } from './escalation-protocol';

type Shown = NonNullable<Extract<EscalationRequest, { type: 'escalation-record-state' }>['shown']>;

export function recordTrigger(input: {
  shown: Shown;
  history: RecordHistory;
  /** Distinct failing records of the connector seen in the pack's window (background store). */
  storedFailures: number;
  pack: RulePack;
  role: string;
  now: number;
}): string | null {
  const { shown, pack } = input;
  const { pageFailures, ...fields } = shown;
  const triggers = escalationTriggers({
    record: { ...emptyRecord(), ...fields },
    pack,
    roleId: input.role,
    history: input.history,
    // As the overlay counts: this page's failing records or those seen lately, the larger.
    connectorFailures: Math.max(pageFailures, input.storedFailures),
    now: input.now,
  });
  return triggers[0]?.id ?? null;
}
