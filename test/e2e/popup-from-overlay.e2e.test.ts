// The overlay and the popup together: what the user did on the page (checks ticked, retries made
// through Sync Assist, "Prepare an escalation") arrives in the popup's escalation.
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  HOST,
  open,
  openSession,
  overlayButton,
  readStore,
  storeKey,
  type Session,
} from './overlay-helpers';
import { openPopupForTab, text, value, waitText } from './popup-helpers';

let s: Session;
const popupErrors: string[] = [];
beforeAll(async () => {
  s = await openSession();
  await s.ext.browser
    .defaultBrowserContext()
    .overridePermissions(s.mock.url, ['clipboard-read', 'clipboard-write']);
});
afterAll(() => s?.close());

const key = () => storeKey(s.mock, 'QuickBooks Online', 'INV-20417');

async function popup(): Promise<Page> {
  const opened = await openPopupForTab(s.ext, s.page);
  opened.on('pageerror', (error) => popupErrors.push(String(error)));
  return opened;
}

/** Stores retries made through Sync Assist for INV-20417 (as the overlay would have). */
function storeRetries(count: number, message: string) {
  return s.ext.worker.evaluate(
    (key: string[], count: number, message: string) =>
      new Promise<void>((ok, fail) => {
        const req = indexedDB.open('sync-assist');
        req.onerror = () => fail(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction('retries', 'readwrite');
          const [site, connector, recordNumber] = key;
          const attempts = Array.from({ length: count }, (_, i) => ({
            at: Date.now() - (count - i) * 60_000,
            message,
            outcome: 'failed',
            overridden: i > 0,
          }));
          tx.objectStore('retries').put({ key, site, connector, recordNumber, attempts });
          tx.oncomplete = () => {
            db.close();
            ok();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    key(),
    count,
    message,
  );
}

describe('from the overlay to the popup', () => {
  it('"Prepare an escalation" opens the popup with that record, its trigger and the ticked check', async () => {
    await open(s, '/invoices/INV-20417');
    const box = (await s.page.evaluateHandle(
      (tag: string) =>
        document.querySelector(tag)!.shadowRoot!.querySelector('fieldset input[type=checkbox]'),
      HOST,
    )) as ElementHandle<HTMLInputElement>;
    await box.click();
    const checkLabel = await s.page.evaluate((tag: string) => {
      const root = document.querySelector(tag)!.shadowRoot!;
      const first = root.querySelector('fieldset input[type=checkbox]')!;
      return root.querySelector(`label[for="${first.id}"]`)?.textContent?.trim() ?? '';
    }, HOST);
    await eventually(
      async () =>
        ((await readStore(s.ext.worker, 'checklist', key())) as { ticks: string[] } | null)?.ticks
          .length === 1,
      'the tick to be stored',
    );

    // AWRA shows one retry with the same message: the next Retry is held back in the card.
    await s.page.click('button[data-action="retry"]');
    await (
      await eventually(
        () => overlayButton(s.page, 'Prepare an escalation').catch(() => null),
        'the retry confirmation',
      )
    ).click();
    // The browser opens the action popup itself (no ?tab=): it reads the active tab.
    const target = await s.ext.browser.waitForTarget(
      (t) => t.url() === `chrome-extension://${s.ext.extensionId}/popup.html`,
      { timeout: 10_000 },
    );
    const p = await target.asPage();
    p.on('pageerror', (error) => popupErrors.push(String(error)));
    await waitText(p, 'main', 'From the page');
    expect(await value(p, 'f-recordNumber')).toBe('INV-20417');
    expect(await value(p, 'f-trigger')).toBe('retry-limit-exceeded');
    await waitText(p, '#checks-done', checkLabel);
    await p.focus('#f-expectedResult');
    await p.keyboard.type('The invoice posts to QuickBooks');
    await waitText(p, '#preview', 'First checks done');
    const preview = await text(p, '#preview');
    expect(preview).toContain(checkLabel);
    expect(preview).toContain('The retry limit was reached and the same message came back.');
    await p.close();
  });

  it('retry count is the larger of what AWRA shows and the retries made through Sync Assist', async () => {
    await storeRetries(
      3,
      "Invalid Reference Id: Account 'Sales - M-Pesa' is not mapped in QuickBooks",
    );
    await open(s, '/invoices/INV-20417');
    const p = await popup();
    // AWRA's page says 1.
    expect(await value(p, 'f-retryCount')).toBe('3');
    await p.close();
  });

  it('starts from the row the user last expanded on a list', async () => {
    const views = await open(s, '/sync-hub');
    const badges = views.filter((v) => v.kind === 'badge' && v.unit);
    expect(badges.length).toBeGreaterThan(2);
    const unit = badges[badges.length - 1]!.unit!; // "row:BILL-3107"
    await s.page.evaluate(
      (tag: string, unit: string) => {
        const host = [...document.querySelectorAll(tag)].find(
          (h) => h.parentElement?.closest('[data-live]')?.getAttribute('data-live') === unit,
        );
        (host?.shadowRoot?.querySelector('button.badge') as HTMLButtonElement).click();
      },
      HOST,
      unit,
    );
    const p = await popup();
    const chosen = await p.$eval(
      '#record-picker',
      (el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '',
    );
    const record = unit.replace(/^row:/, '');
    expect(chosen).toContain(record);
    expect(await value(p, 'f-recordNumber')).toBe(record);
    expect(
      await p.$eval('#record-picker', (el) => (el as HTMLSelectElement).selectedIndex),
    ).toBeGreaterThan(0);
    await p.close();
  });

  it('raised no page errors in the popup', () => {
    expect(popupErrors).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });
});
