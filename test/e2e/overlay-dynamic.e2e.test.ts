// The overlay on a single-page AWRA: client-side navigation and live row updates never leave
// stale or doubled overlays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentScriptTab } from './harness';
import { eventually, HOST, openSession, settled, type Session } from './overlay-helpers';

let s: Session;
beforeAll(async () => {
  s = await openSession();
});
afterAll(() => s?.close());

const FAILING = /^(Failed|Needs attention)$/;

/** Each Sync Hub row: its status and how many of our hosts it holds; plus hosts outside rows. */
const rows = () =>
  s.page.evaluate((tag: string) => {
    const list = [...document.querySelectorAll('tr[data-live^="row:"]')].map((row) => ({
      row: row.getAttribute('data-live')!,
      status: row.querySelector('.status-current')?.textContent ?? '',
      hosts: row.querySelectorAll(tag).length,
    }));
    const all = document.querySelectorAll(tag).length;
    return { list, outside: all - list.reduce((n, r) => n + r.hosts, 0) };
  }, HOST);

const hostCount = () =>
  s.page.evaluate((tag: string) => document.querySelectorAll(tag).length, HOST);
const navClick = (href: string) => s.page.click(`nav[aria-label="Main"] a[href="${href}"]`);

/** Every failing row has exactly one host, no other row has one; one summary outside the rows. */
async function expectOneHostPerFailingRow() {
  const { list, outside } = await rows();
  const failing = list.filter((r) => FAILING.test(r.status));
  expect(failing.length).toBeGreaterThan(0);
  expect(failing.filter((r) => r.hosts !== 1)).toEqual([]);
  expect(
    list.filter((r) => !FAILING.test(r.status) && r.status !== 'Retrying' && r.hosts > 0),
  ).toEqual([]);
  expect(list.filter((r) => r.hosts > 1)).toEqual([]);
  expect(outside).toBe(1);
}

describe('overlay on client-side navigation and live updates', () => {
  it('Dashboard → Sync Hub by the menu (no reload): badges appear; back to Dashboard: all removed', async () => {
    await s.page.goto(`${s.mock.url}/`, { waitUntil: 'load' });
    await contentScriptTab(s.ext.worker, s.page);
    expect(await hostCount()).toBe(0);
    await s.page.evaluate(`window.__e2eNoReload = 'same document'`);

    await navClick('/sync-hub');
    await s.page.waitForFunction(() => document.querySelector('table[data-view="hub"]') !== null);
    const views = await settled(s.page, 20);
    expect(views.filter((v) => v.kind === 'badge')).toHaveLength(19);
    await expectOneHostPerFailingRow();

    await navClick('/');
    await eventually(async () => (await hostCount()) === 0, 'every overlay to be removed', 5_000);
    expect(await s.page.evaluate('window.__e2eNoReload')).toBe('same document');
  });

  it('/sync-hub?live=1: never two hosts in a row, no host left on a row that stopped failing', async () => {
    await s.page.goto(`${s.mock.url}/sync-hub?live=1`, { waitUntil: 'load' });
    await s.page.waitForFunction(
      (tag: string) => document.querySelectorAll(tag).length >= 15,
      {},
      HOST,
    );
    const before = s.mock.state.mutations;
    // Watch every 25 ms: doubled hosts at any moment; a host on a non-failing row, or no host on
    // a failing row, for longer than 1 s (the overlay re-analyses at most once per frame).
    await s.page.evaluate((tag: string) => {
      const w = window as unknown as { __watch: string[]; __since: Map<Element, number> };
      w.__watch = [];
      w.__since = new Map();
      const timer = setInterval(() => {
        for (const row of document.querySelectorAll('tr[data-live^="row:"]')) {
          const id = row.getAttribute('data-live');
          const status = row.querySelector('.status-current')?.textContent ?? '';
          const hosts = row.querySelectorAll(tag).length;
          if (hosts > 1) w.__watch.push(`${id}: ${hosts} hosts`);
          const wrong =
            (hosts > 0 && !/^(Failed|Needs attention|Retrying)$/.test(status)) ||
            (hosts === 0 && /^(Failed|Needs attention)$/.test(status));
          if (!wrong) w.__since.delete(row);
          else if (!w.__since.has(row)) w.__since.set(row, Date.now());
          else if (Date.now() - w.__since.get(row)! > 1000)
            w.__watch.push(`${id}: ${status} with ${hosts} host(s) for over 1 s`);
        }
      }, 25);
      setTimeout(() => clearInterval(timer), 3200);
    }, HOST);
    await new Promise((ok) => setTimeout(ok, 3300));
    expect(s.mock.state.mutations - before).toBeGreaterThanOrEqual(4);
    const seen = await s.page.evaluate(() => (window as unknown as { __watch: string[] }).__watch);
    expect([...new Set(seen)]).toEqual([]);

    // Stop the live updates, then the overlay must match the rows exactly.
    await s.page.evaluate(() => {
      const original = window.fetch.bind(window);
      window.fetch = (input, init) =>
        String(input).includes('/api/mutate')
          ? new Promise<Response>(() => {})
          : original(input, init);
    });
    await new Promise((ok) => setTimeout(ok, 700));
    await settled(s.page, 15);
    await expectOneHostPerFailingRow();
  });

  it('after navigating away and back, one host per failing row (none stale, none doubled)', async () => {
    await navClick('/');
    await eventually(async () => (await hostCount()) === 0, 'every overlay to be removed', 5_000);
    await navClick('/sync-hub');
    await s.page.waitForFunction(() => document.querySelector('table[data-view="hub"]') !== null);
    await settled(s.page, 15);
    await expectOneHostPerFailingRow();
    const { list } = await rows();
    const badges = (await settled(s.page, 15)).filter((v) => v.kind === 'badge').length;
    expect(badges).toBe(list.filter((r) => r.hosts === 1).length);
    s.mock.reset();
  });

  it('raised no page error and opened no dialog', () => {
    expect(s.pageErrors).toEqual([]);
    expect(s.dialogs).toEqual([]);
  });
});
