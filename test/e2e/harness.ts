/** Browser-test harness: real Chromium (puppeteer-core) with the extension, the mock AWRA app. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';
import { askGate, GATE_KEY } from '../../lib/gate/entry';
import type { GetAnalysisResponse } from '../../lib/messaging/protocol';
import { startMockAwra, type MockAwra } from '../mock-awra/server';
import { ROOT } from './engine';

export { analyzeInPage, engineBundle } from './engine';

export const E2E_BUILD = join(ROOT, '.output', 'chrome-mv3-e2e');
export const PROD_BUILD = join(ROOT, '.output', 'chrome-mv3');

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface Chromium {
  browser: Browser;
  close(): Promise<void>;
}

export interface WithExtension extends Chromium {
  extensionId: string;
  /** The extension's background service worker. */
  worker: WebWorker;
}

/**
 * Headless Chromium with a fresh profile; `extensionDir` loads one unpacked extension; `args`
 * adds command-line switches (e.g. `--host-resolver-rules` to reach the mock under a hostname).
 */
export async function launchChromium(
  extensionDir?: string,
  args: string[] = [],
): Promise<Chromium> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'sync-assist-e2e-'));
  try {
    const browser = await puppeteer.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      headless: true,
      pipe: true,
      enableExtensions: extensionDir ? [extensionDir] : false,
      args: [...ARGS, ...args],
      userDataDir,
    });
    return {
      browser,
      close: async () => {
        try {
          await browser.close();
        } finally {
          rmSync(userDataDir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

/** Chromium with the unpacked extension in `dir` (the e2e build by default). */
export async function launchWithExtension(
  dir = E2E_BUILD,
  args: string[] = [],
): Promise<WithExtension> {
  const absoluteDir = resolve(ROOT, dir);
  if (!existsSync(join(absoluteDir, 'manifest.json')))
    throw new Error(`no extension build in ${absoluteDir}: run \`npm run build:e2e\` first`);
  const chromium = await launchChromium(absoluteDir, args);
  try {
    const target = await chromium.browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
      { timeout: 30_000 },
    );
    const worker = await target.worker();
    if (!worker) throw new Error('the extension service worker target has no worker');
    return { ...chromium, extensionId: new URL(target.url()).host, worker };
  } catch (error) {
    await chromium.close();
    throw error;
  }
}

/** What a tab's content script did with one message sent from the service worker. */
export type TabReply =
  { answered: true; value: unknown } | { answered: false; error: string | null };

interface ChromeTabs {
  query(q: object): Promise<{ id?: number }[]>;
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
}

/** From the service worker: `chrome.tabs.sendMessage(tabId, message)`; no answer is not an error. */
export async function sendToTab(
  worker: WebWorker,
  tabId: number,
  message: unknown,
): Promise<TabReply> {
  return worker.evaluate(
    async (tabId: number, message: unknown): Promise<TabReply> => {
      const tabs = (globalThis as unknown as { chrome: { tabs: ChromeTabs } }).chrome.tabs;
      try {
        const value = await tabs.sendMessage(tabId, message);
        return value === undefined ? { answered: false, error: null } : { answered: true, value };
      } catch (error) {
        return { answered: false, error: String(error) };
      }
    },
    tabId,
    message,
  );
}

interface ChromeScripting {
  executeScript(injection: {
    target: { tabId: number };
    func: (...args: never[]) => unknown;
    args: unknown[];
  }): Promise<{ result?: unknown }[]>;
}

/**
 * From the service worker, as the popup asks: the gate's answer to `request` in tab `tabId`
 * (lib/gate/entry.ts askGate run in the tab); null where no gate answers or the tab is not ours.
 */
export async function askGateInTab(
  worker: WebWorker,
  tabId: number,
  request: unknown,
): Promise<unknown> {
  return worker.evaluate(
    async (tabId: number, request: unknown, key: string, source: string) => {
      const scripting = (globalThis as unknown as { chrome: { scripting: ChromeScripting } }).chrome
        .scripting;
      // The popup's own function, rebuilt from its source (only the source travels anyway).
      const func = new Function(`return (${source})`)() as (...args: never[]) => unknown;
      try {
        const [frame] = await scripting.executeScript({
          target: { tabId },
          func,
          args: [key, request],
        });
        return frame?.result ?? null;
      } catch {
        return null;
      }
    },
    tabId,
    request,
    GATE_KEY,
    askGate.toString(),
  );
}

/**
 * From the service worker: the tab showing `url` and its gate's `get-analysis` answer. The
 * extension has no `tabs` permission, so `chrome.tabs.query` does not reveal tab URLs: every tab
 * is asked, and the tab whose answer names `url` (the gate's `location.href`) wins.
 */
async function askTabs(
  worker: WebWorker,
  url: string,
): Promise<{ tabId: number; response: GetAnalysisResponse } | null> {
  const tabIds = await worker.evaluate(async () => {
    const tabs = (globalThis as unknown as { chrome: { tabs: ChromeTabs } }).chrome.tabs;
    return (await tabs.query({})).flatMap(({ id }) => (id === undefined ? [] : [id]));
  });
  for (const tabId of tabIds) {
    const response = (await askGateInTab(worker, tabId, {
      type: 'get-analysis',
    })) as GetAnalysisResponse | null;
    if (response?.url === url) return { tabId, response };
  }
  return null;
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/**
 * The content script's `get-analysis` answer for `page` (and its tab id), asked from the service
 * worker. The content script runs at document_idle, so this retries (20 × 100 ms).
 */
export async function contentScriptTab(
  worker: WebWorker,
  page: Page,
): Promise<{ tabId: number; response: GetAnalysisResponse }> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const found = await askTabs(worker, page.url());
    if (found) return found;
    await sleep(100);
  }
  throw new Error(`no tab's content script answered get-analysis for ${page.url()}`);
}

/** The content script's `get-analysis` answer for `page`. */
export async function analysisFromContentScript(
  worker: WebWorker,
  page: Page,
): Promise<GetAnalysisResponse> {
  return (await contentScriptTab(worker, page)).response;
}

/** The mock AWRA app on 127.0.0.1, on a free port. */
export function withMock(): Promise<MockAwra> {
  return startMockAwra({ port: 0, host: '127.0.0.1' });
}
