// The options page's quality bar: axe-core finds no serious or critical violation (light and
// dark, 1280 and 800 px, with the rule editor and import errors showing), nothing overflows at
// 800 px, the rule editor opens from the keyboard, and leaving with unsaved changes asks first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './engine';
import { launchWithExtension, type WithExtension } from './harness';
import { openOptions, textWith } from './options-helpers';
import { eventually } from './overlay-helpers';
import { click } from './popup-helpers';

let ext: WithExtension;
beforeAll(async () => {
  ext = await launchWithExtension();
});
afterAll(() => ext?.close());

interface Finding {
  id: string;
  impact: string | null;
  targets: string[];
}

/** Serious and critical violations, and how many checks passed (to prove axe looked). */
async function seriousViolations(page: Page): Promise<{ found: Finding[]; passed: number }> {
  // Through the debugger protocol: the extension page's CSP refuses injected script tags.
  await page.evaluate(readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    type Result = { id: string; impact: string | null; nodes: { target: unknown[] }[] };
    const axe = (
      window as unknown as { axe: { run(): Promise<{ violations: Result[]; passes: Result[] }> } }
    ).axe;
    const { violations, passes } = await axe.run();
    const found = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        targets: v.nodes.map((n) => JSON.stringify(n.target)),
      }));
    return { found, passed: passes.flatMap((p) => p.nodes).length };
  });
}

/** Opens the editor and shows import errors, so axe sees those states too. */
async function showEverything(page: Page) {
  await click(page, 'Add a rule');
  await page.type('#rule-pattern', '(a+)+');
  await page.$eval('#import-text', (el) => {
    (el as HTMLTextAreaElement).value = '{"schemaVersion": 1}';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await click(page, 'Import pasted JSON');
  await textWith(page, '#import-errors', 'nothing was changed');
}

describe('options page quality', () => {
  for (const width of [1280, 800]) {
    it(`has no serious or critical axe violation at ${width} px, light and dark`, async () => {
      const page = await openOptions(ext, width);
      await showEverything(page);
      const light = await seriousViolations(page);
      expect(light.found).toEqual([]);
      expect(light.passed).toBeGreaterThan(100);
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
      expect((await seriousViolations(page)).found).toEqual([]);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await page.close();
    });
  }

  it('opens the rule editor from the keyboard alone', async () => {
    const page = await openOptions(ext);
    let focused = '';
    for (let i = 0; i < 60 && focused !== 'Add a rule'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement as HTMLElement).innerText ?? '');
    }
    expect(focused).toBe('Add a rule');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#rule-id');
    const active = () =>
      page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent);
    expect(await active()).toBe('rule-id');
    // Cancel from the keyboard: focus goes back to "Add a rule".
    await page.focus('#rule-description');
    await page.keyboard.press('Tab');
    expect(await active()).toBe('Add rule');
    await page.keyboard.press('Tab');
    expect(await active()).toBe('Cancel');
    await page.keyboard.press('Enter');
    await eventually(async () => (await active()) === 'Add a rule', 'focus back on Add a rule');
    // Updating a rule from the keyboard: focus lands on that rule's row, scrolled into view.
    const id = await page.$eval(
      'table.rules tbody tr:nth-child(3) .rule-id',
      (el) => el.textContent!,
    );
    await page.focus(`table.rules tbody tr:nth-child(3) td.actions button:nth-child(3)`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#rule-id');
    await page.focus('#rule-description');
    await page.keyboard.press('Tab');
    expect(await active()).toBe('Update rule');
    await page.keyboard.press('Enter');
    await eventually(async () => (await active()) === `Edit ${id}`, `focus on rule ${id}`);
    const inView = await page.evaluate(() => {
      const box = document.activeElement!.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    await page.close();
  });

  it('asks before leaving with unsaved changes', async () => {
    const page = await openOptions(ext);
    await page.click('#threshold', { count: 3 });
    await page.keyboard.type('7');
    await textWith(page, '#save-status', 'unsaved changes');
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await eventually(async () => asked.length > 0, 'the leave-page question');
    expect(asked).toEqual(['beforeunload']);
    expect(page.isClosed()).toBe(false);
  });
});
