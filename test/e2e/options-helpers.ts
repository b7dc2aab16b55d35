/** Helpers for the options-page browser tests. */
import type { Page, WebWorker } from 'puppeteer-core';
import type { WithExtension } from './harness';
import { eventually } from './overlay-helpers';

/** Opens the options page in a new tab and waits for it to load its settings. */
export async function openOptions(ext: WithExtension, width = 1280): Promise<Page> {
  const page = await ext.browser.newPage();
  await page.setViewport({ width, height: 900 });
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`, { waitUntil: 'load' });
  await page.waitForSelector('#rules-h');
  return page;
}

/** Replaces a field's value by typing, as a user would. */
export async function retype(page: Page, selector: string, words: string): Promise<void> {
  await page.click(selector, { count: 3 });
  await page.keyboard.press('Backspace');
  await page.$eval(selector, (el) => {
    (el as HTMLInputElement).value = '';
  });
  await page.type(selector, words);
}

/** One key of the extension's storage.local, read in the service worker. */
export function localStorageKey(worker: WebWorker, key: string): Promise<unknown> {
  return worker.evaluate(async (key: string) => {
    const chrome = (
      globalThis as unknown as {
        chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
      }
    ).chrome;
    return (await chrome.storage.local.get(key))[key] ?? null;
  }, key);
}

/** The ids of the content scripts the background registered at runtime. */
export function registeredScripts(worker: WebWorker): Promise<string[]> {
  return worker.evaluate(async () => {
    const chrome = (
      globalThis as unknown as {
        chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } };
      }
    ).chrome;
    return (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id);
  });
}

/** The text of `selector` once it contains `words`. */
export async function textWith(page: Page, selector: string, words: string): Promise<string> {
  return eventually(async () => {
    const text = await page.$eval(selector, (el) => (el as HTMLElement).innerText).catch(() => '');
    return text.includes(words) ? text : null;
  }, `"${words}" in ${selector}`);
}
