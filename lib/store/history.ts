/** Retry history, failures seen and checklist state, over the extension database. */
import type { Status } from '../analyze/types';
import {
  pick,
  recordKey,
  write,
  type ChecklistRow,
  type RecordRef,
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

export async function recordRetry(
  db: SyncAssistDB,
  input: RecordRef & { message: string | null; at: number; overridden: boolean },
): Promise<History> {
  const key = recordKey(input.connector, input.recordNumber);
  return write(db, ['retries'], async (tx) => {
    const store = tx.objectStore('retries');
    const row = (await store.get(key)) ?? { key, ...pick(input), attempts: [] };
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
  const key = recordKey(input.connector, input.recordNumber);
  return write(db, ['retries'], async (tx) => {
    const store = tx.objectStore('retries');
    const row = await store.get(key);
    const open = row?.attempts.findLastIndex((attempt) => attempt.outcome === null) ?? -1;
    if (!row || open < 0) return false;
    row.attempts = row.attempts.map((a, i) => (i === open ? { ...a, outcome: input.outcome } : a));
    await store.put(row);
    return true;
  });
}

export async function getHistory(
  db: SyncAssistDB,
  connector: string,
  recordNumber: string,
): Promise<History> {
  const row = await db.get('retries', recordKey(connector, recordNumber));
  return { attempts: row?.attempts ?? [] };
}

export async function getChecklist(
  db: SyncAssistDB,
  connector: string,
  recordNumber: string,
): Promise<ChecklistRow | null> {
  return (await db.get('checklist', recordKey(connector, recordNumber))) ?? null;
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
  await db.put('checklist', row, recordKey(input.connector, input.recordNumber));
}
