// axe-core on the overlay (inside our open e2e-build shadow roots): no serious or critical
// violation on a record card, its retry confirmation, and a list screen's badges and summary
// (short lists in their rows, long lists drawn over them).
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './engine';
import {
  eventually,
  HOST,
  open,
  openSession,
  overlayButton,
  settled,
  type Session,
} from './overlay-helpers';

let s: Session;
beforeAll(async () => {
  s = await openSession();
});
afterAll(() => s?.close());

interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * axe-core on our hosts only (open shadow roots in the e2e build). Returns the serious and
 * critical violations, and how many checked nodes were inside a shadow root (to prove it looked).
 */
async function axeOnOverlay(
  page: Page,
): Promise<{ violations: AxeFinding[]; shadowNodesChecked: number }> {
  await page.addScriptTag({ path: join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
  return page.evaluate(async (tag: string) => {
    type AxeNode = { target: unknown[] };
    type Result = { id: string; impact: string | null; help: string; nodes: AxeNode[] };
    const axe = (
      window as unknown as {
        axe: { run(c: unknown, o: unknown): Promise<{ violations: Result[]; passes: Result[] }> };
      }
    ).axe;
    const hosts = [...document.querySelectorAll(tag)];
    const results = await axe.run({ include: hosts }, { resultTypes: ['violations', 'passes'] });
    return {
      violations: results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          targets: v.nodes.map((n) => JSON.stringify(n.target)),
        })),
      shadowNodesChecked: results.passes
        .flatMap((p) => p.nodes)
        .filter((n) => Array.isArray(n.target[0])).length,
    };
  }, HOST);
}

async function expectAccessible() {
  const { violations, shadowNodesChecked } = await axeOnOverlay(s.page);
  expect(violations).toEqual([]);
  // axe looked inside the shadow roots, not only at the empty hosts.
  expect(shadowNodesChecked).toBeGreaterThan(5);
}

/** The same check in the light and the dark OS theme. */
async function expectAccessibleInBothThemes() {
  await expectAccessible();
  await s.page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  try {
    await expectAccessible();
  } finally {
    await s.page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  }
}

describe('overlay accessibility (axe-core)', () => {
  it('/invoices/INV-20417: the expanded card, in light and dark OS themes', async () => {
    const views = await open(s, '/invoices/INV-20417');
    expect(views.map((v) => v.kind)).toEqual(['card']);
    const body = await s.page.evaluate(
      (tag: string) =>
        !document
          .querySelector(tag)!
          .shadowRoot!.querySelector('article [id$="-body"]')!
          .hasAttribute('hidden'),
      HOST,
    );
    expect(body).toBe(true);
    await expectAccessibleInBothThemes();
  });

  it('/invoices/INV-20417: the card with the retry confirmation open, reached from the keyboard', async () => {
    await s.page.focus('button[data-action="retry"]');
    await s.page.keyboard.press('Enter');
    await eventually(
      () =>
        s.page.evaluate(
          (tag: string) =>
            document.querySelector(tag)?.shadowRoot?.querySelector('[role=alertdialog]') != null,
          HOST,
        ),
      'the retry confirmation',
    );
    await expectAccessible();
    // Focus moved to the question's first safe answer.
    const focused = await s.page.evaluate(
      (tag: string) =>
        document.activeElement?.tagName.toLowerCase() === tag
          ? document.activeElement.shadowRoot?.activeElement?.textContent
          : null,
      HOST,
    );
    expect(focused).toBe('Don’t retry');
    await (await overlayButton(s.page, 'Don’t retry')).click();
  });

  it('/sync-hub: the badges, one of them expanded, and the summary', async () => {
    await open(s, '/sync-hub', 20);
    await (await overlayButton(s.page, 'Mapping missing', 'row:INV-20417')).click();
    const views = await settled(s.page, 20);
    expect(views.find((v) => v.unit === 'row:INV-20417')?.expanded).toBe('true');
    expect(views.filter((v) => v.kind === 'summary')).toHaveLength(1);
    await expectAccessible();
  });

  it('/sync-hub?rows=2000: badges drawn over the rows, one expanded, and the floating summary', async () => {
    await s.page.goto(`${s.mock.url}/sync-hub?rows=2000`, { waitUntil: 'load', timeout: 60_000 });
    await settled(s.page, 2, 30_000);
    const expanded = await s.page.evaluate(async (tag: string) => {
      const host = [...document.querySelectorAll(tag)].find((h) => h.closest('sync-assist-layer'))!;
      host.shadowRoot!.querySelector<HTMLButtonElement>('button.badge')!.click();
      await new Promise((done) => setTimeout(done, 100));
      return host.shadowRoot!.querySelector('button.badge')!.getAttribute('aria-expanded');
    }, HOST);
    expect(expanded).toBe('true');
    await expectAccessibleInBothThemes();
  });

  it('raised no page error and opened no dialog', () => {
    expect(s.pageErrors).toEqual([]);
    expect(s.dialogs).toEqual([]);
  });
});
