// The overlay injects nothing on screens that are not sync screens, and shows hostile page text
// (markup inside sync messages) as text that never runs.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentScriptTab } from './harness';
import { HOST, open, openSession, overlayButton, settled, type Session } from './overlay-helpers';

let s: Session;
beforeAll(async () => {
  s = await openSession();
});
afterAll(() => s?.close());

/** Markup the page holds that is not AWRA's own: our hosts, styles and hostile elements. */
const pageTraces = (page: Page) =>
  page.evaluate((tag: string) => {
    const roots: (Document | ShadowRoot)[] = [document];
    for (const host of document.querySelectorAll(tag))
      if (host.shadowRoot) roots.push(host.shadowRoot);
    return {
      hosts: document.querySelectorAll(tag).length,
      styles: document.querySelectorAll('style').length,
      adopted: document.adoptedStyleSheets.length,
      hostileImgs: roots.flatMap((r) => [...r.querySelectorAll('img[src="x"], img[onerror]')])
        .length,
      shadowScripts: roots.slice(1).flatMap((r) => [...r.querySelectorAll('script, img, iframe')])
        .length,
    };
  }, HOST);

/** The text quoted in the card of the host inside `unit` (or the only host). */
const quoteIn = (page: Page, unit: string | null) =>
  page.evaluate(
    (tag: string, unit: string | null) => {
      const host = [...document.querySelectorAll(tag)].find(
        (h) =>
          unit === null ||
          h.parentElement?.closest('[data-live]')?.getAttribute('data-live') === unit,
      );
      return host?.shadowRoot?.querySelector('article.card q')?.textContent ?? null;
    },
    HOST,
    unit,
  );

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

describe('no injection where there is nothing to explain', () => {
  for (const path of ['/', '/customers/CUS-1044', '/admin/mappings']) {
    it(`${path}: no overlay element and no stylesheet of ours`, async () => {
      const html = await (await fetch(`${s.mock.url}${path}`)).text();
      const served = (html.match(/<style[\s>]/g) ?? []).length;
      await s.page.goto(`${s.mock.url}${path}`, { waitUntil: 'load' });
      // The content script is running on this page (it answers), and chose to inject nothing.
      const { response } = await contentScriptTab(s.ext.worker, s.page);
      expect(response.analysis.page).toBeNull();
      await sleep(400);
      expect(await pageTraces(s.page)).toEqual({
        hosts: 0,
        styles: served,
        adopted: 0,
        hostileImgs: 0,
        shadowScripts: 0,
      });
    });
  }
});

describe('hostile text in messages stays text', () => {
  it('/bills/BILL-3112: the card quotes <img src=x onerror=…> literally and nothing runs', async () => {
    const views = await open(s, '/bills/BILL-3112');
    expect(views.map((v) => [v.kind, v.label])).toEqual([['card', 'Unrecognised message']]);
    expect(await quoteIn(s.page, null)).toContain('<img src=x onerror=alert(1)>');
    expect(views[0]!.text).toContain('Unexpected element <img src=x onerror=alert(1)> in line 2');
    await sleep(300);
    expect(await pageTraces(s.page)).toMatchObject({ hostileImgs: 0, shadowScripts: 0 });
    expect(s.dialogs).toEqual([]);
  });

  it('/integrations: the DLV-7742 card quotes its <script> text literally and nothing runs', async () => {
    await open(s, '/integrations', 3);
    await (await overlayButton(s.page, 'Temporary provider issue', 'row:DLV-7742')).click();
    await settled(s.page, 3);
    expect(await quoteIn(s.page, 'row:DLV-7742')).toBe(
      '500 Internal Server Error: <script>alert("dlv-7742")</script>',
    );
    await sleep(300);
    expect(await pageTraces(s.page)).toMatchObject({ hostileImgs: 0, shadowScripts: 0 });
    expect(s.dialogs).toEqual([]);
  });

  it('/sync-hub: the BILL-3112 badge expands to a card quoting the markup as text', async () => {
    await open(s, '/sync-hub', 20);
    await (await overlayButton(s.page, 'Unrecognised message', 'row:BILL-3112')).click();
    await settled(s.page, 20);
    expect(await quoteIn(s.page, 'row:BILL-3112')).toContain('<img src=x onerror=alert(1)>');
    await sleep(300);
    expect(await pageTraces(s.page)).toMatchObject({ hostileImgs: 0, shadowScripts: 0 });
    expect(s.dialogs).toEqual([]);
  });

  it('raised no page error and opened no dialog', () => {
    expect(s.pageErrors).toEqual([]);
    expect(s.dialogs).toEqual([]);
  });
});
