// The content script pays only on sync screens: elsewhere the gate loads nothing more, on a sync
// screen the overlay is injected once per page, and long lists get badges near the viewport only.
import type { CDPSession } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, HOST, open, openSession, settled, type Session } from './overlay-helpers';

let s: Session;
let cdp: CDPSession;
/** Our extension's scripts in the page, in the order the browser parsed them. */
const parsed: string[] = [];

beforeAll(async () => {
  s = await openSession();
  cdp = await s.page.createCDPSession();
  cdp.on('Debugger.scriptParsed', (event: { url: string }) => {
    const prefix = `chrome-extension://${s.ext.extensionId}/`;
    if (event.url.startsWith(prefix)) parsed.push(event.url.slice(prefix.length));
  });
  await cdp.send('Debugger.enable');
});
afterAll(() => s?.close());

const hostCount = () =>
  s.page.evaluate((tag: string) => document.querySelectorAll(tag).length, HOST);
const navClick = (href: string) => s.page.click(`nav[aria-label="Main"] a[href="${href}"]`);

describe('the overlay loads on demand', () => {
  it('loads nothing but the gate on the dashboard, and the overlay once on the Sync Hub', async () => {
    await s.page.goto(`${s.mock.url}/`, { waitUntil: 'load' });
    await eventually(async () => parsed.length >= 1, 'the content script on the dashboard');
    // A full load of the Sync Hub: an overlay injected for the dashboard would come before it.
    await open(s, '/sync-hub');
    expect(parsed).toEqual([
      'content-scripts/content.js',
      'content-scripts/content.js',
      'overlay-main.js',
    ]);
  });

  it('is not injected again on client-side navigation, and its overlay follows the screens', async () => {
    for (let round = 0; round < 3; round++) {
      await navClick('/');
      await eventually(async () => (await hostCount()) === 0, 'the overlay gone on the dashboard');
      await navClick('/sync-hub');
      await settled(s.page, 2);
    }
    expect(parsed.filter((url) => url === 'overlay-main.js')).toHaveLength(1);
  });
});

describe('long lists', () => {
  const failingRows = () =>
    s.page.evaluate(() =>
      [...document.querySelectorAll('tr[data-live^="row:"]')]
        .filter((row) =>
          /^(Failed|Needs attention)$/.test(
            row.querySelector('.status-current')?.textContent ?? '',
          ),
        )
        .map((row) => row.getAttribute('data-live')!),
    );
  const badgeIn = (unit: string) =>
    s.page.evaluate(
      (tag: string, unit: string) =>
        document.querySelector(`[data-live="${unit}"] ${tag}`) !== null,
      HOST,
      unit,
    );

  it('shows badges for the rows near the viewport, and for others once scrolled to', async () => {
    await s.page.goto(`${s.mock.url}/sync-hub?rows=2000`, { waitUntil: 'load', timeout: 60_000 });
    await settled(s.page, 2, 30_000);
    const failing = await failingRows();
    expect(failing.length).toBeGreaterThan(200);
    expect(await badgeIn(failing[0]!)).toBe(true);
    const last = failing[failing.length - 1]!;
    expect(await badgeIn(last)).toBe(false);
    // Far fewer hosts than failing rows: the rest are not rendered.
    expect(await hostCount()).toBeLessThan(failing.length / 4);

    await s.page.evaluate((unit: string) => {
      document.querySelector(`[data-live="${unit}"]`)!.scrollIntoView();
    }, last);
    await eventually(() => badgeIn(last), `a badge in ${last} after scrolling to it`, 15_000);
    expect(await hostCount()).toBeLessThan(failing.length / 4);
  });

  it("badges leave AWRA's column widths alone: no column moves, no scrollbar appears", async () => {
    await s.page.goto(`${s.mock.url}/sync-hub?rows=2000`, { waitUntil: 'load', timeout: 60_000 });
    await settled(s.page, 2, 30_000);
    // Measured with our badges, then with them taken out (synchronously, before the overlay
    // can notice), then put back: the page's own layout must be the same both ways.
    const { badges, withBadges, without } = await s.page.evaluate((tag: string) => {
      const wrap = document.querySelector('.table-wrap')!;
      const measure = () => ({
        columns: [...document.querySelectorAll('table.data thead th')].map(
          (th) => Math.round(th.getBoundingClientRect().width * 10) / 10,
        ),
        overflow: wrap.scrollWidth - wrap.clientWidth,
      });
      const hosts = [...document.querySelectorAll(tag)].filter((h) => h.closest('td'));
      const withBadges = measure();
      const places = hosts.map((h) => [h, h.parentNode!, h.nextSibling] as const);
      for (const h of hosts) h.remove();
      const without = measure();
      for (const [h, parent, next] of places) parent.insertBefore(h, next);
      return { badges: hosts.length, withBadges, without };
    }, HOST);
    expect(badges).toBeGreaterThan(1);
    expect(withBadges.columns).toEqual(without.columns);
    expect(withBadges.overflow).toBeLessThanOrEqual(0);
  });
});
