import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createEscalationHandler } from '../../lib/messaging/escalation-handler';
import { parseEscalationResponse } from '../../lib/messaging/escalation-protocol';
import type { Sender } from '../../lib/messaging/protocol';
import * as store from '../../lib/store/escalations';
import { defaultRulePack } from '../../lib/rules/default';
import { noteFailures, recordRetry, setChecklist } from '../../lib/store/history';
import type { SyncAssistDB } from '../../lib/store/db';
import { openStore, type StoreResult } from '../../lib/store/open';

const EXT = 'sync-assist-extension-id';
const ORIGIN = `chrome-extension://${EXT}/`;
const POPUP: Sender = { id: EXT, url: `${ORIGIN}popup.html` };
const DAY = 86_400_000;
const MSG = 'Customer  is missing\n on the invoice';
const SITE = 'https://acme.awra.app';
const base = { recordNumber: 'INV-1', message: MSG, connector: 'QuickBooks Online' };
const data = { recordNumber: 'INV-1', message: MSG, expectedResult: 'Invoice synced' };
const save = (extra: object = {}) => ({ type: 'escalation-save', ...base, data, ...extra });
let next = 0;

async function fresh() {
  const result = await openStore({ name: `escalation-test-${next++}` });
  if (!result.ok) throw new Error(result.reason);
  return result.db;
}

function setup(open?: () => Promise<StoreResult>, role = defaultRulePack.defaultRole) {
  const clock = { now: 1000 * DAY };
  const name = `escalation-handler-test-${next++}`;
  const openSpy = vi.fn(open ?? (() => openStore({ name })));
  const deps = { extensionId: EXT, extensionOrigin: ORIGIN, now: () => clock.now };
  const settings = async () => ({ pack: defaultRulePack, role });
  const handle = createEscalationHandler({ ...deps, openStore: openSpy, settings });
  const ask = (message: unknown, sender: Sender = POPUP) => handle(message, sender);
  return { clock, openSpy, ask };
}

describe('escalation store', () => {
  it('saves, lists newest first, gets, adds notes and deletes', async () => {
    const db = await fresh();
    const a = await store.saveEscalation(db, { ...base, data }, 10);
    const b = await store.saveEscalation(db, { ...base, recordNumber: 'INV-2', data }, 30);
    const c = await store.saveEscalation(db, { ...base, connector: null, data: [1] }, 20);
    expect((await store.listEscalations(db)).map((e) => e.id)).toEqual([b, c, a]);
    expect((await store.listEscalations(db, { limit: 2 })).map((e) => e.id)).toEqual([b, c]);
    const row = { id: a, createdAt: 10, updatedAt: 10, ...base, data, notes: [] };
    expect(await store.getEscalation(db, a)).toEqual(row);
    const note = { at: 50, text: 'Called support' };
    const updated = { ...row, updatedAt: 50, notes: [note] };
    expect(await store.addNote(db, a, note.text, 50)).toEqual(updated);
    expect((await store.getEscalation(db, a))?.notes).toHaveLength(1);
    expect(await store.addNote(db, 999, 'x', 50)).toBeNull();
    expect(await store.deleteEscalation(db, a)).toBe(true);
    expect(await store.deleteEscalation(db, a)).toBe(false);
    expect(await store.getEscalation(db, a)).toBeNull();
    expect(await store.deleteAll(db)).toBe(2);
    expect(await store.listEscalations(db)).toEqual([]);
  });

  it('finds the newest escalation of the same record and message within the window', async () => {
    const db = await fresh();
    await store.saveEscalation(db, { ...base, data }, 100);
    const newer = await store.saveEscalation(db, { ...base, data }, 200);
    await store.saveEscalation(db, { ...base, recordNumber: 'INV-2', data }, 300);
    await store.saveEscalation(db, { ...base, message: 'Other', data }, 300);
    const found = await store.findRecent(db, ' INV-1', ' Customer is missing on\tthe invoice ', 0);
    expect(found?.id).toBe(newer);
    expect((await store.findRecent(db, 'INV-1', MSG, 150))?.id).toBe(newer);
    expect(await store.findRecent(db, 'INV-1', MSG, 201)).toBeNull();
    expect(await store.findRecent(db, 'INV-1', 'Customer is missing', 0)).toBeNull();
  });

  it('prunes escalations created before the cutoff', async () => {
    const db = await fresh();
    await store.saveEscalation(db, { ...base, data }, 10);
    const kept = await store.saveEscalation(db, { ...base, data }, 20);
    expect(await store.pruneEscalations(db, 20)).toBe(1);
    expect((await store.listEscalations(db)).map((e) => e.id)).toEqual([kept]);
  });
});

