/**
 * The extension's own database (IndexedDB through idb).
 *
 * IndexedDB is opened ONLY in the extension's origin: the background service worker and extension
 * pages (popup, options). Never open it from a content script: there it would belong to the AWRA
 * page's origin, where the page's own scripts could read and change it. Content scripts reach this
 * data through runtime messages (lib/messaging/store-protocol.ts) answered by the background.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { MessageType, Status } from '../analyze/types';

export const DB_NAME = 'sync-assist';
export const DB_VERSION = 1;

/** One retry made through the overlay. */
export interface StoredAttempt {
  /** Epoch milliseconds of the click. */
  at: number;
  /** The message visible when the user clicked retry. */
  message: string | null;
  /** The record's status after the retry; null until it is known. */
  outcome: Status | null;
  /** The user chose "retry anyway" past the limit. */
  overridden: boolean;
}

export interface RetryRow {
  key: string;
  connector: string;
  recordNumber: string;
  /** Oldest first. */
  attempts: StoredAttempt[];
}

/** One connector + record + message seen failing. */
export interface FailureRow {
  key: string;
  connector: string;
  recordNumber: string;
  messageType: MessageType | null;
  message: string | null;
  firstSeen: number;
  lastSeen: number;
}

export interface ChecklistRow {
  ticks: string[];
  collapsed: boolean;
  dismissed: boolean;
  updatedAt: number;
}

/** Saved escalations (the popup issue owns the rest of the shape). */
export interface EscalationRow {
  id?: number;
  createdAt: number;
  recordNumber: string | null;
  message: string | null;
  [field: string]: unknown;
}

export interface SyncAssistSchema extends DBSchema {
  retries: { key: string; value: RetryRow };
  failures: {
    key: string;
    value: FailureRow;
    indexes: { 'by-connector': string; 'by-lastSeen': number };
  };
  /** Out-of-line key: `${connector}|${recordNumber}`. */
  checklist: { key: string; value: ChecklistRow };
  escalations: { key: number; value: EscalationRow; indexes: { 'by-createdAt': number } };
}

export type SyncAssistDB = IDBPDatabase<SyncAssistSchema>;

export interface RecordRef {
  connector: string;
  recordNumber: string;
}

/** The key shared by retries and checklist rows. */
export const recordKey = (connector: string, recordNumber: string) =>
  `${connector}|${recordNumber}`;

export const pick = (r: RecordRef): RecordRef => ({
  connector: r.connector,
  recordNumber: r.recordNumber,
});

type UpgradeTx = IDBPTransaction<SyncAssistSchema, StoreNames<SyncAssistSchema>[], 'versionchange'>;

/**
 * Brings the schema from `oldVersion` to DB_VERSION, one step per version. Steps only ever add
 * stores and indexes or migrate rows in place: nothing stored is dropped by an upgrade.
 */
export function upgrade(db: SyncAssistDB, oldVersion: number, _tx: UpgradeTx): void {
  if (oldVersion < 1) {
    db.createObjectStore('retries', { keyPath: 'key' });
    const failures = db.createObjectStore('failures', { keyPath: 'key' });
    failures.createIndex('by-connector', 'connector');
    failures.createIndex('by-lastSeen', 'lastSeen');
    db.createObjectStore('checklist');
    const escalations = db.createObjectStore('escalations', {
      keyPath: 'id',
      autoIncrement: true,
    });
    escalations.createIndex('by-createdAt', 'createdAt');
  }
}

type WriteTx = IDBPTransaction<SyncAssistSchema, StoreNames<SyncAssistSchema>[], 'readwrite'>;

/** Runs `work` in one readwrite transaction and waits until it has committed. */
export async function write<T>(
  db: SyncAssistDB,
  stores: StoreNames<SyncAssistSchema>[],
  work: (tx: WriteTx) => Promise<T>,
): Promise<T> {
  const tx = db.transaction(stores, 'readwrite');
  const done = tx.done;
  done.catch(() => undefined); // observed below; avoids an unhandled rejection if work throws
  try {
    const result = await work(tx);
    await done;
    return result;
  } catch (error) {
    try {
      tx.abort(); // keep the transaction all-or-nothing
    } catch {
      // already finished or aborted
    }
    throw error;
  }
}
