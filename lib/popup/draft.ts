/** The form's starting draft for the chosen record, or a blank one. */
import { blankEscalation, escalationFromRecord, type EscalationDraft } from '../escalation';
import { siteOf } from '../messaging/senders';
import { historyKeyOf } from '../overlay/targets';
import type { RulePack } from '../rules/schema';
import type { PopupAdapter } from './adapter';
import type { PopupContext } from './context';

/**
 * What the overlay recorded for the record (retries made through it, first checks ticked) and the
 * escalation trigger its card would name.
 */
export interface OverlayRecordState {
  retries: number;
  checksTicked: string[];
  trigger?: string | null;
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
    // The overlay's "Prepare an escalation" names its trigger; else the one its card would name.
    trigger: (index === ctx.selected ? ctx.trigger : null) ?? state?.trigger ?? null,
  });
}

/**
 * The background request for the overlay's state of the chosen record, with what the page shows
 * of it so the background can name the escalation trigger; null on a blank form.
 */
export function recordStateQuery(ctx: PopupContext, index: number, pack: RulePack) {
  const record = ctx.records[index];
  // The overlay's history is kept per site: the tab's page origin.
  const site = siteOf(ctx.url);
  if (!ctx.syncScreen || !record || site === null) return null;
  const key = historyKeyOf(record, pack);
  const pageFailures = ctx.records.filter(
    (r) => historyKeyOf(r, pack).connector === key.connector,
  ).length;
  const { status, message, messageType, retryCount } = record;
  return {
    type: 'escalation-record-state' as const,
    site,
    ...key,
    shown: { status, message, messageType, retryCount, pageFailures },
  };
}

/** The record and message the duplicate guard asks about, when both are given. */
export function guardQuery(draft: EscalationDraft) {
  const recordNumber = typeof draft.recordNumber === 'string' ? draft.recordNumber.trim() : '';
  const message = typeof draft.message === 'string' ? draft.message : '';
  if (recordNumber === '' || message.trim() === '') return null;
  return { type: 'escalation-find-recent' as const, recordNumber, message };
}
