/** After a retry the overlay let through: which records' outcomes the page now shows. */
import type { Analysis, Status, SyncRecord } from '../analyze/types';
import type { RulePack } from '../rules/schema';
import { historyKeyOf, refKey } from './targets';

/** What the record showed when the retry was clicked. */
export interface RetryWatch {
  status: string | null;
  retryCount: number | null;
  message: string | null;
}

const SETTLED = new Set<string>(['succeeded', 'failed', 'needs-attention', 'skipped', 'cancelled']);

/**
 * The watched records (by refKey) whose page entry has settled into a new
 * state since the click: a record page lists every attempt, and the retried one is the latest
 * (most retries). A record still showing what it showed at the click has not answered yet.
 */
export function settledOutcomes(
  watched: ReadonlyMap<string, RetryWatch>,
  analysis: Analysis,
  pack: Pick<RulePack, 'connectorAliases'>,
): { key: string; outcome: Status }[] {
  // Nothing awaited (the usual case): no key is built for the page's records.
  if (watched.size === 0) return [];
  const latest = new Map<string, SyncRecord>();
  for (const record of analysis.records) {
    const key = refKey(historyKeyOf(record, pack));
    if (!watched.has(key)) continue;
    const seen = latest.get(key);
    if (!seen || (record.retryCount ?? -1) > (seen.retryCount ?? -1)) latest.set(key, record);
  }
  const settled: { key: string; outcome: Status }[] = [];
  for (const [key, before] of watched) {
    const record = latest.get(key);
    if (!record?.status || !SETTLED.has(record.status)) continue;
    const unchanged =
      record.status === before.status &&
      record.retryCount === before.retryCount &&
      record.message === before.message;
    if (!unchanged) settled.push({ key, outcome: record.status });
  }
  return settled;
}
