/** The form's starting draft for the chosen record, or a blank one. */
import { blankEscalation, escalationFromRecord, type EscalationDraft } from '../escalation';
import { historyKeyOf } from '../overlay/targets';
import type { PopupAdapter } from './adapter';
import type { PopupContext } from './context';

/** What the overlay recorded for the record: retries made through it and first checks ticked. */
export interface OverlayRecordState {
  retries: number;
  checksTicked: string[];
}

export function draftFor(
  ctx: PopupContext,
  index: number,
  adapter: PopupAdapter,
  state: OverlayRecordState | null = null,
): EscalationDraft {
  const base = { now: adapter.now(), browser: adapter.userAgent, pageUrl: ctx.url ?? '' };
  const record = ctx.records[index];
  if (!ctx.syncScreen || !record) return blankEscalation(base);
  return escalationFromRecord(record, {
    ...base,
    ourRetries: state?.retries ?? 0,
    checksTicked: state?.checksTicked ?? [],
    trigger: index === ctx.selected ? ctx.trigger : null,
  });
}

/** The background request for the overlay's state of the chosen record; null on a blank form. */
export function recordStateQuery(ctx: PopupContext, index: number) {
  const record = ctx.records[index];
  if (!ctx.syncScreen || !record) return null;
  return { type: 'escalation-record-state' as const, ...historyKeyOf(record) };
}

/** The record and message the duplicate guard asks about, when both are given. */
export function guardQuery(draft: EscalationDraft) {
  const recordNumber = typeof draft.recordNumber === 'string' ? draft.recordNumber.trim() : '';
  const message = typeof draft.message === 'string' ? draft.message : '';
  if (recordNumber === '' || message.trim() === '') return null;
  return { type: 'escalation-find-recent' as const, recordNumber, message };
}
