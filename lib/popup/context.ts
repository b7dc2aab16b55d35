/** What the popup starts from: the target tab's analysis, its failing records, the overlay's pick. */
import { connectorKey } from '../rules/connectors';
import type { RulePack } from '../rules/schema';
import { GetAnalysisResponseSchema, type SerializedRecord } from '../messaging/protocol';
import type { PopupAdapter } from './adapter';
import { failingRecords, PendingSchema, preselect } from './records';

export interface PopupContext {
  /** The tab's URL as its content script saw it; null when no content script answered. */
  url: string | null;
  /** False on a tab that is not an AWRA sync screen. */
  syncScreen: boolean;
  records: SerializedRecord[];
  selected: number;
  /** The escalation trigger the overlay chose, for the preselected record. */
  trigger: string | null;
  /** The tab the popup reads (`?tab=`), or null for the active tab. */
  tabId: number | null;
}

/** `?tab=12` → 12; anything else → null. */
export function tabFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return id > 0 ? id : null;
}

async function askTab(adapter: PopupAdapter, tabId: number | null) {
  if (tabId === null) return null;
  const answer = await adapter.askGate(tabId, { type: 'get-analysis' }).catch(() => undefined);
  const parsed = GetAnalysisResponseSchema.safeParse(answer);
  return parsed.success ? parsed.data : null;
}

export const PENDING_TTL_MS = 10 * 60_000;

export async function loadContext(
  adapter: PopupAdapter,
  pack: Pick<RulePack, 'connectorAliases'>,
): Promise<PopupContext> {
  const tabId = tabFromSearch(adapter.search) ?? (await adapter.activeTabId().catch(() => null));
  const [answer, rawPending] = await Promise.all([
    askTab(adapter, tabId),
    adapter.takePending().catch(() => null),
  ]);
  const parsedPending = PendingSchema.safeParse(rawPending);
  // A "Prepare an escalation" the popup never showed (it did not open) goes stale.
  const pending =
    parsedPending.success && adapter.now() - parsedPending.data.at <= PENDING_TTL_MS
      ? parsedPending
      : { success: false as const };
  // The overlay's "Prepare an escalation" wins; else the record last expanded or acted on.
  const touched = answer?.lastTouched;
  const pick = pending.success
    ? pending.data
    : touched
      ? { ...touched, trigger: null, at: 0 }
      : null;
  if (!answer || answer.analysis.page === null)
    return {
      url: answer?.url ?? null,
      syncScreen: false,
      records: [],
      selected: 0,
      trigger: null,
      tabId,
    };
  const records = failingRecords(answer.analysis.records, pack);
  const selected = preselect(records, pick, pack);
  const chosen = records[selected];
  const same = (a: string | null | undefined, b: string | null | undefined) =>
    !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
  // The trigger is the overlay's record's: another connector's record of that number has none.
  const trigger =
    same(chosen?.recordNumber, pick?.recordNumber) &&
    (!pick?.connector ||
      !chosen?.connector ||
      connectorKey(chosen.connector, pack) === pick.connector)
      ? (pick?.trigger ?? null)
      : null;
  return { url: answer.url, syncScreen: true, records, selected, trigger, tabId };
}
