// The page matrix again, in real Chromium: the engine must read each fixture page exactly as it
// does in happy-dom (test/unit/analyze-fixtures.test.ts), with the fixture's own scripts not run.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeDocument, serializeAnalysis } from '../../lib/analyze';
import { parseHtml } from '../../lib/cli/html';
import { SerializedAnalysisSchema } from '../../lib/messaging/protocol';
import { defaultRulePack } from '../../lib/rules/default';
import { loadPageFixtures, recordDifferences } from '../helpers/fixtures';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { analyzeInPage, engineBundle, launchChromium, type Chromium } from './harness';

const fixtures = loadPageFixtures();
let chromium: Chromium;
let server: FixtureServer;
let page: Page;

beforeAll(async () => {
  [chromium, server] = await Promise.all([launchChromium(), startFixtureServer(), engineBundle()]);
  page = await chromium.browser.newPage();
  // The page's own scripts (inline, event handlers, javascript: URLs) never run; DevTools
  // evaluation, which analyzeInPage uses to inject the engine, still does.
  await page.setJavaScriptEnabled(false);
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

describe('engine harness in Chromium', () => {
  it('runs the injected engine while the page scripts stay disabled', async () => {
    const html = `<!doctype html><html><head><title>Probe</title></head><body>
<main><h1>Probe</h1><p>No sync here.</p></main>
<img src="/missing.png" onerror="document.body.dataset.handler = 'ran'">
<script>document.body.dataset.script = 'ran'; window.probeGlobal = 1;</script>
</body></html>`;
    await page.goto(server.show('probe', null, html), { waitUntil: 'load' });
    expect(await analyzeInPage(page, null)).toEqual({ page: null, records: [] });
    const ran = await page.evaluate(
      `({ script: document.body.dataset.script ?? null, handler: document.body.dataset.handler ?? null,
         global: typeof window.probeGlobal, engine: typeof window.SyncAssistEngine })`,
    );
    expect(ran).toEqual({ script: null, handler: null, global: 'undefined', engine: 'undefined' });
  });

  it('has no fixture that relies on <noscript> (read as markup when scripting is off)', () => {
    // With scripting disabled the HTML parser builds <noscript> content as elements, which a
    // user's browser does not: such a fixture would need another way to block page scripts.
    expect(fixtures.filter((f) => /<noscript/i.test(f.html)).map((f) => f.name)).toEqual([]);
  });
});

describe('analyzeDocument in Chromium on fixture pages', () => {
  for (const fixture of fixtures) {
    it(`${fixture.name} (${fixture.page ?? 'not a sync page'})`, async () => {
      await page.goto(server.show(fixture.name, fixture.url, fixture.html), {
        waitUntil: 'load',
      });
      // Decoy state a fixture script would have set (sync-hub-aria-grid) is absent.
      expect(await page.evaluate('typeof window.__AWRA_STATE__')).toBe('undefined');
      const analysis = await analyzeInPage(page, fixture.url);
      expect(analysis.page).toBe(fixture.page);
      expect(recordDifferences(fixture.records, analysis.records)).toEqual([]);
      expect(SerializedAnalysisSchema.safeParse(analysis).success).toBe(true);
      // Every field, not only those the expected file lists, matches the happy-dom reading.
      const inHappyDom = serializeAnalysis(
        analyzeDocument(parseHtml(fixture.html, fixture.url), fixture.url, defaultRulePack),
      );
      expect(analysis).toEqual(inHappyDom);
    });
  }
});
