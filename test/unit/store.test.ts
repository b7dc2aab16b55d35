import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openVersionOne } from '../helpers/store-v1';
import type { SyncAssistDB } from '../../lib/store/db';
import * as store from '../../lib/store/history';
import { openStore, type OpenOptions } from '../../lib/store/open';

let next = 0;
async function fresh(name = `store-test-${next++}`) {
  const result = await openStore({ name });
  if (!result.ok) throw new Error(result.reason);
  return result.db;
}

const QBO = 'QuickBooks Online';
const SITE = 'https://acme.awra.app';
const OTHER_SITE = 'https://globex.awra.app';
const retry = (db: SyncAssistDB, recordNumber: string, at: number, connector = QBO, site = SITE) =>
  store.recordRetry(db, {
    site,
    connector,
    recordNumber,
    message: 'No mapping',
    at,
    overridden: at > 1,
  });
const outcome = (db: SyncAssistDB, recordNumber: string, connector = QBO, site = SITE) =>
  store.recordOutcome(db, { site, connector, recordNumber, outcome: 'failed', at: 0 });
const attempts = async (db: SyncAssistDB, recordNumber: string, connector = QBO, site = SITE) =>
  (await store.getHistory(db, { site, connector, recordNumber })).attempts;
const note = (
  db: SyncAssistDB,
  records: store.FailureInput[],
  now: number,
  since?: number,
  site = SITE,
) => store.noteFailures(db, site, records, now, since);
const count = (db: SyncAssistDB, connector: string, since: number, site = SITE) =>
  store.connectorFailureCount(db, site, connector, since);
const type = 'missing-required-field' as const;
const failure = (recordNumber: string, message = 'Customer is missing', connector = QBO) => ({
  connector,
  recordNumber,
  messageType: type,
  message,
});
const ids = async (db: SyncAssistDB) =>
  (await db.getAll('failures')).map((r) => r.recordNumber).sort();

it('records retries, then outcomes on the latest attempt without one', async () => {
  const db = await fresh();
  await retry(db, 'INV-1', 1);
  await retry(db, 'INV-1', 2);
  expect(await outcome(db, 'INV-1')).toBe(true);
  expect(await attempts(db, 'INV-1')).toEqual([
    { at: 1, message: 'No mapping', outcome: null, overridden: false },
    { at: 2, message: 'No mapping', outcome: 'failed', overridden: true },
  ]);
  expect([await outcome(db, 'INV-1'), await outcome(db, 'INV-1')]).toEqual([true, false]);
  expect(await outcome(db, 'INV-1', 'Paystack')).toBe(false);
  expect(await attempts(db, 'INV-1', 'Paystack')).toEqual([]);
});

it('keeps the latest MAX_ATTEMPTS attempts, across a reopen', async () => {
  const name = `store-test-${next++}`;
  const db = await fresh(name);
  for (let at = 0; at < store.MAX_ATTEMPTS + 5; at++) await retry(db, 'INV-1', at);
  db.close();
  const kept = await attempts(await fresh(name), 'INV-1');
  expect([kept.length, kept[0]?.at]).toEqual([store.MAX_ATTEMPTS, 5]);
});

it('counts distinct failing records per connector within the window', async () => {
  const db = await fresh();
  const now = 1000; // hours, say
  await note(db, [failure('INV-0'), failure('INV-1')], now - 30);
  await note(db, [failure('INV-2'), failure('INV-3')], now);
  await note(db, [failure('INV-1', 'Other'), failure('P-1', 'x', 'Paystack')], now);
  expect(await count(db, QBO, now - 24)).toBe(3);
  expect(await count(db, QBO, now - 31)).toBe(4);
  expect(await count(db, 'Paystack', now - 24)).toBe(1);
  expect(await count(db, 'Stripe', 0)).toBe(0);
});

it('keeps firstSeen, one row per message, failing statuses only', async () => {
  const db = await fresh();
  const later = 10 + store.FRESH_MS + 1;
  await note(db, [failure('INV-1', 'Customer  is missing')], 10);
  await note(db, [failure('INV-1', ' Customer is missing\n')], later);
  expect(await db.getAll('failures')).toMatchObject([{ firstSeen: 10, lastSeen: later }]);
  const statuses = ['failed', 'needs-attention', 'succeeded', null] as const;
  const records = statuses.map((status, i) => ({ ...failure(`S-${i}`), status }));
  await note(db, records, 30);
  expect(await ids(db)).toEqual(['INV-1', 'S-0', 'S-1']);
});

