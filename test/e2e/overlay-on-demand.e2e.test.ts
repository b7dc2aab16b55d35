// The content script pays only on sync screens: elsewhere the gate loads nothing more, on a sync
// screen the overlay is injected once per page, and long lists get badges near the viewport only.
import type { CDPSession } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RetryRow } from '../../lib/store/db';
import {
  eventually,
  HOST,
  open,
  openSession,
  readStore,
  storeKey,
  settled,
  type Session,
} from './overlay-helpers';

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
    expect(parsed).toEqual(['gate.js', 'gate.js', 'overlay-main.js']);
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
  /**
   * Is the badge of this row's record showing on the row? Long lists draw badges over their
   * rows, so this asks where the user sees it: inside the row's box, naming the record.
   */
  const badgeIn = (unit: string) =>
    s.page.evaluate(
      (tag: string, unit: string) => {
        const row = document.querySelector(`[data-live="${unit}"]`)!.getBoundingClientRect();
        const record = unit.slice('row:'.length);
        return [...document.querySelectorAll(tag)].some((host) => {
          const badge = host.shadowRoot?.querySelector('button.badge');
          if (!badge?.textContent?.includes(record)) return false;
          const box = badge.getBoundingClientRect();
          const middle = box.top + box.height / 2;
          return box.height > 0 && middle > row.top && middle < row.bottom && box.left >= row.left;
        });
      },
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

  /** The floating summary's texts: headline, and each count of the (folded) breakdown. */
  const summaryCounts = () =>
    s.page.evaluate((tag: string) => {
      const root = [...document.querySelectorAll(tag)]
        .map((h) => h.shadowRoot)
        .find((r) => r?.querySelector('section.summary'))!;
      const list = (label: string) =>
        [...root.querySelectorAll(`ul[aria-label="${label}"] li`)].map((li) => li.textContent!);
      return {
        headline: root.querySelector('header [role=status]')!.textContent!,
        byType: list('Failures by type'),
        byConnector: list('Failures by connector'),
      };
    }, HOST);

  it('counts every failing row at once, by connector too; by type once the breakdown is opened', async () => {
    await s.page.goto(`${s.mock.url}/sync-hub?rows=2000`, { waitUntil: 'load', timeout: 60_000 });
    await settled(s.page, 2, 30_000);
    // What the page shows, counted here: failed and needs-attention rows, by connector (column 3).
    const shown = await s.page.evaluate(() => {
      const counts: Record<string, number> = {};
      let failed = 0;
      let attention = 0;
      for (const row of document.querySelectorAll('table.data tbody tr')) {
        const status = row.querySelector('.status-current')?.textContent;
        if (status !== 'Failed' && status !== 'Needs attention') continue;
        if (status === 'Failed') failed++;
        else attention++;
        const connector = row.children[2]!.textContent!;
        counts[connector] = (counts[connector] ?? 0) + 1;
      }
      return { failed, attention, counts };
    });
    const folded = await summaryCounts();
    expect(folded.headline).toBe(
      `${shown.failed} failed and ${shown.attention} need attention on this page`,
    );
    expect(Object.fromEntries(folded.byConnector.map((text) => text.split(': ')))).toEqual(
      Object.fromEntries(Object.entries(shown.counts).map(([name, n]) => [name, String(n)])),
    );
    // Far rows' messages are not read until needed: their types wait for the breakdown.
    const unread = folded.byType.find((text) => text.startsWith('Not read yet: '));
    expect(Number(unread?.split(': ')[1])).toBeGreaterThan(100);

    await s.page.evaluate((tag: string) => {
      const root = [...document.querySelectorAll(tag)]
        .map((h) => h.shadowRoot)
        .find((r) => r?.querySelector('section.summary'))!;
      [...root.querySelectorAll('button')]
        .find((b) => b.textContent?.includes('By type and connector'))!
        .click();
    }, HOST);
    const opened = await eventually(async () => {
      const now = await summaryCounts();
      return now.byType.every((text) => !text.startsWith('Not read yet')) && now;
    }, 'the breakdown read for every row');
    const typed = opened.byType.reduce((sum, text) => sum + Number(text.split(': ')[1]), 0);
    expect(typed).toBe(shown.failed + shown.attention);
    expect(opened.byConnector).toEqual(folded.byConnector);
  });

  it('a list whose failing rows are all far below the fold shows its summary at once, and their badges when scrolled to', async () => {
    // The same list as AWRA could sort it: every settled row first, the failing ones after.
    const url = `${s.mock.url}/sync-hub?rows=2000`;
    const html = await (await fetch(url)).text();
    const body = /(<table[^>]*data-view="hub"[\s\S]*?<tbody>)([\s\S]*?)(<\/tbody>)/.exec(html)!;
    const rows = body[2]!.match(/<tr[\s\S]*?<\/tr>/g)!;
    const failing = (row: string) => /chip-(?:failed|needs-attention)\b/.test(row);
    const sorted = [...rows.filter((row) => !failing(row)), ...rows.filter(failing)].join('\n');
    const page = await s.ext.browser.newPage();
    try {
      await page.setViewport({ width: 1366, height: 900 });
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (request.url() !== url) return void request.continue();
        void request.respond({
          contentType: 'text/html; charset=utf-8',
          body: html.replace(body[0], `${body[1]}${sorted}${body[3]}`),
        });
      });
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
      const first = await page.evaluate(() => {
        const rows = [...document.querySelectorAll('table.data tbody tr')];
        const at = rows.findIndex((row) =>
          /^(Failed|Needs attention)$/.test(row.querySelector('.status-current')!.textContent!),
        );
        return { at, unit: rows[at]!.getAttribute('data-live')!, count: rows.length - at };
      });
      expect(first.at).toBeGreaterThan(1000);
      const headline = await eventually(
        () =>
          page.evaluate((tag: string) => {
            const root = [...document.querySelectorAll(tag)]
              .map((h) => h.shadowRoot)
              .find((r) => r?.querySelector('section.summary'));
            return root?.querySelector('header [role=status]')?.textContent ?? null;
          }, HOST),
        'the floating summary',
        30_000,
      );
      expect(headline).toMatch(/^\d+ failed and \d+ need attention on this page$/);
      const [failed, attention] = headline.match(/\d+/g)!.map(Number);
      expect(failed! + attention!).toBe(first.count);
      // No badge yet: no failing row is near.
      expect(
        await page.evaluate((tag: string) => document.querySelectorAll(tag).length, HOST),
      ).toBe(1);
      await page.evaluate((unit: string) => {
        document.querySelector(`[data-live="${unit}"]`)!.scrollIntoView();
      }, first.unit);
      await eventually(
        () =>
          page.evaluate(
            (tag: string, record: string) =>
              [...document.querySelectorAll(tag)].some((h) =>
                h.shadowRoot?.querySelector('button.badge')?.textContent?.includes(record),
              ),
            HOST,
            first.unit.slice('row:'.length),
          ),
        `a badge for ${first.unit} once scrolled to`,
        15_000,
      );
    } finally {
      await page.close();
    }
  });

  it('a Retry clicked far down the list before its badge came is still counted', async () => {
    await s.page.goto(`${s.mock.url}/sync-hub?rows=2000`, { waitUntil: 'load', timeout: 60_000 });
    await settled(s.page, 2, 30_000);
    // Scrolled to and focused in one go, then Enter at once (a person's key press: a page
    // script's click is not counted): the row's badge has not come yet.
    const clicked = await s.page.evaluate((tag: string) => {
      const rows = [...document.querySelectorAll('table.data tbody tr')].filter((row) =>
        row.querySelector('button[data-action="retry"]'),
      );
      const row = rows[rows.length - 3]!;
      const record = row.getAttribute('data-record')!;
      row.scrollIntoView();
      const badged = [...document.querySelectorAll(tag)].some((h) =>
        h.shadowRoot?.querySelector('button.badge')?.textContent?.includes(record),
      );
      row.querySelector<HTMLButtonElement>('button[data-action="retry"]')!.focus();
      return { record, connector: row.children[2]!.textContent!, badged };
    }, HOST);
    await s.page.keyboard.press('Enter');
    expect(clicked.badged).toBe(false);
    // The click was the overlay's to judge: a first retry goes through and is stored; one the
    // guide holds back (a cause a retry cannot fix) is stopped with the confirmation in its badge.
    const judged = await eventually(async () => {
      const stored = (await readStore(
        s.ext.worker,
        'retries',
        storeKey(s.mock, clicked.connector, clicked.record),
      )) as RetryRow | null;
      if (stored) return { stored: stored.attempts.length };
      const held = await s.page.evaluate(
        (tag: string, record: string) =>
          [...document.querySelectorAll(tag)].some(
            (h) =>
              h.shadowRoot?.querySelector('button.badge')?.textContent?.includes(record) &&
              h.shadowRoot.querySelector('[role=alertdialog]'),
          ) && document.querySelector(`[data-record="${record}"] .status-current`)?.textContent,
        HOST,
        clicked.record,
      );
      return held ? { held } : null;
    }, `the retry of ${clicked.record} stored or held back`);
    expect([{ stored: 1 }, { held: 'Failed' }]).toContainEqual(judged);
  });

  it("badges are drawn over the rows: nothing in AWRA's table moves, no text is covered", async () => {
    await s.page.goto(`${s.mock.url}/sync-hub?rows=2000`, { waitUntil: 'load', timeout: 60_000 });
    await settled(s.page, 2, 30_000);
    // Measured with our badges, then with them taken out (synchronously, before the overlay
    // can notice), then put back: the page's own layout must be the same both ways.
    const result = await s.page.evaluate((tag: string) => {
      const wrap = document.querySelector('.table-wrap')!;
      const rows = [...document.querySelectorAll('table.data tbody tr')].slice(0, 300);
      const measure = () => ({
        columns: [...document.querySelectorAll('table.data thead th')].map(
          (th) => Math.round(th.getBoundingClientRect().width * 10) / 10,
        ),
        rowTops: rows.map((row) => Math.round(row.getBoundingClientRect().top)),
        overflow: wrap.scrollWidth - wrap.clientWidth,
      });
      const hosts = [...document.querySelectorAll(tag)];
      const inTable = hosts.filter((h) => h.closest('table')).length;
      const badges = hosts.filter((h) => h.shadowRoot?.querySelector('button.badge'));
      // Every line of text of the rows a badge is over, against the badge's box.
      const covered: string[] = [];
      for (const host of badges) {
        const box = host.shadowRoot!.querySelector('button.badge')!.getBoundingClientRect();
        for (const row of document.querySelectorAll('table.data tbody tr')) {
          const rowBox = row.getBoundingClientRect();
          if (rowBox.bottom < box.top || rowBox.top > box.bottom) continue;
          const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
          const range = document.createRange();
          const texts: DOMRect[] = [];
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            range.selectNodeContents(node);
            texts.push(...range.getClientRects());
          }
          for (const text of texts) {
            const overlaps =
              text.width > 0 &&
              text.left < box.right - 1 &&
              text.right > box.left + 1 &&
              text.top < box.bottom - 1 &&
              text.bottom > box.top + 1;
            if (overlaps) covered.push(row.getAttribute('data-live') ?? '?');
          }
        }
      }
      const withBadges = measure();
      const layers = [...document.querySelectorAll('sync-assist-layer')];
      const places = layers.map((l) => [l, l.parentNode!, l.nextSibling] as const);
      for (const l of layers) l.remove();
      const without = measure();
      for (const [l, parent, next] of places) parent.insertBefore(l, next);
      return { badges: badges.length, inTable, covered, withBadges, without };
    }, HOST);
    expect(result.badges).toBeGreaterThan(1);
    expect(result.inTable).toBe(0);
    expect(result.covered).toEqual([]);
    expect(result.withBadges).toEqual(result.without);
    expect(result.withBadges.overflow).toBeLessThanOrEqual(0);
  });

  it('badges follow their rows when the list changes under them', async () => {
    await s.page.goto(`${s.mock.url}/sync-hub?rows=2000`, { waitUntil: 'load', timeout: 60_000 });
    await settled(s.page, 2, 30_000);
    const target = (await failingRows())[1]!;
    await eventually(() => badgeIn(target), `a badge on ${target}`, 15_000);
    // The row above grows by many lines: the target row moves down, its size unchanged.
    await s.page.evaluate((unit: string) => {
      const above = document.querySelector(`[data-live="${unit}"]`)!.previousElementSibling!;
      above.lastElementChild!.textContent = 'A much longer note. '.repeat(60);
    }, target);
    await eventually(() => badgeIn(target), `the badge of ${target} moved with it`, 15_000);
    // Then the row is moved to the top of the list, as a re-sort does.
    await s.page.evaluate((unit: string) => {
      const row = document.querySelector(`[data-live="${unit}"]`)!;
      row.parentElement!.prepend(row);
    }, target);
    await eventually(() => badgeIn(target), `the badge of ${target} at the top`, 15_000);
  });

  it('a table laid out by a flex container keeps its badges in its rows', async () => {
    // A layer before the table would be one more flex item (its own gap, or the table pushed
    // aside): there the badges go in the message cells as on short lists.
    const flex = await s.page.evaluateOnNewDocument(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const style = document.createElement('style');
        style.textContent = '.table-wrap { display: flex; gap: 12px; }';
        document.head.append(style);
      });
    });
    try {
      await s.page.goto(`${s.mock.url}/sync-hub?rows=2000`, {
        waitUntil: 'load',
        timeout: 60_000,
      });
      await settled(s.page, 2, 30_000);
      const placed = await s.page.evaluate(
        (tag: string) => ({
          inRows: [...document.querySelectorAll(tag)].filter((h) => h.closest('td')).length,
          layers: document.querySelectorAll('sync-assist-layer').length,
        }),
        HOST,
      );
      expect(placed.layers).toBe(0);
      expect(placed.inRows).toBeGreaterThan(1);
    } finally {
      await s.page.removeScriptToEvaluateOnNewDocument(flex.identifier);
    }
  });

  it('an open card drops below its row; the summary floats and moves nothing', async () => {
    await s.page.goto(`${s.mock.url}/sync-hub?rows=2000`, { waitUntil: 'load', timeout: 60_000 });
    await settled(s.page, 2, 30_000);
    const [first] = await failingRows();
    await eventually(() => badgeIn(first!), `a badge on ${first}`, 15_000);
    const opened = await s.page.evaluate(
      async (tag: string, record: string) => {
        const host = [...document.querySelectorAll(tag)].find((h) =>
          h.shadowRoot?.querySelector('button.badge')?.textContent?.includes(record),
        )!;
        const table = document.querySelector('table.data')!.getBoundingClientRect().top;
        host.shadowRoot!.querySelector<HTMLButtonElement>('button.badge')!.click();
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)));
        const card = host.shadowRoot!.querySelector('article.card')!.getBoundingClientRect();
        const row = document.querySelector(`[data-live="row:${record}"]`)!.getBoundingClientRect();
        const summary = [...document.querySelectorAll(tag)].find((h) =>
          h.shadowRoot?.querySelector('section.summary'),
        )!;
        const panel = summary.getBoundingClientRect();
        return {
          cardBelowRow: card.top >= row.bottom - 1,
          cardHeight: card.height,
          tableMoved: document.querySelector('table.data')!.getBoundingClientRect().top !== table,
          summaryFloating: getComputedStyle(summary).position === 'fixed',
          summaryInView: panel.bottom <= innerHeight && panel.right <= innerWidth && panel.top >= 0,
          summaryText: summary.shadowRoot!.textContent ?? '',
        };
      },
      HOST,
      first!.slice('row:'.length),
    );
    expect(opened.cardBelowRow).toBe(true);
    expect(opened.cardHeight).toBeGreaterThan(100);
    expect(opened.tableMoved).toBe(false);
    expect(opened.summaryFloating).toBe(true);
    expect(opened.summaryInView).toBe(true);
    expect(opened.summaryText).toMatch(
      /\d+ failed (and \d+ needs? attention|records) on this page/,
    );
    // Its counts are folded away behind a button; opened, they show and the panel stays in view.
    const unfolded = await s.page.evaluate(async (tag: string) => {
      const summary = [...document.querySelectorAll(tag)].find((h) =>
        h.shadowRoot?.querySelector('section.summary'),
      )!;
      const root = summary.shadowRoot!;
      const toggle = [...root.querySelectorAll('button')].find((b) =>
        b.textContent?.includes('By type and connector'),
      )!;
      const columns = () => root.querySelector('.columns')!.getBoundingClientRect().height;
      const before = { expanded: toggle.getAttribute('aria-expanded'), height: columns() };
      toggle.click();
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)));
      const panel = summary.getBoundingClientRect();
      return {
        before,
        expanded: toggle.getAttribute('aria-expanded'),
        height: columns(),
        text: root.querySelector('.columns')!.textContent ?? '',
        inView: panel.bottom <= innerHeight && panel.top >= 0,
      };
    }, HOST);
    expect(unfolded.before).toEqual({ expanded: 'false', height: 0 });
    expect(unfolded.expanded).toBe('true');
    expect(unfolded.height).toBeGreaterThan(20);
    expect(unfolded.text).toMatch(/QuickBooks Online: \d+/);
    expect(unfolded.inView).toBe(true);
  });
});
