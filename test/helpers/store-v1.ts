import { openDB, type IDBPDatabase } from 'idb';

/**
 * Opens a database as version 1 of the extension created it (history not kept per site, one
 * failures index by connector alone), for tests of the upgrade to later versions.
 */
export function openVersionOne(name: string): Promise<IDBPDatabase> {
  return openDB(name, 1, {
    upgrade(db) {
      db.createObjectStore('retries', { keyPath: 'key' });
      const failures = db.createObjectStore('failures', { keyPath: 'key' });
      failures.createIndex('by-connector', 'connector');
      failures.createIndex('by-lastSeen', 'lastSeen');
      db.createObjectStore('checklist');
      db.createObjectStore('escalations', { keyPath: 'id', autoIncrement: true }).createIndex(
        'by-createdAt',
        'createdAt',
      );
    },
  });
}
