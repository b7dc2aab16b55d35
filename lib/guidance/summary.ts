/** Failure counts for list screens: by message type and by connector. */
import { connectorKey } from '../rules/connectors';
import { MESSAGE_TYPES, type MessageType } from '../analyze/types';
import type { RulePack } from '../rules/schema';
import { isFailure } from './status';
import type { SerializedRecord } from './types';

export interface TypeCount {
  type: MessageType;
  label: string;
  count: number;
}

export interface ConnectorCount {
  /** As shown on the page. */
  connector: string;
  count: number;
  /** The failing record numbers, for merging with failures seen earlier (connector-wide alert). */
  recordNumbers: string[];
}

export interface FailureSummary {
  total: number;
  /**
   * How many of `total` show "needs attention" rather than a failure: AWRA's own lists count
   * only the failed ones ("18 failed"), so the summary names the two apart.
   */
  needsAttention: number;
  byType: TypeCount[];
  byConnector: ConnectorCount[];
  /** Failing rows whose message was not read (skimmed): in `total`, in no `byType`. */
  unread: number;
}

type Row = Pick<SerializedRecord, 'status' | 'messageType' | 'connector' | 'recordNumber'> & {
  /** Read to its status and connector only (SyncRecord.skimmed). */
  skimmed?: boolean;
};

/**
 * Counts distinct failing records: a sync log lists one entry per attempt, and three failed
 * attempts of one invoice are one failing record. Rows without a record number count once each.
 */
export function summarize(records: readonly Row[], pack: RulePack): FailureSummary {
  // Each failing record's status, the last entry's where a log lists several attempts.
  const all = new Map<string, Row['status']>();
  const byType = new Map<MessageType, Set<string>>();
  const byConnector = new Map<string, Set<string>>();
  const numbers = new Map<string, Set<string>>();
  let unread = 0;

  records.forEach((record, index) => {
    if (!isFailure(record)) return;
    // One connector under its several names ("QBO", "QuickBooks Online") is counted once.
    const shown = record.connector?.trim() || null;
    const connector = shown === null ? null : connectorKey(shown, pack);
    const key =
      record.recordNumber !== null ? `${connector ?? ''}\u0000${record.recordNumber}` : `#${index}`;
    all.set(key, record.status);
    if (record.skimmed) unread++;
    else add(byType, record.messageType ?? 'unknown', key);
    // A row naming no connector cannot feed a connector-wide alert; it still counts by type.
    if (connector === null) return;
    add(byConnector, connector, key);
    if (record.recordNumber !== null) add(numbers, connector, record.recordNumber);
  });

  return {
    total: all.size,
    needsAttention: [...all.values()].filter((status) => status === 'needs-attention').length,
    byType: [...byType]
      .map(([type, keys]) => ({ type, label: pack.guidance[type].label, count: keys.size }))
      // Ties keep the guide's type order, so the summary does not reshuffle between renders.
      .sort((a, b) => b.count - a.count || order(a.type) - order(b.type)),
    byConnector: [...byConnector]
      .map(([connector, keys]) => ({
        connector,
        count: keys.size,
        recordNumbers: [...(numbers.get(connector) ?? [])],
      }))
      // Ties by name in code-unit order: the first localeCompare on a page builds a collator
      // (12-50 ms in a fresh Chromium page, measured), for an order no user reads into.
      .sort((a, b) => b.count - a.count || byCodeUnits(a.connector, b.connector)),
    unread,
  };
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function add<K>(map: Map<K, Set<string>>, key: K, value: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(value);
  map.set(key, set);
}

const order = (type: MessageType): number => MESSAGE_TYPES.indexOf(type);
