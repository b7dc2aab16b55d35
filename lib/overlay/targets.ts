import { STATUSES, type Analysis, type Status, type SyncRecord } from '../analyze/types';
import { connectorKey } from '../rules/connectors';
import type { RulePack } from '../rules/schema';

export interface OverlayTarget {
  /** Identity of the overlay: one per record, never two. */
  key: string;
  /** Identity of the record for history and checklist: connector (connectorKey) + record number. */
  historyKey: { connector: string; recordNumber: string };
  record: SyncRecord;
  anchor: Element;
  /** Lists get a compact badge per row; record and detail screens get the full card. */
  mode: 'card' | 'badge';
}

/** Statuses that get an overlay, whatever the row's message. */
export const NEEDS_HELP: ReadonlySet<Status> = new Set(['failed', 'needs-attention', 'retrying']);

/** Statuses that never get an overlay: a list row showing one needs no field but its status. */
export const UNGUIDED_STATUSES: ReadonlySet<Status> = new Set(
  STATUSES.filter((status) => !NEEDS_HELP.has(status)),
);

/** A record the user needs help with: it failed, or it shows a message of a known problem. */
export function needsGuidance(record: SyncRecord): boolean {
  if (record.status && NEEDS_HELP.has(record.status)) return true;
  return record.status === null && record.messageType !== null && record.messageType !== 'unknown';
}

/**
 * A record's identity as one string, for maps in the page: unambiguous whatever the names hold
 * ("A|B" + "C" is not "A" + "B|C"), and read back by `refOfKey`.
 */
export const refKey = (ref: { connector: string; recordNumber: string }): string =>
  JSON.stringify([ref.connector, ref.recordNumber]);

export function refOfKey(key: string): { connector: string; recordNumber: string } {
  const [connector, recordNumber] = JSON.parse(key) as [string, string];
  return { connector, recordNumber };
}

/**
 * The key the retry history and checklist ticks are stored under (shared with the popup): the
 * connector by the pack's name for it, whichever alias the page shows.
 */
export function historyKeyOf(
  record: { connector: string | null; recordNumber: string | null; syncRun: string | null },
  pack: Pick<RulePack, 'connectorAliases'>,
) {
  // Connector cards have no record number: their history is the connector's own.
  return {
    // A name of white space alone names no connector.
    connector: (record.connector && connectorKey(record.connector, pack)) || 'unknown connector',
    recordNumber: record.recordNumber ?? record.syncRun ?? 'connector',
  };
}

/**
 * Which records get an overlay. On a record's own page the sync log lists attempts of one
 * record: only its latest failing entry gets the card, so one record never has two overlays.
 */
export function overlayTargets(
  analysis: Analysis,
  pack: Pick<RulePack, 'connectorAliases'>,
): OverlayTarget[] {
  if (!analysis.page) return [];
  const list = analysis.page !== 'sync-log' && analysis.records.length > 1;
  const seen = new Map<string, number>();
  const targets: OverlayTarget[] = [];
  for (const record of analysis.records) {
    // A skimmed row's record number and message were not read: it gets its badge once read.
    if (!record.anchor || record.skimmed || !needsGuidance(record)) continue;
    const { connector, recordNumber } = historyKeyOf(record, pack);
    const key = list
      ? JSON.stringify([connector, recordNumber, record.syncRun ?? ''])
      : refKey({ connector, recordNumber });
    const target: OverlayTarget = {
      key,
      historyKey: { connector, recordNumber },
      record,
      anchor: record.anchor,
      mode: list ? 'badge' : 'card',
    };
    const index = seen.get(key);
    if (index === undefined) {
      seen.set(key, targets.push(target) - 1);
    } else if ((record.retryCount ?? -1) > (targets[index]!.record.retryCount ?? -1)) {
      // Logs run oldest-first or newest-first: the attempt with the most retries is the latest.
      targets[index] = target;
    }
  }
  return targets;
}
