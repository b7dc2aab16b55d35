// @vitest-environment happy-dom
// Storage failure, end to end in one process: the real overlay controller talks through the real
// runtime backend to the real background handler, whose IndexedDB (fake-indexeddb) is unavailable,
// blocked or full. The card still gives its guidance and says history is unavailable; a failed
// start never loses what earlier starts stored.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackgroundHandler } from '../../lib/messaging/background-handler';
import type { Sender } from '../../lib/messaging/protocol';
import type { RecordRef } from '../../lib/overlay/backend';
import { runtimeBackend } from '../../lib/overlay/runtime-backend';
import { DB_VERSION } from '../../lib/store/db';
import { openStore, type OpenOptions, type StoreResult } from '../../lib/store/open';
import { PAGES_DIR } from '../helpers/fixtures';
import { loadPage, runOverlay, shownHosts, until } from '../helpers/overlay-dom';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}/`;
const URL = 'https://lakeview.awraops.com/finance/qbo-sync/INV-20417';
const PAGE = readFileSync(join(PAGES_DIR, 'qbo-sync-detail-dl.html'), 'utf8');
const CONTENT_SCRIPT: Sender = { id: EXT, tab: { id: 3 }, url: URL };
const UNAVAILABLE = 'Retry history is unavailable in this browser profile; guidance still applies.';
const ref = { connector: 'QuickBooks Online', recordNumber: 'INV-20417' };
let next = 0;

/** The background as one browser start: its handler over `open`, reached by runtime messages. */
function backgroundStart(open: () => Promise<StoreResult>) {
  const handle = createBackgroundHandler({
    extensionId: EXT,
    extensionOrigin: ORIGIN,
    openStore: open,
    now: () => Date.now(),
    windowHours: 24,
  });
  const send = async (message: unknown) => handle(message, CONTENT_SCRIPT);
  return { send, backend: runtimeBackend(send) };
}

/** An indexedDB whose open() throws `error`, or returns a request that fires `event`. */
function failingFactory(event: 'onerror' | 'onblocked' | null, error?: DOMException) {
  const request: Record<string, unknown> = { error, transaction: null };
  const open = () => {
    if (!event && error) throw error;
    setTimeout(() => event && (request[event] as (e: object) => void)({ preventDefault() {} }));
    return request;
  };
  return { open } as unknown as IDBFactory;
}

const FAILURES: [string, OpenOptions | 'missing'][] = [
  ['IndexedDB missing (private mode)', 'missing'],
  ['open() throws SecurityError', { indexedDB: failingFactory(null, new DOMException('no', 'SecurityError')) }],
  ['a blocked upgrade', { indexedDB: failingFactory('onblocked') }],
  ['quota exceeded on open', { indexedDB: failingFactory('onerror', new DOMException('full', 'QuotaExceededError')) }],
  ['an open that never finishes', { indexedDB: failingFactory(null), timeoutMs: 10 }],
]; // prettier-ignore

/** The card's guidance, as the user reads it. */
function card() {
  const hosts = shownHosts().filter((h) => h.kind === 'card');
  expect(hosts).toHaveLength(1);
  return hosts[0]!;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

async function tickFirstCheck() {
  const host = document.querySelector('sync-assist-overlay')!;
  const box = host.shadowRoot!.querySelector<HTMLInputElement>('input[type=checkbox]')!;
  box.click();
  await settle();
  return host.shadowRoot!.querySelector<HTMLInputElement>('input[type=checkbox]')!.checked;
}

let stop = () => {};
afterEach(() => {
  stop();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the overlay when the store cannot be opened', () => {
  it.each(FAILURES)('%s: guidance still shows and says history is unavailable', async (_, how) => {
    if (how === 'missing') vi.stubGlobal('indexedDB', undefined);
    const { backend } = backgroundStart(() => openStore(how === 'missing' ? {} : how));
    loadPage(PAGE);
    const overlay = await runOverlay(URL, backend);
    stop = overlay.stop;
    await until(() => card().text.includes(UNAVAILABLE), 'the store answered unavailable');
    const shown = card();
    expect(shown.quote).toContain('Customer 58 is inactive');
    expect(shown.text).toMatch(/Likely cause: \S/);
    expect(shown.text).toMatch(/(What to do|Who can fix it): \S/);
    expect(shown.text).toContain('First checks');
    expect(shown.text).toContain(UNAVAILABLE);
    // The checklist still works for this visit.
    expect(await tickFirstCheck()).toBe(true);
  });
});

describe('the overlay when a write fails (quota exceeded)', () => {
  it('starts with history, then says it is unavailable when a tick cannot be saved', async () => {
    const name = `storage-failure-${next++}`;
    const { backend } = backgroundStart(() => openStore({ name }));
    let answered = 0;
    const counted = {
      ...backend,
      recordState: (record: RecordRef) => backend.recordState(record).finally(() => answered++),
    };
    loadPage(PAGE);
    const overlay = await runOverlay(URL, counted);
    stop = overlay.stop;
    await until(() => answered > 0, 'the record state was answered');
    expect(card().text).not.toContain(UNAVAILABLE);
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw quota;
    });
    expect(await tickFirstCheck()).toBe(true);
    await until(() => card().text.includes(UNAVAILABLE), 'the refused write was noticed');
    expect(card().text).toContain(UNAVAILABLE);
  });
});

describe('what is stored survives a failed start', () => {
  /** A first start that stores a retry and a tick, as the overlay would. */
  async function storeSomething(name: string) {
    const { send } = backgroundStart(() => openStore({ name }));
    await send({ type: 'record-retry', ...ref, message: 'Not mapped', overridden: false });
    await send({ type: 'set-checklist', ...ref, ticks: ['mapping'], collapsed: false, dismissed: false }); // prettier-ignore
  }
  const stateOf = async (name: string) => {
    const { send } = backgroundStart(() => openStore({ name }));
    return send({ type: 'get-record-state', ...ref });
  };

  it.each(FAILURES.filter(([, how]) => how !== 'missing'))(
    '%s, then a normal start: the retry and the tick are still there',
    async (_, how) => {
      const name = `storage-survival-${next++}`;
      await storeSomething(name);
      const failed = backgroundStart(() => openStore({ ...(how as OpenOptions), name }));
      expect(await failed.send({ type: 'get-record-state', ...ref })).toMatchObject({
        available: false,
      });
      expect(await stateOf(name)).toMatchObject({
        available: true,
        history: { attempts: [{ message: 'Not mapped', outcome: null }] },
        checklist: { ticks: ['mapping'] },
      });
    },
  );

  it('a real blocked upgrade (an old tab holds the database) gives up without touching the data', async () => {
    const name = `storage-blocked-${next++}`;
    await storeSomething(name);
    // An old copy of the extension that does not let go of its connection.
    const holder = await new Promise<IDBDatabase>((ok) => {
      const request = indexedDB.open(name, DB_VERSION);
      request.onsuccess = () => ok(request.result);
    });
    // A newer extension version upgrading the same database.
    const newer = { open: (n: string) => indexedDB.open(n, DB_VERSION + 1) } as IDBFactory;
    expect(await openStore({ name, indexedDB: newer })).toMatchObject({
      ok: false,
      code: 'blocked',
    });
    holder.close();
    await settle();
    const db = await openDB(name);
    const retries = await db.getAll('retries');
    const ticks = await db.getAll('checklist');
    db.close();
    expect(JSON.stringify(retries)).toContain('Not mapped');
    expect(JSON.stringify(ticks)).toContain('mapping');
  });

  it('a write refused for quota keeps what was stored before', async () => {
    const name = `storage-quota-${next++}`;
    await storeSomething(name);
    const { send } = backgroundStart(() => openStore({ name }));
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(
      await send({ type: 'record-retry', ...ref, message: 'Again', overridden: true }),
    ).toEqual({
      available: false,
      reason: expect.stringMatching(/no storage space/),
    });
    vi.restoreAllMocks();
    expect(await stateOf(name)).toMatchObject({
      history: { attempts: [{ message: 'Not mapped' }] },
      checklist: { ticks: ['mapping'] },
    });
  });
});
