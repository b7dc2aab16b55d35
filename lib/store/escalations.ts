/**
 * Saved escalations (the popup's history), over the extension database. `data` is the validated
 * escalation from lib/escalation, stored as given: this layer never reads it.
 */
import { write, type EscalationRow, type SyncAssistDB } from './db';

export const DAY_MS = 86_400_000;
/** Escalations created longer ago than this are pruned. */
export const RETENTION_DAYS = 90;
/** Notes kept per escalation (oldest dropped first). */
export const MAX_NOTES = 200;

export interface EscalationNote {
  /** Epoch milliseconds. */
  at: number;
  text: string;
}

export type StoredEscalation = {
  id: number;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
  recordNumber: string;
  /** Kept verbatim. */
  message: string;
  connector: string | null;
  data: unknown;
  /** Oldest first. */
  notes: EscalationNote[];
};

export type NewEscalation = Omit<StoredEscalation, 'id' | 'createdAt' | 'updatedAt' | 'notes'>;

/** Messages that differ only in whitespace are the same message. */
export const collapseWhitespace = (text: string) => text.replace(/\s+/gu, ' ').trim();

const stored = (row: EscalationRow) => row as StoredEscalation;

/** Adds an escalation; resolves its id. */
export async function saveEscalation(db: SyncAssistDB, input: NewEscalation, now: number) {
  const row: Omit<StoredEscalation, 'id'> = {
    createdAt: now,
    updatedAt: now,
    recordNumber: input.recordNumber,
    message: input.message,
    connector: input.connector,
    data: input.data,
    notes: [],
  };
  return db.add('escalations', row);
}

/** Newest first (by createdAt, then by id); at most `limit` when given. */
export async function listEscalations(
  db: SyncAssistDB,
  { limit = Infinity }: { limit?: number } = {},
): Promise<StoredEscalation[]> {
  const items: StoredEscalation[] = [];
  const index = db.transaction('escalations').store.index('by-createdAt');
  let cursor = await index.openCursor(null, 'prev');
  for (; cursor && items.length < limit; cursor = await cursor.continue())
    items.push(stored(cursor.value));
  return items;
}

export async function getEscalation(db: SyncAssistDB, id: number) {
  const row = await db.get('escalations', id);
  return row ? stored(row) : null;
}

/** Appends a note and resolves the updated escalation; null when there is no such escalation. */
export async function addNote(
  db: SyncAssistDB,
  id: number,
  text: string,
  now: number,
): Promise<StoredEscalation | null> {
  return write(db, ['escalations'], async (tx) => {
    const store = tx.objectStore('escalations');
    const row = await store.get(id);
    if (!row) return null;
    const item = stored(row);
    const notes = [...(item.notes ?? []), { at: now, text }].slice(-MAX_NOTES);
    const updated: StoredEscalation = { ...item, notes, updatedAt: Math.max(item.updatedAt, now) };
    await store.put(updated);
    return updated;
  });
}

/** False when there was no such escalation. */
export async function deleteEscalation(db: SyncAssistDB, id: number): Promise<boolean> {
  return write(db, ['escalations'], async (tx) => {
    const store = tx.objectStore('escalations');
    if ((await store.count(id)) === 0) return false;
    await store.delete(id);
    return true;
  });
}

/** Deletes every escalation; resolves how many there were. */
export async function deleteAll(db: SyncAssistDB): Promise<number> {
  return write(db, ['escalations'], async (tx) => {
    const store = tx.objectStore('escalations');
    const count = await store.count();
    await store.clear();
    return count;
  });
}

/**
 * The newest escalation created at or after `since` for the same record number and the same
 * message (whitespace collapsed); null when there is none.
 */
export async function findRecent(
  db: SyncAssistDB,
  recordNumber: string,
  message: string,
  since: number,
): Promise<StoredEscalation | null> {
  const record = recordNumber.trim();
  const text = collapseWhitespace(message);
  const index = db.transaction('escalations').store.index('by-createdAt');
  let cursor = await index.openCursor(IDBKeyRange.lowerBound(since), 'prev');
  for (; cursor; cursor = await cursor.continue()) {
    const row = cursor.value;
    if (typeof row.recordNumber !== 'string' || row.recordNumber.trim() !== record) continue;
    if (typeof row.message === 'string' && collapseWhitespace(row.message) === text)
      return stored(row);
  }
  return null;
}

/** Deletes escalations created before `cutoffMs`; resolves how many. */
export async function pruneEscalations(db: SyncAssistDB, cutoffMs: number): Promise<number> {
  return write(db, ['escalations'], async (tx) => {
    const index = tx.objectStore('escalations').index('by-createdAt');
    let removed = 0;
    let cursor = await index.openCursor(IDBKeyRange.upperBound(cutoffMs, true));
    for (; cursor; cursor = await cursor.continue()) {
      await cursor.delete();
      removed += 1;
    }
    return removed;
  });
}
