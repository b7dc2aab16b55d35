/** The form's starting draft for the chosen record, or a blank one. */
import { blankEscalation, escalationFromRecord, type EscalationDraft } from '../escalation';
import type { PopupAdapter } from './adapter';
import type { PopupContext } from './context';

export function draftFor(ctx: PopupContext, index: number, adapter: PopupAdapter): EscalationDraft {
  const base = { now: adapter.now(), browser: adapter.userAgent, pageUrl: ctx.url ?? '' };
  const record = ctx.records[index];
  if (!ctx.syncScreen || !record) return blankEscalation(base);
  return escalationFromRecord(record, {
    ...base,
    ourRetries: 0,
    checksTicked: [],
    trigger: index === ctx.selected ? ctx.trigger : null,
  });
}

/** The record and message the duplicate guard asks about, when both are given. */
export function guardQuery(draft: EscalationDraft) {
  const recordNumber = typeof draft.recordNumber === 'string' ? draft.recordNumber.trim() : '';
  const message = typeof draft.message === 'string' ? draft.message : '';
  if (recordNumber === '' || message.trim() === '') return null;
  return { type: 'escalation-find-recent' as const, recordNumber, message };
}
