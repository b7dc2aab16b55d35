// The hostile page corpus (test/helpers/hostile-pages.ts) in Chromium with the extension: every
// page is read to the end, no payload runs (they would set window.__pwned and the title), the
// overlay quotes each message as text; and a web page cannot talk to the extension at all.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordKey } from '../../lib/store/db';
import { hostilePages } from '../helpers/hostile-pages';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { contentScriptTab, launchWithExtension, type WithExtension } from './harness';
import { HOST, readStore, settled } from './overlay-helpers';

let ext: WithExtension;
let server: FixtureServer;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  [ext, server] = await Promise.all([launchWithExtension(), startFixtureServer()]);
  page = await ext.browser.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** What the card quotes of a message: the card shortens long messages itself. */
const quoted = (message: string) => (message.length > 400 ? `${message.slice(0, 400)}…` : message);

/** Opens every badge, then reads each card's quote and counts active elements in our roots. */
const overlayState = (page: Page) =>
  page.evaluate(async (tag: string) => {
    const hosts = [...document.querySelectorAll(tag)];
    for (const host of hosts) host.shadowRoot?.querySelector<HTMLElement>('button.badge')?.click();
    await new Promise((ok) => setTimeout(ok, 100));
    return {
      quotes: hosts.flatMap((h) => {
        const q = h.shadowRoot?.querySelector('article.card q');
        return q ? [q.textContent ?? ''] : [];
      }),
      active: hosts.reduce(
        (n, h) =>
          n +
          (h.shadowRoot?.querySelectorAll('script, img, svg, iframe, object, embed, [onerror]')
            .length ?? 0),
        0,
      ),
      pwned: (window as { __pwned?: unknown }).__pwned ?? null,
      title: document.title,
    };
  }, HOST);

describe('hostile pages in Chromium', () => {
  it.each(hostilePages().map((p) => [p.name, p] as const))(
    '%s: read to the end, nothing runs, the card quotes the text',
    async (name, p) => {
      const url = server.show(name, p.url, p.html);
      await page.goto(url, { waitUntil: 'load' });
      const title = await page.title();
      const { response } = await contentScriptTab(ext.worker, page);
      const records = response.analysis.records;
      expect(records.map((r) => r.recordNumber)).toEqual(p.records.map((r) => r.recordNumber));
      p.records.forEach((want, i) => {
        if (want.message !== null) expect(records[i]!.message).toBe(want.message);
      });
      await settled(page, records.length > 1 ? records.length + 1 : 1);
      const state = await overlayState(page);
      expect(state.quotes).toEqual(records.map((r) => quoted(r.message!)));
      expect(state).toMatchObject({ active: 0, pwned: null, title });
      expect(dialogs).toEqual([]);
    },
  );

  it('one-megabyte-message: the content script answers with the message capped', async () => {
    const p = hostilePages().find((page) => page.name === 'one-megabyte-message')!;
    await page.goto(server.show(p.name, p.url, p.html), { waitUntil: 'load' });
    const { response } = await contentScriptTab(ext.worker, page);
    expect(response.analysis.records[0]!.message!.length).toBeLessThanOrEqual(2001);
    expect(response.analysis.records[0]!.messageType).toBe('mapping-missing');
  });
});

describe('a web page cannot reach the extension', () => {
  it('chrome.runtime.sendMessage from the page gets no answer and stores nothing', async () => {
    const p = hostilePages()[0]!;
    await page.goto(server.show(p.name, p.url, p.html), { waitUntil: 'load' });
    const request = {
      type: 'record-retry',
      connector: 'QuickBooks Online',
      recordNumber: 'INV-PAGE-1',
      message: 'from the page',
      overridden: true,
    };
    const outcome = await page.evaluate(
      async (id: string, request: object) => {
        const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: Function } } }).chrome
          ?.runtime;
        if (!runtime?.sendMessage) return 'no runtime messaging for pages';
        try {
          const answer = await Promise.race([
            (runtime.sendMessage as (id: string, m: object) => Promise<unknown>)(id, request),
            new Promise((ok) => setTimeout(() => ok('no reply'), 1000)),
          ]);
          return answer === undefined ? 'no reply' : `answered ${JSON.stringify(answer)}`;
        } catch (error) {
          return `refused: ${String(error)}`;
        }
      },
      ext.extensionId,
      request,
    );
    console.info(`page → extension: ${outcome}`);
    expect(outcome).not.toMatch(/^answered/);
    // Same request through window messaging, which a content script might listen to: ignored too.
    await page.evaluate((request: object) => window.postMessage(request, '*'), request);
    expect(
      await readStore(
        ext.worker,
        'retries',
        recordKey({
          site: new URL(page.url()).origin,
          connector: 'QuickBooks Online',
          recordNumber: 'INV-PAGE-1',
        }),
      ),
    ).toBeNull();
  });
});
