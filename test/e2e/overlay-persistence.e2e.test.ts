// Per-record overlay state kept by the background (IndexedDB): checklist ticks and dismissal
// survive a reload of the AWRA page.
import type { ElementHandle } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChecklistRow } from '../../lib/store/db';
import { contentScriptTab } from './harness';
import {
  eventually,
  HOST,
  open,
  openSession,
  overlayButton,
  overlays,
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

const key = () => storeKey(s.mock, 'QuickBooks Online', 'INV-20417');

/** The card's checklist: each box's label and whether it is ticked. */
const checks = () =>
  s.page.evaluate((tag: string) => {
    const root = document.querySelector(tag)?.shadowRoot;
    return [...(root?.querySelectorAll('fieldset input[type=checkbox]') ?? [])].map((box) => ({
      label: root?.querySelector(`label[for="${box.id}"]`)?.textContent ?? '',
      ticked: (box as HTMLInputElement).checked,
    }));
  }, HOST);

/** A sync point before a reload: waits up to 2 s for the background to have stored a change. */
const storedWithin = (check: () => Promise<boolean>) =>
  eventually(check, 'the change to be stored', 2_000).catch(() => undefined);

const stored = () => readStore(s.ext.worker, 'checklist', key()) as Promise<ChecklistRow | null>;

describe('overlay state per record survives a reload', () => {
  it('a ticked first check on /invoices/INV-20417 is still ticked after a reload', async () => {
    await open(s, '/invoices/INV-20417');
    const before = await checks();
    expect(before.length).toBeGreaterThanOrEqual(2);
    expect(before.every((c) => !c.ticked)).toBe(true);

    const box = (await s.page.evaluateHandle(
      (tag: string) =>
        document.querySelector(tag)!.shadowRoot!.querySelector('fieldset input[type=checkbox]'),
      HOST,
    )) as ElementHandle<HTMLInputElement>;
    await box.click();
    expect((await checks())[0]?.ticked).toBe(true);
    // Give the background time to store it (a user does not reload within milliseconds).
    await storedWithin(async () => (await stored())?.ticks.length === 1);

    await s.page.reload({ waitUntil: 'load' });
    await settled(s.page);
    await new Promise((ok) => setTimeout(ok, 300));
    const after = await checks();
    expect(after.map((c) => c.label)).toEqual(before.map((c) => c.label));
    expect(after.map((c) => c.ticked)).toEqual(before.map((_, i) => i === 0));
    expect((await stored())?.ticks).toHaveLength(1);
  });

  it('"Dismiss" hides the card, and it stays dismissed after a reload', async () => {
    await (await overlayButton(s.page, 'Dismiss')).click();
    await eventually(async () => (await settled(s.page))[0]?.kind === 'empty', 'the card to go');
    await storedWithin(async () => (await stored())?.dismissed === true);

    await s.page.reload({ waitUntil: 'load' });
    // The content script is running again (it answers), and shows no card for this record.
    await contentScriptTab(s.ext.worker, s.page);
    await new Promise((ok) => setTimeout(ok, 1000));
    const views = await overlays(s.page);
    expect(views.filter((v) => v.kind !== 'empty' || v.text.trim() !== '')).toEqual([]);
    expect((await stored())?.dismissed).toBe(true);
  });

  it("a dismissed card still says why AWRA's Retry is held back, then hides again", async () => {
    const question = () =>
      s.page.evaluate(
        (tag: string) =>
          document.querySelector(tag)?.shadowRoot?.querySelector('[role=alertdialog]')
            ?.textContent ?? null,
        HOST,
      );
    await s.page.click('button[data-action="retry"]');
    expect(await eventually(question, 'the held-back retry to be explained')).toMatch(
      /same message|fix the cause/i,
    );
    await (await overlayButton(s.page, 'Don’t retry')).click();
    await eventually(async () => (await settled(s.page))[0]?.kind === 'empty', 'the card to go');
    expect((await stored())?.dismissed).toBe(true);
  });

  it('a box ticked before the stored state arrives is added to it, not written over it', async () => {
    // Back to a shown card with the first check ticked; then the store is held busy (another
    // transaction) for 2.5 s across a reload, so the card shows before its stored state.
    await s.ext.worker.evaluate(
      (key: string[], hold: number) =>
        new Promise<void>((ok, fail) => {
          const open = indexedDB.open('sync-assist');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('checklist', 'readwrite');
            const store = tx.objectStore('checklist');
            const get = store.get(key);
            get.onsuccess = () => {
              const row = { ...get.result, dismissed: false, updatedAt: Date.now() };
              if (store.keyPath === null) store.put(row, key);
              else store.put(row);
              const until = Date.now() + hold;
              const spin = () => {
                if (Date.now() < until) store.get(key).onsuccess = spin;
              };
              spin();
              ok();
            };
            tx.oncomplete = () => db.close();
          };
        }),
      key(),
      2_500,
    );
    await s.page.reload({ waitUntil: 'load' });
    await eventually(async () => (await checks()).length >= 2, 'the card');
    const second = (await s.page.evaluateHandle(
      (tag: string) =>
        document
          .querySelector(tag)!
          .shadowRoot!.querySelectorAll('fieldset input[type=checkbox]')[1],
      HOST,
    )) as ElementHandle<HTMLInputElement>;
    await second.click();
    await eventually(
      async () => (await stored())?.ticks.length === 2,
      'both ticks to be stored',
      6_000,
    );
    expect((await checks()).map((c) => c.ticked).slice(0, 2)).toEqual([true, true]);
  });

  it('raised no page error and opened no dialog', () => {
    expect(s.pageErrors).toEqual([]);
    expect(s.dialogs).toEqual([]);
  });
});
