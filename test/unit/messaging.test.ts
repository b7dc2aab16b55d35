import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openVersionOne } from '../helpers/store-v1';
import { createBackgroundHandler } from '../../lib/messaging/background-handler';
import { isFromOwnContentScript, type Sender } from '../../lib/messaging/protocol';
import { LIMITS, parseStoreResponse } from '../../lib/messaging/store-protocol';
import { runtimeBackend } from '../../lib/overlay/runtime-backend';
import { defaultRulePack } from '../../lib/rules/default';
import { openStore, type StoreResult } from '../../lib/store/open';

const EXT = 'sync-assist-extension-id';
const ORIGIN = `chrome-extension://${EXT}/`;
const TAB: Sender = { id: EXT, tab: { id: 7 }, url: 'https://acme.awraops.com/sync-hub' };
const HOUR = 3_600_000;
const QBO = 'QuickBooks Online';
const ref = { connector: QBO, recordNumber: 'INV-20417' };
const RETRY = { message: 'No mapping', overridden: false };
const CHECKLIST = { ticks: ['mapping'], collapsed: false, dismissed: true };
const msg = (type: string, extra: object = {}) => ({ type, ...ref, ...extra });
const long = (n: number) => 'x'.repeat(n);
const FAILURE = { messageType: 'mapping-missing', message: 'No mapping for item' } as const;
const failing = (n: string, connector = QBO) => ({ ...FAILURE, connector, recordNumber: n });
const notes = (...records: object[]) => ({ type: 'note-failures', records });
let next = 0;

function setup(open?: () => Promise<StoreResult>, name = `messaging-test-${next++}`) {
  const clock = { now: 1_000 * HOUR };
  const openSpy = vi.fn(open ?? (() => openStore({ name })));
  const deps = {
    extensionId: EXT,
    extensionOrigin: ORIGIN,
    now: () => clock.now,
    windowHours: () => 24,
    connectorAliases: () => defaultRulePack.connectorAliases,
  };
  const handle = createBackgroundHandler({ ...deps, openStore: openSpy });
  const ask = (message: unknown, sender: Sender = TAB) => handle(message, sender);
  return { clock, openSpy, ask };
}

