// The in-page overlay in Chromium on the mock AWRA app: which cards and badges each screen gets.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST, open, overlayButton, openSession, settled, type Session } from './overlay-helpers';

let s: Session;
beforeAll(async () => {
  s = await openSession();
});
afterAll(() => s?.close());

const GUIDE = 'https://awraops.com/help/docs/troubleshoot-failed-sync';

/** Page elements (by selector) that the host's box overlaps: the card must never cover them. */
const covered = (page: Page, selectors: string) =>
  page.evaluate(
    (tag: string, selectors: string) => {
      const host = document.querySelector(tag)!.getBoundingClientRect();
      return [...document.querySelectorAll(selectors)]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return (
            r.left < host.right && host.left < r.right && r.top < host.bottom && host.top < r.bottom
          );
        })
        .map((el) => el.outerHTML.slice(0, 80));
    },
    HOST,
    selectors,
  );

/** The first card's checklist, mistakes and guide link, read in its shadow root. */
const cardParts = (page: Page) =>
  page.evaluate((tag: string) => {
    const root = document.querySelector(tag)!.shadowRoot!;
    return {
      checks: [...root.querySelectorAll('fieldset input[type=checkbox]')].map(
        (box) => root.querySelector(`label[for="${box.id}"]`)?.textContent ?? '',
      ),
      mistakes: [...root.querySelectorAll('ul[aria-label="Common mistakes"] li')].map(
        (li) => li.textContent ?? '',
      ),
      links: [...root.querySelectorAll('a')].map((a) => ({ href: a.href, text: a.textContent })),
      quote: root.querySelector('q')?.textContent ?? null,
    };
  }, HOST);