it('does not rewrite a failure noted within FRESH_MS, and still counts it', async () => {
  const db = await fresh();
  await note(db, [failure('INV-1'), failure('INV-2')], 1000);
  const counts = await note(
    db,
    [failure('INV-2'), failure('INV-3'), failure('P-1', 'x', 'Paystack')],
    1000 + store.FRESH_MS,
    1000,
  );
  expect(counts).toEqual({ [QBO]: 3, Paystack: 1 });
  const rows = await db.getAll('failures');
  expect(rows.map((r) => [r.recordNumber, r.lastSeen])).toEqual([
    ['P-1', 1000 + store.FRESH_MS],
    ['INV-1', 1000],
    ['INV-2', 1000],
    ['INV-3', 1000 + store.FRESH_MS],
  ]);
  // Past the window's start, only what this batch names counts.
  expect(await note(db, [failure('INV-3')], 2000 + store.FRESH_MS, 1500)).toEqual({
    [QBO]: 1,
  });
});

it('prunes failures last seen before the cutoff', async () => {
  const db = await fresh();
  await note(db, [failure('OLD-1'), failure('OLD-2')], 1000);
  await note(db, [failure('EDGE')], 2000);
  await note(db, [failure('NEW')], 3000);
  expect(await store.pruneOlderThan(db, 2000)).toBe(2);
  expect(await ids(db)).toEqual(['EDGE', 'NEW']);
});

it('checklist state round-trips per record', async () => {
  const db = await fresh();
  const ref = { site: SITE, connector: QBO, recordNumber: 'INV-1' };
  expect(await store.getChecklist(db, ref)).toBeNull();
  const state = { ticks: ['customer', 'tax', 'customer'], collapsed: true, dismissed: false };
  await store.setChecklist(db, { ...ref, ...state, at: 42 });
  const saved = await store.getChecklist(db, ref);
  expect(saved).toEqual({ ...state, ticks: ['customer', 'tax'], updatedAt: 42 });
  expect(await store.getChecklist(db, { ...ref, connector: 'Paystack' })).toBeNull();
  expect(await store.getChecklist(db, { ...ref, site: OTHER_SITE })).toBeNull();
});

it("keeps each site's history, checklist and failure counts apart", async () => {
  const db = await fresh();
  await retry(db, 'INV-1', 1, QBO, OTHER_SITE);
  expect(await attempts(db, 'INV-1')).toEqual([]);
  await retry(db, 'INV-1', 2);
  expect(await outcome(db, 'INV-1', QBO, OTHER_SITE)).toBe(true);
  expect((await attempts(db, 'INV-1')).map((a) => [a.at, a.outcome])).toEqual([[2, null]]);
  await note(db, [failure('INV-1'), failure('INV-2')], 10, undefined, OTHER_SITE);
  expect(await note(db, [failure('INV-3')], 10)).toEqual({ [QBO]: 1 });
  expect([await count(db, QBO, 0), await count(db, QBO, 0, OTHER_SITE)]).toEqual([1, 2]);
});

/** A database as version 1 wrote it (history not per site), with one of each row. */
async function versionOne(name: string) {
  const v1 = await openVersionOne(name);
  const ref = { connector: QBO, recordNumber: 'INV-1' };
  const attempt = { at: 1, message: 'No mapping', outcome: null, overridden: false };
  await v1.put('retries', { key: `${QBO}|INV-1`, ...ref, attempts: [attempt] });
  const ticks = { ticks: ['mapping'], collapsed: false, dismissed: false, updatedAt: 1 };
  await v1.put('checklist', ticks, `${QBO}|INV-1`);
  // Version 1 kept the connector's name as the page showed it: "QBO" on an invoice's log.
  await v1.put('retries', {
    key: 'QBO|INV-5',
    connector: 'QBO',
    recordNumber: 'INV-5',
    attempts: [attempt],
  });
  await v1.put('checklist', ticks, 'QBO|INV-5');
  const seen = { messageType: null, message: 'x', firstSeen: 5, lastSeen: 5 };
  await v1.put('failures', { key: `${QBO}|INV-1|x`, ...ref, ...seen });
  await v1.add('escalations', { createdAt: 1, recordNumber: 'INV-1', message: 'x' });
  v1.close();
  return { attempt, ticks };
}