describe('background store handler: valid requests', () => {
  it('records a retry and its outcome and returns them with the record state', async () => {
    const { ask, clock } = setup();
    expect(await ask(msg('get-record-state'))).toEqual({
      available: true,
      history: { attempts: [] },
      checklist: null,
    });
    const attempt = { at: clock.now, ...RETRY, outcome: null };
    const retried = parseStoreResponse('record-retry', await ask(msg('record-retry', RETRY)));
    expect(retried).toEqual({ available: true, history: { attempts: [attempt] } });
    const outcome = await ask(msg('record-outcome', { outcome: 'failed' }));
    expect(outcome).toEqual({ available: true, updated: true });
    const state = parseStoreResponse('get-record-state', await ask(msg('get-record-state')));
    expect(state?.available && state.history.attempts).toEqual([{ ...attempt, outcome: 'failed' }]);
  });

  it('notes failures and counts distinct records per connector within the window', async () => {
    const { ask, clock } = setup();
    await ask(notes(failing('INV-1'), failing('INV-2')));
    clock.now += 25 * HOUR;
    const answer = await ask(
      notes(failing('INV-2'), failing('INV-3'), failing('INV-3'), failing('PAY-1', 'Paystack')),
    );
    expect(answer).toEqual({ available: true, connectorFailures: { [QBO]: 2, Paystack: 1 } });
    // Noted again a minute later: nothing is rewritten, the count is the same.
    clock.now += 60_000;
    expect(await ask(notes(failing('INV-3')))).toEqual({
      available: true,
      connectorFailures: { [QBO]: 2 },
    });
  });

  it('saves the checklist state and accepts the longest allowed strings', async () => {
    const { ask, clock } = setup();
    expect(await ask(msg('set-checklist', CHECKLIST))).toEqual({ available: true });
    const state = await ask(msg('get-record-state'));
    expect(state).toMatchObject({ checklist: { ...CHECKLIST, updatedAt: clock.now } });
    const big = { connector: long(200), recordNumber: long(200), message: long(10_000) };
    expect(await ask(msg('record-retry', { ...RETRY, ...big }))).toMatchObject({ available: true });
  });

  it('finds history kept before it was per site, under any name of the connector', async () => {
    const name = `messaging-test-${next++}`;
    // Version 1 of the database, as an invoice's sync log showing "QBO" left it.
    const v1 = await openVersionOne(name);
    const attempt = { at: 1, message: 'No mapping', outcome: null, overridden: false };
    const row = { key: 'QBO|INV-20417', connector: 'QBO', recordNumber: 'INV-20417' };
    await v1.put('retries', { ...row, attempts: [attempt] });
    v1.close();
    const { ask } = setup(undefined, name);
    // The overlay asks under the connector's name in the pack, whatever the page showed.
    const state = parseStoreResponse('get-record-state', await ask(msg('get-record-state')));
    expect(state?.available && state.history.attempts).toEqual([attempt]);
  });

  it("keeps each AWRA site's records apart: the site is the sender page's origin", async () => {
    const { ask } = setup();
    // Another tenant's page (or a hostile page on another gated host) asks about the same record.
    const other: Sender = { ...TAB, url: 'https://globex.awraops.com/sync-hub' };
    const samePlace: Sender = { ...TAB, url: 'https://acme.awraops.com/invoices/INV-20417?x=1' };
    await ask(msg('record-retry', RETRY), other);
    await ask(msg('set-checklist', CHECKLIST), other);
    await ask(notes(failing('INV-1'), failing('INV-2')), other);
    expect(await ask(msg('get-record-state'))).toEqual({
      available: true,
      history: { attempts: [] },
      checklist: null,
    });
    expect(await ask(notes(failing('INV-3')))).toMatchObject({ connectorFailures: { [QBO]: 1 } });
    // The same site on another page is the same site.
    await ask(msg('record-retry', RETRY));
    const state = parseStoreResponse(
      'get-record-state',
      await ask(msg('get-record-state'), samePlace),
    );
    expect(state?.available && state.history.attempts.length).toBe(1);
    expect(await ask(notes(failing('INV-4')), other)).toMatchObject({
      connectorFailures: { [QBO]: 3 },
    });
  });
});

