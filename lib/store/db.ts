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
export const DB_VERSION = 2;

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

/**
 * A record's key in `retries` and `checklist`: the AWRA site (the page's origin), connector and
 * record number. An array, so it can never equal a key written before version 2, which were
 * `${connector}|${recordNumber}` strings with no site (legacyRecordKey).
 */
export type RecordKey = [site: string, connector: string, recordNumber: string];

export interface RetryRow {
  /** RecordKey; a string on rows written before version 2. */
  key: RecordKey | string;
  /** Absent on rows written before version 2. */
  site?: string;
  connector: string;
  recordNumber: string;
  /** Oldest first. */
  attempts: StoredAttempt[];
}

/** One site + connector + record + message seen failing. */
export interface FailureRow {
  /** [site, connector, recordNumber, message compared as the retry check compares]. */
  key: [string, string, string, string] | string;
  /** Absent on rows written before version 2: those are counted for no site. */
  site?: string;
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
  retries: { key: RecordKey | string; value: RetryRow };
  failures: {
    key: FailureRow['key'];
    value: FailureRow;
    indexes: { 'by-lastSeen': number; 'by-site-connector': [string, string] };
  };
  /** Out-of-line key: RecordKey (a legacy string before version 2). */
  checklist: { key: RecordKey | string; value: ChecklistRow };
  escalations: { key: number; value: EscalationRow; indexes: { 'by-createdAt': number } };
}

export type SyncAssistDB = IDBPDatabase<SyncAssistSchema>;

/**
 * One record of one AWRA site. `site` is the origin of the page the record was seen on, set by
 * the background from the message's sender (never taken from the page): two AWRA tenants on
 * their own hosts keep apart histories, and a page on one host cannot write another's.
 */
export interface RecordRef {
  site: string;
  connector: string;
  recordNumber: string;
}

/** The key shared by retries and checklist rows. */
export const recordKey = (ref: RecordRef): RecordKey => [ref.site, ref.connector, ref.recordNumber];

/**
 * The key the same record had before version 2, when history was not kept per site and the
 * connector was the name the page showed (`shown`: one of the connector's names).
 */
export const legacyRecordKey = (shown: string, recordNumber: string) => `${shown}|${recordNumber}`;

export const pick = (r: RecordRef): RecordRef => ({
  site: r.site,
  connector: r.connector,
  recordNumber: r.recordNumber,
});

type UpgradeTx = IDBPTransaction<SyncAssistSchema, StoreNames<SyncAssistSchema>[], 'versionchange'>;

/**
 * Brings the schema from `oldVersion` to DB_VERSION, one step per version. Steps only ever add
 * stores and indexes or migrate rows in place: nothing stored is dropped by an upgrade.
 */
export function upgrade(db: SyncAssistDB, oldVersion: number, tx: UpgradeTx): void {
  if (oldVersion < 1) {
    db.createObjectStore('retries', { keyPath: 'key' });
    const failures = db.createObjectStore('failures', { keyPath: 'key' });
    // Version 1's count by connector alone; replaced by the site's count in version 2.
    failures.createIndex('by-connector' as never, 'connector');
    failures.createIndex('by-lastSeen', 'lastSeen');
    db.createObjectStore('checklist');
    const escalations = db.createObjectStore('escalations', {
      keyPath: 'id',
      autoIncrement: true,
    });
    escalations.createIndex('by-createdAt', 'createdAt');
  }
  if (oldVersion < 2) {
    // History per site. Rows written before keep their keys and stay readable (lib/store/history.ts
    // reads a record's legacy row when its site has none); legacy failures have no site, so the
    // new index leaves them out of every site's counts and they age out with pruning.
    const failures = tx.objectStore('failures');
    failures.createIndex('by-site-connector', ['site', 'connector']);
    failures.deleteIndex('by-connector' as never);
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