describe('escalation handler', () => {
  it('answers every request from the popup and prunes on open', async () => {
    const old = await fresh(); // retention: an escalation 91 days old goes on first open
    await store.saveEscalation(old, { ...base, data }, 1000 * DAY - 91 * DAY);
    const { ask, clock } = setup(async () => ({ ok: true, db: old }));
    expect(await ask({ type: 'escalation-list' })).toEqual({ available: true, items: [] });
    const saved = parseEscalationResponse('escalation-save', await ask(save()));
    const id = saved?.available ? saved.id : -1;
    expect(id).toBeGreaterThan(0);
    clock.now += DAY - 1;
    const recent = { type: 'escalation-find-recent', recordNumber: 'INV-1', message: MSG };
    expect(await ask(recent)).toMatchObject({ available: true, item: { id, data } });
    clock.now += 2;
    expect(await ask(recent)).toEqual({ available: true, item: null });
    const noted = await ask({ type: 'escalation-add-note', id, text: '  Retried once ' });
    expect(noted).toMatchObject({ item: { notes: [{ text: 'Retried once' }] } });
    expect(parseEscalationResponse('escalation-add-note', noted)).not.toBeNull();
    const listed = await ask({ type: 'escalation-list' });
    expect(parseEscalationResponse('escalation-list', listed)).toMatchObject({ items: [{ id }] });
    expect(await ask({ type: 'escalation-get', id })).toMatchObject({ item: { id } });
    const deleted = { available: true, deleted: true };
    expect(await ask({ type: 'escalation-delete', id })).toEqual(deleted);
    await ask(save());
    expect(await ask({ type: 'escalation-delete-all' })).toEqual({ available: true, deleted: 1 });
  });

  it("tells the popup the overlay's retries and ticked checks for a record", async () => {
    const name = `escalation-record-state-${next++}`;
    const opened = await openStore({ name });
    if (!opened.ok) throw new Error(opened.reason);
    const ref = { site: SITE, connector: 'QuickBooks Online', recordNumber: 'INV-7' };
    await recordRetry(opened.db, { ...ref, message: MSG, at: 1, overridden: false });
    await recordRetry(opened.db, { ...ref, message: MSG, at: 2, overridden: true });
    await setChecklist(opened.db, {
      ...ref,
      ticks: ['read-message'],
      collapsed: false,
      dismissed: false,
      at: 3,
    });
    const { ask } = setup(() => openStore({ name }));
    const state = await ask({ type: 'escalation-record-state', ...ref });
    expect(parseEscalationResponse('escalation-record-state', state)).toEqual({
      available: true,
      retries: 2,
      checksTicked: ['read-message'],
      trigger: null,
    });
    const none = { available: true, retries: 0, checksTicked: [], trigger: null };
    const other = await ask({ type: 'escalation-record-state', ...ref, recordNumber: 'INV-8' });
    expect(other).toEqual(none);
    // Another AWRA site's record of the same connector and number is another record.
    const otherSite = { ...ref, site: 'https://globex.awra.app' };
    expect(await ask({ type: 'escalation-record-state', ...otherSite })).toEqual(none);
  });

  it.each(['', 'acme.awra.app', 'https://acme.awra.app/', 'file:///x', 'https://a.app/sync'])(
    'refuses a record state asked for the site %j (not an http(s) origin)',
    async (site) => {
      const { ask } = setup();
      const ref = { connector: 'QuickBooks Online', recordNumber: 'INV-7' };
      expect(await ask({ type: 'escalation-record-state', site, ...ref })).toBeUndefined();
    },
  );

  // The popup opened from the toolbar preselects "Why escalate" as the overlay's card would.
  describe('names the escalation trigger the overlay would, from what the page shows', () => {
    const ref = { site: SITE, connector: 'QuickBooks Online', recordNumber: 'INV-9' };
    const shown = (extra: object = {}) => ({
      status: 'failed',
      message: MSG,
      messageType: 'mapping-missing',
      retryCount: 0,
      pageFailures: 1,
      ...extra,
    });
    const trigger = async (extra: object, prepare?: (db: SyncAssistDB) => Promise<unknown>) => {
      const name = `escalation-trigger-${next++}`;
      const opened = await openStore({ name });
      if (!opened.ok) throw new Error(opened.reason);
      await prepare?.(opened.db);
      const { ask } = setup(() => openStore({ name }));
      const state = await ask({ type: 'escalation-record-state', ...ref, shown: shown(extra) });
      return (parseEscalationResponse('escalation-record-state', state) as { trigger: unknown })
        .trigger;
    };

    it('none for a first failure', async () => {
      expect(await trigger({})).toBeNull();
    });
    it('the retry limit when AWRA already shows a retry with the same message', async () => {
      expect(await trigger({ retryCount: 1 })).toBe('retry-limit-exceeded');
    });
    it("the retry limit when the overlay's history holds an override", async () => {
      expect(
        await trigger({}, (db) =>
          recordRetry(db, { ...ref, message: MSG, at: 1, overridden: true }),
        ),
      ).toBe('retry-limit-exceeded');
    });
    it('none once the record succeeded', async () => {
      expect(await trigger({ status: 'succeeded', retryCount: 3 })).toBeNull();
    });
    it('connector-wide from the failures seen lately, or from the page', async () => {
      const records = ['INV-1', 'INV-2', 'INV-3', 'INV-4', 'INV-5'].map((recordNumber) => ({
        connector: ref.connector,
        recordNumber,
        message: MSG,
        messageType: 'mapping-missing' as const,
      }));
      expect(await trigger({}, (db) => noteFailures(db, SITE, records, 1000 * DAY))).toBe(
        'connector-wide',
      );
      expect(await trigger({}, (db) => noteFailures(db, SITE, records, 1))).toBeNull(); // long ago
      // Another site's failures are not this site's connector trouble.
      const elsewhere = (db: SyncAssistDB) =>
        noteFailures(db, 'https://globex.awra.app', records, 1000 * DAY);
      expect(await trigger({}, elsewhere)).toBeNull();
      expect(await trigger({ pageFailures: 5 })).toBe('connector-wide');
    });
  });

  it('answers our popup page opened in a tab (its URL is still in our origin)', async () => {
    const { ask } = setup();
    const listed = await ask({ type: 'escalation-list' }, { ...POPUP, tab: { id: 7 } });
    expect(listed).toMatchObject({ available: true, items: [] });
  });

  it.each([
    ['a content script (tab)', { id: EXT, tab: { id: 7 }, url: 'https://acme.awraops.com/' }],
    ['another extension', { id: 'other-extension', url: 'chrome-extension://other/popup.html' }],
    ['another origin with our id', { id: EXT, url: 'chrome-extension://other/popup.html' }],
    ['a web page', { url: 'https://evil.example/' }],
    ['no url', { id: EXT }],
  ])('gives no answer to %s', (_, sender) => {
    const { ask, openSpy } = setup();
    expect(ask({ type: 'escalation-list' }, sender as Sender)).toBeUndefined();
    expect(ask({ type: 'escalation-delete-all' }, sender as Sender)).toBeUndefined();
    expect(openSpy).not.toHaveBeenCalled();
  });

  it.each([
    ['a store request', { type: 'get-record-state', connector: 'Q', recordNumber: 'INV-1' }],
    ['an unknown type', { type: 'escalation-drop' }],
    ['a record state without connector', { type: 'escalation-record-state', recordNumber: 'I' }],
    [
      'a record state with an unknown status',
      {
        type: 'escalation-record-state',
        connector: 'Q',
        recordNumber: 'I',
        shown: {
          status: 'exploded',
          message: null,
          messageType: null,
          retryCount: 0,
          pageFailures: 1,
        },
      },
    ],
    ['an extra key', { type: 'escalation-delete-all', all: true }],
    ['a bad id', { type: 'escalation-get', id: 1.5 }],
    ['a blank message', save({ message: ' \n ' })],
    ['a blank record number', save({ recordNumber: '  ' })],
    ['a long message', save({ message: 'x'.repeat(10_001) })],
    ['no data', { type: 'escalation-save', ...base }],
    ['data over 200 kB', save({ data: { text: 'x'.repeat(200_000) } })],
    ['a blank note', { type: 'escalation-add-note', id: 1, text: '   ' }],
    ['a list limit too large', { type: 'escalation-list', limit: 1_000_000 }],
    ['not an object', 'escalation-list'],
  ])('gives no answer to %s', (_, message) => {
    expect(setup().ask(message)).toBeUndefined();
  });

  it('answers available:false when IndexedDB is unavailable, and reopens later', async () => {
    const reason = 'IndexedDB is not available.';
    const { ask, clock, openSpy } = setup(async () => ({ ok: false, code: 'unavailable', reason }));
    expect(await ask(save())).toEqual({ available: false, reason });
    expect(await ask({ type: 'escalation-list' })).toEqual({ available: false, reason });
    expect(openSpy).toHaveBeenCalledOnce();
    clock.now += 2 * 60_000;
    await ask({ type: 'escalation-get', id: 1 });
    expect(openSpy).toHaveBeenCalledTimes(2);
    const rejecting = setup(() => Promise.reject(new DOMException('gone', 'UnknownError')));
    const answer = parseEscalationResponse('escalation-delete-all', await rejecting.ask(save()));
    expect(answer).toEqual({ available: false, reason: expect.stringContaining('gone') });
  });
});
