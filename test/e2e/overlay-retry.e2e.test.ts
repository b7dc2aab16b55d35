// Retry discipline in Chromium on the mock AWRA app: a blind second retry is held back in the card,
// "Retry anyway" lets one click through, and retries and their outcomes survive in IndexedDB.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RetryRow } from '../../lib/store/db';
import {
  apiRecord,
  eventually,
  HOST,
  open,
  openSession,
  overlayButton,
  readStore,
  storeKey,
  settled,
  type Session,
} from './overlay-helpers';

let s: Session;
beforeAll(async () => {
  s = await openSession();
});
afterAll(() => s?.close());

const RETRY = 'button[data-action="retry"]';
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** What the record page shows: its "Retries" value and current status. */
const shown = () =>
  s.page.evaluate(() => ({
    retries: [...document.querySelectorAll('.sync-log .kv')]
      .find((kv) => kv.querySelector('.k')?.textContent === 'Retries')
      ?.querySelector('.v')?.textContent,
    status: document.querySelector('.sync-log .status-current')?.textContent,
    entries: document.querySelectorAll('.sync-log ol li').length,
  }));

/** The text of the retry confirmation in our host inside `unit` (any host without), or null. */
const confirmation = (unit: string | null = null) =>
  s.page.evaluate(
    (tag: string, unit: string | null) =>
      [...document.querySelectorAll(tag)]
        .filter(
          (h) =>
            unit === null ||
            h.parentElement?.closest('[data-live]')?.getAttribute('data-live') === unit,
        )
        .map((h) => h.shadowRoot?.querySelector('[role=alertdialog]')?.textContent ?? null)
        .find((text) => text !== null) ?? null,
    HOST,
    unit,
  );

/** Waits until the page's retry button is usable again (the client disables it while it works). */
const retryReady = (selector = RETRY) =>
  s.page.waitForFunction(
    (sel: string) => !(document.querySelector(sel) as HTMLButtonElement)?.disabled,
    {},
    selector,
  );

const history = (record: string) =>
  readStore(
    s.ext.worker,
    'retries',
    storeKey(s.mock, 'QuickBooks Online', record),
  ) as Promise<RetryRow | null>;

