/** Failures seen on AWRA pages, for connector-wide escalation counts. */
import { normalizeMessage } from '../analyze/classify';
import type { MessageType, Status } from '../analyze/types';
import { pick, recordKey, write, type RecordRef, type SyncAssistDB } from './db';

export interface FailureInput extends RecordRef {
  messageType: MessageType | null;
  message: string | null;
  /** When given, only failed and needs-attention records are noted. */
  status?: Status | null;
}

const FAILING = new Set<Status | null | undefined>([undefined, 'failed', 'needs-attention']);

/** One failures row per connector + record + message (compared as the retry check compares). */
const failureKey = (f: FailureInput) =>
  `${recordKey(f.connector, f.recordNumber)}|${normalizeMessage(f.message ?? '')}`;

/** Upserts the failing records: firstSeen is kept, lastSeen becomes `now`. */
export async function noteFailures(
  db: SyncAssistDB,
  records: readonly FailureInput[],
  now: number,
): Promise<void> {
  const batch = new Map(
    records.filter((r) => FAILING.has(r.status)).map((r) => [failureKey(r), r]),
  );
  if (batch.size === 0) return;
  await write(db, ['failures'], async (tx) => {
    const store = tx.objectStore('failures');
    const existing = await Promise.all([...batch.keys()].map((key) => store.get(key)));
    await Promise.all(
      [...batch].map(([key, r], i) =>
        store.put({
          key,
          ...pick(r),
          messageType: r.messageType,
          message: r.message,
          firstSeen: Math.min(existing[i]?.firstSeen ?? now, now),
          lastSeen: Math.max(existing[i]?.lastSeen ?? now, now),
        }),
      ),
    );
  });
}

/** Distinct records of this connector seen failing at or after `since`. */
export async function connectorFailureCount(
  db: SyncAssistDB,
  connector: string,
  since: number,
): Promise<number> {
  const rows = await db.getAllFromIndex('failures', 'by-connector', connector);
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
