/** Opening the database without ever throwing to callers or deleting what is stored. */
import { wrap } from 'idb';
import { DB_NAME, DB_VERSION, upgrade, type SyncAssistDB } from './db';

export type StoreFailure = 'unavailable' | 'blocked' | 'quota' | 'version' | 'timeout' | 'error';

export type StoreResult =
  { ok: true; db: SyncAssistDB } | { ok: false; code: StoreFailure; reason: string };

export interface OpenOptions {
  /** Defaults to the global indexedDB (absent in some private modes and restricted contexts). */
  indexedDB?: IDBFactory;
  name?: string;
  /** Give up waiting for an open that neither succeeds nor fails. */
  timeoutMs?: number;
}

const REASONS: Record<StoreFailure, string> = {
  unavailable:
    'IndexedDB is not available to the extension right now (private browsing, storage disabled, or the database was closed).',
  blocked:
    'Another open copy of the extension (an old tab or window) is blocking a database upgrade; close it or restart the browser.',
  quota: 'The browser has no storage space left for the extension.',
  version: 'The stored history was written by a newer version of the extension.',
  timeout: 'The browser did not open the extension database in time.',
  error: 'The extension database could not be opened.',
};

const reasonFor = (code: StoreFailure, detail?: string) =>
  detail ? `${REASONS[code]} (${detail})` : REASONS[code];

const failure = (code: StoreFailure): StoreResult => ({ ok: false, code, reason: REASONS[code] });

const field = (error: unknown, key: 'name' | 'message') =>
  typeof error === 'object' &&
  error !== null &&
  typeof (error as Record<string, unknown>)[key] === 'string'
    ? ((error as Record<string, unknown>)[key] as string)
    : '';

/** A clear reason for a storage error (open or write). */
export function describeStorageError(error: unknown): { code: StoreFailure; reason: string } {
  const name = field(error, 'name');
  const code: StoreFailure =
    name === 'QuotaExceededError'
      ? 'quota'
      : name === 'VersionError'
        ? 'version'
        : name === 'SecurityError' || name === 'InvalidStateError'
          ? 'unavailable'
          : 'error';
  const detail = [name, field(error, 'message')].filter(Boolean).join(': ').slice(0, 300);
  return { code, reason: reasonFor(code, detail || undefined) };
}

/**
 * Opens (creating or upgrading) the extension database. Resolves `{ ok: false, reason }` when
 * IndexedDB is unavailable, the upgrade is blocked, quota is exhausted or the open fails; never
 * rejects and never deletes the database, so a later start finds everything stored before.
 */
export function openStore(options: OpenOptions = {}): Promise<StoreResult> {
  const factory = options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!factory) return Promise.resolve(failure('unavailable'));
  let request: IDBOpenDBRequest;
  try {
    request = factory.open(options.name ?? DB_NAME, DB_VERSION);
  } catch (error) {
    return Promise.resolve({ ok: false, ...describeStorageError(error) });
  }
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: StoreResult) => {
      if (settled) {
        // A late success after we gave up (blocked, timeout): release the connection.
        if (result.ok) result.db.close();
        return;
      }
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => finish(failure('timeout')), options.timeoutMs ?? 10_000);
    request.onupgradeneeded = (event) => {
      const tx = request.transaction;
      if (!tx) return;
      try {
        upgrade(
          wrap(request.result) as unknown as SyncAssistDB,
          event.oldVersion,
          wrap(tx) as never,
        );
      } catch {
        tx.abort(); // the open then fails with AbortError; the old version stays as it was
      }
    };
    request.onblocked = () => finish(failure('blocked'));
    request.onerror = (event) => {
      event.preventDefault();
      finish({ ok: false, ...describeStorageError(request.error) });
    };
    request.onsuccess = () => {
      const raw = request.result;
      // Never hold up a newer version of the extension that needs to upgrade the schema.
      raw.onversionchange = () => raw.close();
      finish({ ok: true, db: wrap(raw) as unknown as SyncAssistDB });
    };
  });
}