describe('background store handler: rejected requests get no answer', () => {
  it.each([
    ['null', null],
    ['a string', 'get-record-state'],
    ['an array', [msg('get-record-state')]],
    ['an unknown type', { type: 'drop-database' }],
    ['the content script request', { type: 'get-analysis' }],
    ['a missing field', { type: 'get-record-state', connector: QBO }],
    ['an extra field', msg('get-record-state', { admin: true })],
    ['a wrong type', msg('record-retry', { ...RETRY, message: 5 })],
    ['a bad outcome', msg('record-outcome', { outcome: 'exploded' })],
    ['an empty record number', msg('get-record-state', { recordNumber: '' })],
    ['a 201-char record number', msg('get-record-state', { recordNumber: long(201) })],
    ['a 201-char connector', msg('get-record-state', { connector: long(201) })],
    ['a 10,001-char message', msg('record-retry', { ...RETRY, message: long(10_001) })],
    ['5,001 failures', notes(...Array<object>(5001).fill(failing('INV-1')))],
    ['a bad message type', notes({ ...failing('INV-1'), messageType: 'weird' })],
    ['201 ticks', msg('set-checklist', { ...CHECKLIST, ticks: Array(201).fill('t') })],
  ])('%s', (_, message) => {
    const { ask, openSpy } = setup();
    expect(ask(message)).toBeUndefined();
    expect(openSpy).not.toHaveBeenCalled();
  });

  it.each([
    ['another extension', { ...TAB, id: 'other-extension' }],
    ['no sender id', { tab: { id: 7 } }],
    ['an extension page (no tab)', { id: EXT, url: `chrome-extension://${EXT}/popup.html` }],
    ['a null tab', { id: EXT, tab: null }],
    // History is kept per site: a frame with no http(s) origin has none.
    ['a tab with no URL', { id: EXT, tab: { id: 7 } }],
    ['a file: page', { ...TAB, url: 'file:///home/me/sync-hub.html' }],
    ['an about:blank frame', { ...TAB, url: 'about:blank' }],
    ['a data: frame', { ...TAB, url: 'data:text/html,<p>x' }],
  ])('from %s', (_, sender) => {
    const { ask, openSpy } = setup();
    expect(ask(msg('get-record-state'), sender as Sender)).toBeUndefined();
    expect(openSpy).not.toHaveBeenCalled();
  });

  it('isFromOwnContentScript needs our id and a tab that is not one of our pages', () => {
    expect(isFromOwnContentScript(TAB, EXT, ORIGIN)).toBe(true);
    expect(isFromOwnContentScript(TAB, '', ORIGIN)).toBe(false);
    expect(isFromOwnContentScript({ ...TAB, id: undefined }, EXT, ORIGIN)).toBe(false);
    expect(isFromOwnContentScript({ id: EXT }, EXT, ORIGIN)).toBe(false);
    expect(isFromOwnContentScript({ ...TAB, url: `${ORIGIN}popup.html` }, EXT, ORIGIN)).toBe(false);
    expect(isFromOwnContentScript(TAB, EXT, '')).toBe(false);
  });
});

describe('background store handler: store unavailable', () => {
  it('answers available:false with the reason for every request, and reopens later', async () => {
    const reason = 'The browser has no storage space left for the extension.';
    const { ask, openSpy, clock } = setup(async () => ({ ok: false, code: 'quota', reason }));
    const requests = [
      msg('get-record-state'),
      msg('record-retry', RETRY),
      msg('record-outcome', { outcome: 'failed' }),
      msg('set-checklist', CHECKLIST),
      notes(failing('INV-1')),
    ];
    for (const request of requests)
      expect(await ask(request)).toEqual({ available: false, reason });
    expect(openSpy).toHaveBeenCalledOnce();
    clock.now += 2 * 60_000;
    await ask(msg('get-record-state'));
    expect(openSpy).toHaveBeenCalledTimes(2);
  });

  it('turns a rejecting open and a closed connection into available:false', async () => {
    const rejecting = setup(() => Promise.reject(new DOMException('gone', 'UnknownError')));
    const unavailable = { available: false, reason: expect.any(String) };
    expect(await rejecting.ask(msg('get-record-state'))).toEqual(unavailable);
    const result = await openStore({ name: `messaging-test-${next++}` });
    const closing = setup(async () => result);
    if (result.ok) result.db.close();
    expect(await closing.ask(msg('get-record-state'))).toEqual(unavailable);
    await closing.ask(msg('get-record-state'));
    expect(closing.openSpy).toHaveBeenCalledTimes(2); // a closed connection is reopened
    expect(parseStoreResponse('get-record-state', { available: true })).toBeNull();
  });
});

describe("the overlay's backend keeps every request inside the limits", () => {
  it('a record with an oversized message or number is stored trimmed, and the batch is kept', async () => {
    const { ask } = setup();
    const backend = runtimeBackend(async (message) => ask(message));
    const huge = { ...failing(long(300)), message: long(20_000) };
    const counts = await backend.noteFailures([failing('INV-1'), failing('INV-2'), huge]);
    expect(counts).toEqual({ [QBO]: 3 });
    const trimmed = { connector: QBO, recordNumber: long(LIMITS.recordNumber) };
    await backend.recordOutcome({ ...trimmed, outcome: 'failed' });
    expect((await backend.recordState(trimmed)).available).toBe(true);
    expect((await backend.recordState({ ...trimmed, recordNumber: long(300) })).available).toBe(
      true,
    );
  });
});