it('upgrades a version 1 database without losing anything stored', async () => {
  const name = `store-test-${next++}`;
  const { attempt, ticks } = await versionOne(name);
  const db = await fresh(name);
  // Written before history was kept per site: any site reads it until it writes its own.
  expect(await attempts(db, 'INV-1')).toEqual([attempt]);
  expect(
    await store.getChecklist(db, { site: SITE, connector: QBO, recordNumber: 'INV-1' }),
  ).toEqual(ticks);
  // The site's first retry continues the history it read, and the old row stays as it was.
  await retry(db, 'INV-1', 2);
  expect((await attempts(db, 'INV-1')).map((a) => a.at)).toEqual([1, 2]);
  expect((await attempts(db, 'INV-1', QBO, OTHER_SITE)).map((a) => a.at)).toEqual([1]);
  expect(await outcome(db, 'INV-1', QBO, OTHER_SITE)).toBe(true);
  expect((await attempts(db, 'INV-1')).map((a) => a.outcome)).toEqual([null, null]);
  // Under whichever of the connector's names it was kept.
  const inv5 = { site: SITE, connector: QBO, recordNumber: 'INV-5' };
  const names = [QBO, 'QuickBooks', 'QBO'];
  expect((await store.getHistory(db, { ...inv5, names })).attempts).toEqual([attempt]);
  expect(await store.getChecklist(db, { ...inv5, names })).toEqual(ticks);
  expect((await store.getHistory(db, inv5)).attempts).toEqual([]);
  // Old failures are kept (pruned with age) but counted for no site; escalations are untouched.
  expect(await db.count('failures')).toBe(1);
  expect(await count(db, QBO, 0)).toBe(0);
  expect(await db.count('escalations')).toBe(1);
  expect([...db.transaction('failures').store.indexNames].sort()).toEqual([
    'by-lastSeen',
    'by-site-connector',
  ]);
});

/** An indexedDB whose open() throws `error`, or returns a request that fires `event` with it. */
function fakeFactory(event: string | null, error?: DOMException) {
  const request: Record<string, unknown> = { error, transaction: null };
  const fire = (name: string) => (request[name] as (e: object) => void)({ preventDefault() {} });
  const open = () => {
    if (!event && error) throw error;
    setTimeout(() => event && fire(event));
    return request;
  };
  return { factory: { open } as unknown as IDBFactory, request, fire };
}
const denied = fakeFactory(null, new DOMException('denied', 'SecurityError')).factory;
const full = fakeFactory('onerror', new DOMException('full', 'QuotaExceededError')).factory;
const blocked = fakeFactory('onblocked').factory;
const hangs = fakeFactory(null).factory;

describe('a failed open never throws and never deletes', () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each<[string, OpenOptions, string, RegExp]>([
    ['an open() that throws', { indexedDB: denied }, 'unavailable', /not available.*denied/],
    ['a quota error', { indexedDB: full }, 'quota', /no storage space/],
    ['a blocked upgrade', { indexedDB: blocked }, 'blocked', /blocking a database upgrade/],
    ['an open that hangs', { indexedDB: hangs, timeoutMs: 20 }, 'timeout', /in time/],
  ])('%s gives ok:false with a reason', async (_, options, code, reason) => {
    const result = await openStore(options);
    expect(result).toMatchObject({ ok: false, code, reason: expect.stringMatching(reason) });
  });

  it('reports a missing IndexedDB', async () => {
    vi.stubGlobal('indexedDB', undefined);
    expect(await openStore()).toMatchObject({ ok: false, code: 'unavailable' });
  });

  it('closes a connection that arrives after a blocked open gave up', async () => {
    const { factory, request, fire } = fakeFactory('onblocked');
    await openStore({ indexedDB: factory });
    request.result = { close: vi.fn() };
    fire('onsuccess');
    expect((request.result as { close: () => void }).close).toHaveBeenCalledOnce();
  });

  it('leaves a newer database and its data untouched', async () => {
    const name = `store-test-${next++}`;
    const old = await openDB(name, 5, {
      upgrade: (db) => db.createObjectStore('keep').put('kept', 'k'),
    });
    old.close();
    expect(await openStore({ name })).toMatchObject({ ok: false, code: 'version' });
    const again = await openDB(name);
    expect([again.version, await again.get('keep', 'k')]).toEqual([5, 'kept']);
  });
});