describe('overlay cards and badges per screen', () => {
  it('record page /invoices/INV-20417: one card next to the latest attempt, with full guidance', async () => {
    const views = await open(s, '/invoices/INV-20417');
    expect(views.map((v) => v.kind)).toEqual(['card']);
    const card = views[0]!;
    expect(card.label).toBe('Mapping missing');
    // Anchored in the latest sync-log attempt (Attempt 2, SR-2026-11-0412).
    const where = await s.page.evaluate((tag: string) => {
      const host = document.querySelector(tag)!;
      const entries = [...document.querySelectorAll('.sync-log ol li')];
      return { index: entries.indexOf(host.closest('li')!), of: entries.length };
    }, HOST);
    expect(where).toEqual({ index: 1, of: 2 });
    expect(await s.page.$eval('.sync-log ol li:last-child', (li) => li.textContent)).toContain(
      'SR-2026-11-0412',
    );
    expect(card.text).toMatch(/Likely cause: .*no link to the outside system/);
    expect(card.text).toMatch(/What to do: Update the mapping in Settings > Integrations/);
    const parts = await cardParts(s.page);
    expect(parts.quote).toBe(
      "Invalid Reference Id: Account 'Sales - M-Pesa' is not mapped in QuickBooks",
    );
    expect(parts.checks.length).toBeGreaterThanOrEqual(2);
    expect(parts.checks.join('\n')).toMatch(/mappings/);
    expect(parts.mistakes.join('\n')).toMatch(/Retrying without fixing the cause/);
    expect(parts.links).toContainEqual({
      href: GUIDE,
      text: expect.stringMatching(/failed-sync guide/i),
    });
    expect(await covered(s.page, 'button[data-action], .sync-log .msg')).toEqual([]);
  });

  it('single-record view /qbo-sync/INV-20417: one card, not over the banner, counting retries right', async () => {
    const views = await open(s, '/qbo-sync/INV-20417');
    expect(views.map((v) => [v.kind, v.label])).toEqual([['card', 'Mapping missing']]);
    expect(await covered(s.page, '.banner-msg, button[data-action]')).toEqual([]);
    // The card comes after the message it explains, not between its label and the message.
    const below = await s.page.evaluate((host) => {
      const message = document.querySelector('.banner-msg')!.getBoundingClientRect();
      const card = document.querySelector(host)!.getBoundingClientRect();
      return card.top >= message.bottom;
    }, HOST);
    expect(below).toBe(true);
    // The page shows "Attempts 2": the first try plus 1 retry (the record's own log says Retries 1).
    expect(views[0]!.text).not.toMatch(/\b2 retries\b/);
  });

  it('Sync Hub: one badge on every failing row, none elsewhere, and a summary', async () => {
    const views = await open(s, '/sync-hub', 20);
    const failing = await s.page.$$eval('tr[data-live^="row:"]', (rows) =>
      rows
        .filter((r) =>
          /^(Failed|Needs attention)$/.test(r.querySelector('.status-current')?.textContent ?? ''),
        )
        .map((r) => r.getAttribute('data-live')),
    );
    expect(failing).toHaveLength(19);
    const badges = views.filter((v) => v.kind === 'badge');
    expect(badges.map((b) => b.unit).sort()).toEqual([...failing].sort());
    const label = (record: string) => badges.find((b) => b.unit === `row:${record}`)?.label;
    expect(label('INV-20417')).toBe('Mapping missing');
    expect(label('INV-20391')).toBe('Duplicate detected');
    expect(label('INV-20422')).toBe('Not ready to sync');
    expect(label('BILL-3112')).toBe('Unrecognised message');
    expect(badges.every((b) => b.expanded === 'false')).toBe(true);

    const summaries = views.filter((v) => v.kind === 'summary');
    expect(summaries).toHaveLength(1);
    const summary = summaries[0]!.text;
    // The failed count is the one AWRA's own list shows; the record needing attention apart.
    const awraCount = await s.page.$eval('p.summary', (p) => p.textContent ?? '');
    expect(awraCount).toContain('· 18 failed');
    expect(summary).toContain('18 failed and 1 needs attention on this page');
    for (const line of ['Mapping missing: 4', 'Duplicate detected: 3', 'Not ready to sync: 1'])
      expect(summary).toContain(line);
    for (const line of ['QuickBooks Online: 10', 'Paystack: 2', 'Webhooks: 2'])
      expect(summary).toContain(line);
    // The page's title sits in a flex row (".page-head"): the summary goes below that row, not
    // beside the title, and the row keeps its height.
    const place = await s.page.evaluate((host) => {
      const heading = document.querySelector('main h1')!.getBoundingClientRect();
      const head = document.querySelector('.page-head')!.getBoundingClientRect();
      const panel = [...document.querySelectorAll(host)]
        .find((h) => h.shadowRoot?.querySelector('.summary'))!
        .getBoundingClientRect();
      return { below: panel.top >= head.bottom, headHeight: head.height, title: heading.height };
    }, HOST);
    expect(place.below).toBe(true);
    expect(place.headHeight).toBeLessThan(place.title * 2);

    await (await overlayButton(s.page, 'Mapping missing', 'row:INV-20417')).click();
    const after = await settled(s.page, 20);
    const opened = after.find((v) => v.unit === 'row:INV-20417')!;
    expect(opened.expanded).toBe('true');
    expect(opened.text).toMatch(/Likely cause:/);
    expect(opened.text).toContain("Account 'Sales - M-Pesa' is not mapped");
  });

  it('Integrations: badges on failing webhook deliveries and on connector cards with a recognised failure', async () => {
    const views = await open(s, '/integrations', 3);
    const badges = views.filter((v) => v.kind === 'badge');
    const rows = badges.filter((b) => b.unit?.startsWith('row:')).map((b) => b.unit);
    expect(rows.sort()).toEqual(['row:DLV-7742', 'row:DLV-7743']);
    // Every connector card shows "Failed records" > 0. A card whose last message is of a known type
    // gets a badge; an unrecognised last message on a card with no status is not guessed at.
    const failingCards = await s.page.$$eval('article[data-live^="connector:"]', (cards) =>
      cards
        .filter((c) => {
          const kv = [...c.querySelectorAll('.kv')].find(
            (k) => k.querySelector('.k')?.textContent === 'Failed records',
          );
          return Number(kv?.querySelector('.v')?.textContent ?? 0) > 0;
        })
        .map((c) => c.getAttribute('data-live')),
    );
    expect(failingCards).toHaveLength(6);
    const cardBadges = badges.filter((b) => b.unit?.startsWith('connector:')).map((b) => b.unit);
    expect(cardBadges.sort()).toEqual([
      'connector:mpesa',
      'connector:paystack',
      'connector:sms',
      'connector:smtp',
    ]);
    expect(failingCards).toEqual(expect.arrayContaining(cardBadges));
    expect(views.filter((v) => v.kind === 'summary')).toHaveLength(1);
  });

  it('Sync Hub summary: a connector-wide alert for QuickBooks Online failing for 5+ records', async () => {
    const views = await open(s, '/sync-hub', 20);
    const summary = views.find((v) => v.kind === 'summary')!;
    const alert = /QuickBooks Online failed for (\d+) records in the last 24 hours/.exec(
      summary.text,
    );
    expect(alert, summary.text).not.toBeNull();
    expect(Number(alert![1])).toBeGreaterThanOrEqual(5);
    const role = await s.page.evaluate(
      (tag: string) =>
        [...document.querySelectorAll(tag)]
          .map((h) => h.shadowRoot?.querySelector('.summary .alert'))
          .find(Boolean)
          ?.getAttribute('role') ?? null,
      HOST,
    );
    expect(role).toMatch(/^(status|alert)$/);
  });

  it('raised no page error and opened no dialog', () => {
    expect(s.pageErrors).toEqual([]);
    expect(s.dialogs).toEqual([]);
  });
});
