/** Retry history, failures seen and checklist state, over the extension database. */
import type { Status } from '../analyze/types';
import {
  legacyRecordKey,
  pick,
  recordKey,
  write,
  type ChecklistRow,
  type RecordRef,
  type RetryRow,
  type StoredAttempt,
  type SyncAssistDB,
} from './db';

export {
  connectorFailureCount,
  FRESH_MS,
  noteFailures,
  pruneOlderThan,
  type FailureInput,
} from './failures';

/** Attempts kept per record (oldest dropped first), so a stuck retry loop cannot fill the disk. */
export const MAX_ATTEMPTS = 100;

export interface History {
  attempts: StoredAttempt[];
}

type RetryStore = { get(key: RetryRow['key']): Promise<RetryRow | undefined> };

/**
 * The record's retry row under its site's key; one written before version 2 (no site) stands in
 * until the site writes its own, which starts from it: nothing recorded before is lost.
 */
async function retryRow(store: RetryStore, ref: RecordRef): Promise<RetryRow | undefined> {
  const row = (await store.get(recordKey(ref))) ?? (await store.get(legacyRecordKey(ref)));
  return row && { ...row, key: recordKey(ref), ...pick(ref) };
}

export async function recordRetry(
  db: SyncAssistDB,
  input: RecordRef & { message: string | null; at: number; overridden: boolean },
): Promise<History> {
  return write(db, ['retries'], async (tx) => {
    const store = tx.objectStore('retries');
    const row = (await retryRow(store, input)) ?? {
      key: recordKey(input),
      ...pick(input),
      attempts: [],
    };
    const attempt = {
      at: input.at,
      message: input.message,
      outcome: null,
      overridden: input.overridden,
    };
    row.attempts = [...row.attempts, attempt].slice(-MAX_ATTEMPTS);
    await store.put(row);
    return { attempts: row.attempts };
  });
}

/** Sets the outcome of the latest attempt that has none; false when there is no such attempt. */
export async function recordOutcome(
  db: SyncAssistDB,
  input: RecordRef & { outcome: Status; at: number },
): Promise<boolean> {
  return write(db, ['retries'], async (tx) => {
    const store = tx.objectStore('retries');
    const row = await retryRow(store, input);
    const open = row?.attempts.findLastIndex((attempt) => attempt.outcome === null) ?? -1;
    if (!row || open < 0) return false;
    row.attempts = row.attempts.map((a, i) => (i === open ? { ...a, outcome: input.outcome } : a));
    await store.put(row);
    return true;
  });
}

export async function getHistory(db: SyncAssistDB, ref: RecordRef): Promise<History> {
  const row = await retryRow(db.transaction('retries').store, ref);
  return { attempts: row?.attempts ?? [] };
}

/** The site's checklist state of the record; before the site saves one, a pre-version-2 one. */
export async function getChecklist(db: SyncAssistDB, ref: RecordRef): Promise<ChecklistRow | null> {
  const store = db.transaction('checklist').store;
  return (await store.get(recordKey(ref))) ?? (await store.get(legacyRecordKey(ref))) ?? null;
}

export async function setChecklist(
  db: SyncAssistDB,
  input: RecordRef & Omit<ChecklistRow, 'updatedAt'> & { at: number },
): Promise<void> {
  const row: ChecklistRow = {
    ticks: [...new Set(input.ticks)],
    collapsed: input.collapsed,
    dismissed: input.dismissed,
    updatedAt: input.at,
  };
  await db.put('checklist', row, recordKey(input));
}