describe('retry discipline on a record page', () => {
  it('INV-20417 (AWRA: Retries 1, same message): Retry is held back in the card; "Don’t retry" closes it', async () => {
    await open(s, '/invoices/INV-20417');
    expect(await shown()).toMatchObject({ retries: '1', status: 'Failed' });
    await s.page.click(RETRY);
    const text = await eventually(() => confirmation(), 'the retry confirmation in the card');
    expect(text).toMatch(/same message|cause is not fixed|fix the cause/i);
    await sleep(900); // longer than the client's retry round trip (600 ms)
    expect((await apiRecord(s.mock, 'INV-20417')).retries).toBe(1);
    expect(await shown()).toMatchObject({ retries: '1', status: 'Failed' });

    await (await overlayButton(s.page, 'Don’t retry')).click();
    await eventually(async () => (await confirmation()) === null, 'the confirmation to close');
    expect((await apiRecord(s.mock, 'INV-20417')).retries).toBe(1);
  });

  it('INV-20417: "Retry anyway" lets that one click through, recorded as overridden; the next is held', async () => {
    await s.page.click(RETRY);
    await eventually(() => confirmation(), 'the retry confirmation');
    await (await overlayButton(s.page, 'Retry anyway')).click();
    await eventually(async () => (await apiRecord(s.mock, 'INV-20417')).retries === 2, 'the retry');
    await eventually(async () => {
      const now = await shown();
      return now.retries === '2' && now.status === 'Failed' && now.entries === 3;
    }, 'the page to show the new attempt');
    // Still one card, now at the latest attempt.
    const views = await settled(s.page);
    expect(views.map((v) => v.kind)).toEqual(['card']);
    expect(
      await s.page.$eval(
        '.sync-log ol li:last-child',
        (li) => li.querySelector('sync-assist-overlay') !== null,
      ),
    ).toBe(true);
    const row = await eventually(
      async () => (await history('INV-20417'))?.attempts.length === 1 && history('INV-20417'),
      'the stored retry',
    );
    expect(row.attempts).toEqual([expect.objectContaining({ overridden: true })]);

    await retryReady();
    await s.page.click(RETRY);
    expect(await eventually(() => confirmation(), 'the next retry to be held back')).toBeTruthy();
    await sleep(900);
    expect((await apiRecord(s.mock, 'INV-20417')).retries).toBe(2);
    s.mock.reset();
  });

  it('INV-20418 (no retries yet): the first Retry passes through, the second (same message) is held', async () => {
    s.mock.reset(); // independent of the INV-20417 tests above
    await open(s, '/invoices/INV-20418');
    expect(await shown()).toMatchObject({ retries: '0', status: 'Failed' });
    await s.page.click(RETRY);
    await eventually(async () => (await apiRecord(s.mock, 'INV-20418')).retries === 1, 'the retry');
    expect(await confirmation()).toBeNull();
    await eventually(async () => (await shown()).retries === '1', 'the page to update');

    await retryReady();
    await s.page.click(RETRY);
    const text = await eventually(() => confirmation(), 'the second retry to be held back');
    expect(text).toMatch(/same message/i);
    await sleep(900);
    expect((await apiRecord(s.mock, 'INV-20418')).retries).toBe(1);
  });

  it('INV-20418: the passed-through retry and its outcome (still failed) are stored in IndexedDB', async () => {
    const message = 'Business Validation Error: You must select a customer for this transaction.';
    // The page updated over a second ago; allow the background a little more.
    await eventually(
      async () => (await history('INV-20418'))?.attempts[0]?.outcome,
      'outcome',
      2_000,
    ).catch(() => undefined);
    expect((await history('INV-20418'))?.attempts).toEqual([
      { at: expect.any(Number), message, outcome: 'failed', overridden: false },
    ]);
  });

  it('INV-20418 after a reload: the card still knows the retry was spent on the same message', async () => {
    await s.page.reload({ waitUntil: 'load' });
    const views = await settled(s.page);
    expect(views).toHaveLength(1);
    // Without our stored history AWRA's count alone would only say "AWRA already shows 1 retry".
    expect(views[0]!.text).toMatch(/same message came back after 1 retry/i);
  });

  it('INV-20418: a page script clicking Retry is not a retry of the user (not held, not counted)', async () => {
    const before = (await history('INV-20418'))?.attempts.length;
    await s.page.evaluate(
      (sel: string) => (document.querySelector(sel) as HTMLElement).click(),
      RETRY,
    );
    await sleep(900);
    expect(await confirmation()).toBeNull();
    expect((await history('INV-20418'))?.attempts.length).toBe(before);
    s.mock.reset();
  });

  it("INV-20417: Enter on a custom Retry control (<span role=button> that clicks itself) is the user's retry", async () => {
    await open(s, '/invoices/INV-20417');
    await s.page.evaluate(() => {
      const span = document.createElement('span');
      span.setAttribute('role', 'button');
      span.tabIndex = 0;
      span.textContent = 'Retry';
      span.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') span.click();
      });
      document.querySelector('button[data-action="retry"]')!.after(span);
    });
    await s.page.focus('span[role=button]');
    await s.page.keyboard.press('Enter');
    expect(await eventually(() => confirmation(), 'the keyed retry to be held back')).toMatch(
      /same message|fix the cause|Retry held back/i,
    );
    await (await overlayButton(s.page, 'Don’t retry')).click();
  });
});

describe('retry discipline on the Sync Hub', () => {
  it('BILL-3107: the first Retry passes, the second expands the badge with the confirmation', async () => {
    s.mock.reset();
    await open(s, '/sync-hub', 20);
    const button = `tr[data-live="row:BILL-3107"] ${RETRY}`;
    await s.page.click(button);
    await eventually(async () => (await apiRecord(s.mock, 'BILL-3107')).retries === 1, 'the retry');
    await s.page.waitForFunction(
      () => document.querySelector('tr[data-live="row:BILL-3107"] td.num')?.textContent === '1',
    );
    await retryReady(button);
    const after = await settled(s.page, 20);
    expect(after.filter((v) => v.kind === 'badge')).toHaveLength(19);
    expect(after.filter((v) => v.unit === 'row:BILL-3107')).toHaveLength(1);
    const row = await eventually(
      async () => {
        const r = await history('BILL-3107');
        return r?.attempts[0]?.outcome ? r : null;
      },
      'the retry outcome in IndexedDB',
      5_000,
    );
    expect(row.attempts).toEqual([
      expect.objectContaining({ outcome: 'failed', overridden: false }),
    ]);

    await s.page.click(button);
    await eventually(
      () => confirmation('row:BILL-3107'),
      'the confirmation in the BILL-3107 badge',
    );
    const views = await settled(s.page, 20);
    expect(views.find((v) => v.unit === 'row:BILL-3107')?.expanded).toBe('true');
    await sleep(900);
    expect((await apiRecord(s.mock, 'BILL-3107')).retries).toBe(1);
    s.mock.reset();
  });

  it('raised no page error and opened no dialog', () => {
    expect(s.pageErrors).toEqual([]);
    expect(s.dialogs).toEqual([]);
  });
});
