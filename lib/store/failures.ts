/** Failures seen on AWRA pages, for connector-wide escalation counts. */
import { normalizeMessage } from '../analyze/classify';
import type { MessageType, Status } from '../analyze/types';
import { pick, write, type FailureRow, type RecordRef, type SyncAssistDB } from './db';

export interface FailureInput extends Omit<RecordRef, 'site'> {
  messageType: MessageType | null;
  message: string | null;
  /** When given, only failed and needs-attention records are noted. */
  status?: Status | null;
}

const FAILING = new Set<Status | null | undefined>([undefined, 'failed', 'needs-attention']);

/** One failures row per site + connector + record + message (compared as the retry check does). */
const failureKey = (site: string, f: FailureInput): FailureRow['key'] => [
  site,
  f.connector,
  f.recordNumber,
  normalizeMessage(f.message ?? ''),
];

/**
 * A failure noted this recently is not written again: a list reloaded every minute re-notes the
 * same failing rows (1,250 on the mock's 5,000-row Sync Hub), and a lastSeen a few minutes old
 * counts the same in a window of hours.
 */
export const FRESH_MS = 5 * 60 * 1000;

/** A key's text, to find a stored row by its key in a Map. */
const keyText = (key: FailureRow['key']) => JSON.stringify(key);

/**
 * Upserts the site's failing records (firstSeen is kept, lastSeen becomes `now`) and returns, per
 * connector named in `records`, the site's distinct records failing at or after `since`, these
 * included. Each connector's rows are read once, for both the upsert and the count.
 */
export async function noteFailures(
  db: SyncAssistDB,
  site: string,
  records: readonly FailureInput[],
  now: number,
  since = -Infinity,
): Promise<Record<string, number>> {
  const batch = new Map(
    records
      .filter((r) => FAILING.has(r.status))
      .map((r) => {
        const key = failureKey(site, r);
        return [keyText(key), { key, r }] as const;
      }),
  );
  const connectors = [...new Set(records.map((r) => r.connector))];
  if (connectors.length === 0) return {};
  return write(db, ['failures'], async (tx) => {
    const store = tx.objectStore('failures');
    const index = store.index('by-site-connector');
    const stored = await Promise.all(connectors.map((c) => index.getAll([site, c])));
    const existing = new Map(stored.flat().map((row) => [keyText(row.key), row]));
    const puts: Promise<unknown>[] = [];
    for (const [text, { key, r }] of batch) {
      const before = existing.get(text);
      if (before && before.lastSeen >= now - FRESH_MS && before.lastSeen <= now) continue;
      puts.push(
        store.put({
          key,
          ...pick({ ...r, site }),
          messageType: r.messageType,
          message: r.message,
          firstSeen: Math.min(before?.firstSeen ?? now, now),
          lastSeen: Math.max(before?.lastSeen ?? now, now),
        }),
      );
    }
    await Promise.all(puts);
    const counts: Record<string, number> = {};
    connectors.forEach((connector, i) => {
      const failing = new Set(
        stored[i]!.filter((row) => row.lastSeen >= since).map((row) => row.recordNumber),
      );
      for (const { r } of batch.values())
        if (r.connector === connector) failing.add(r.recordNumber);
      counts[connector] = failing.size;
    });
    return counts;
  });
}

/** Distinct records of this site's connector seen failing at or after `since`. */
export async function connectorFailureCount(
  db: SyncAssistDB,
  site: string,
  connector: string,
  since: number,
): Promise<number> {
  const rows = await db.getAllFromIndex('failures', 'by-site-connector', [site, connector]);
  return new Set(rows.filter((row) => row.lastSeen >= since).map((row) => row.recordNumber)).size;
}

/** Deletes failures last seen before `cutoffMs`; returns how many. */
export async function pruneOlderThan(db: SyncAssistDB, cutoffMs: number): Promise<number> {
  return write(db, ['failures'], async (tx) => {
    const index = tx.objectStore('failures').index('by-lastSeen');
    let removed = 0;
    let cursor = await index.openCursor(IDBKeyRange.upperBound(cutoffMs, true));
    for (; cursor; cursor = await cursor.continue()) {
      await cursor.delete();
      removed += 1;
    }
    return removed;
  });
}
