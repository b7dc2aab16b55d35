/** Which records on the page can be escalated, and which one the popup starts with. */
import { z } from '../zod';
import type { SerializedRecord } from '../messaging/protocol';
import { connectorKey } from '../rules/connectors';
import type { RulePack } from '../rules/schema';

type Aliases = Pick<RulePack, 'connectorAliases'>;

/** The record's connector as history keys name it (the overlay's pending and touched records). */
const connectorOf = (record: SerializedRecord, pack: Aliases) =>
  record.connector === null ? null : connectorKey(record.connector, pack);

const FAILING_STATUSES = new Set(['failed', 'needs-attention', 'retrying']);

/** A failed, stuck or retrying record, or one whose message the engine recognised. */
export function isFailing(record: SerializedRecord): boolean {
  return (
    (record.status !== null && FAILING_STATUSES.has(record.status)) || record.messageType !== null
  );
}

export const PendingSchema = z.object({
  recordNumber: z.string().nullable(),
  connector: z.string().nullable(),
  trigger: z.string().nullable(),
  at: z.number(),
});
export type Pending = z.infer<typeof PendingSchema>;

/**
 * The overlay's chosen record when it is on the page, else the first one. The overlay names its
 * connector as history keys do (connectorKey): "QuickBooks Online" for a row showing "QBO".
 */
export function preselect(
  records: readonly SerializedRecord[],
  pending: Pending | null,
  pack: Aliases,
): number {
  if (pending?.recordNumber) {
    const wanted = pending.recordNumber.trim().toLowerCase();
    const index = records.findIndex(
      (r) =>
        r.recordNumber?.trim().toLowerCase() === wanted &&
        (pending.connector === null || connectorOf(r, pack) === pending.connector),
    );
    if (index >= 0) return index;
    const byNumber = records.findIndex((r) => r.recordNumber?.trim().toLowerCase() === wanted);
    if (byNumber >= 0) return byNumber;
  }
  return 0;
}

/** "INV-20417 · QuickBooks Online · failed", for the record picker. */
export function recordLabel(record: SerializedRecord): string {
  const parts = [record.recordNumber ?? record.connector ?? 'Record without a number'];
  if (record.recordNumber && record.connector) parts.push(record.connector);
  if (record.status) parts.push(record.status.replace('-', ' '));
  return parts.join(' · ');
}

/**
 * The failing records, one per record and connector (under any of its names): a record page lists
 * each attempt, and the latest (most retries, later on the page on a tie) is the one to escalate.
 * Page order is kept.
 */
export function failingRecords(
  records: readonly SerializedRecord[],
  pack: Aliases,
): SerializedRecord[] {
  const out: SerializedRecord[] = [];
  const at = new Map<string, number>();
  for (const record of records.filter(isFailing)) {
    const key = record.recordNumber
      ? JSON.stringify([record.recordNumber.trim().toLowerCase(), connectorOf(record, pack)])
      : null;
    const index = key === null ? undefined : at.get(key);
    const seen = index === undefined ? undefined : out[index];
    if (index === undefined || !seen) {
      if (key !== null) at.set(key, out.length);
      out.push(record);
    } else if ((record.retryCount ?? 0) >= (seen.retryCount ?? 0)) out[index] = record;
  }
  return out;
}
