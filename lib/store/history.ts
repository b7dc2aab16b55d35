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

/**
 * A record as the store is asked for it: `names` are every name its connector goes by
 * (lib/rules/connectors.ts connectorNames), under which a row written before version 2 may be.
 */
export type StoreRef = RecordRef & { names?: readonly string[] };

type Store<T> = { get(key: RetryRow['key']): Promise<T | undefined> };

/** The site's row of the record, else one written before version 2 under any of its names. */
async function rowOf<T>(store: Store<T>, ref: StoreRef): Promise<T | undefined> {
  const scoped = await store.get(recordKey(ref));
  if (scoped !== undefined) return scoped;
  for (const name of ref.names ?? [ref.connector]) {
    const legacy = await store.get(legacyRecordKey(name, ref.recordNumber));
    if (legacy !== undefined) return legacy;
  }
  return undefined;
}

/**
 * The record's retry row under its site's key; one written before version 2 (no site) stands in
 * until the site writes its own, which starts from it: nothing recorded before is lost.
 */
async function retryRow(store: Store<RetryRow>, ref: StoreRef): Promise<RetryRow | undefined> {
  const row = await rowOf(store, ref);
  return row && { ...row, key: recordKey(ref), ...pick(ref) };
}

export async function recordRetry(
  db: SyncAssistDB,
  input: StoreRef & { message: string | null; at: number; overridden: boolean },
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
  input: StoreRef & { outcome: Status; at: number },
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

export async function getHistory(db: SyncAssistDB, ref: StoreRef): Promise<History> {
  const row = await retryRow(db.transaction('retries').store, ref);
  return { attempts: row?.attempts ?? [] };
}

/** The site's checklist state of the record; before the site saves one, a pre-version-2 one. */
export async function getChecklist(db: SyncAssistDB, ref: StoreRef): Promise<ChecklistRow | null> {
  return (await rowOf(db.transaction('checklist').store, ref)) ?? null;
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
