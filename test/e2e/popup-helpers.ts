/** Helpers for the popup browser tests: the popup page opened in a tab with `?tab=<id>`. */
import type { Page } from 'puppeteer-core';
import { contentScriptTab, type WithExtension } from './harness';
import { eventually } from './overlay-helpers';

/** Opens `url` in `page`, then the popup for that tab in a new page. */
export async function openPopupFor(ext: WithExtension, page: Page, url: string): Promise<Page> {
  await page.goto(url, { waitUntil: 'load' });
  return openPopupForTab(ext, page);
}

/** The popup for the tab `page` already shows (its content script answering), in a new page. */
export async function openPopupForTab(ext: WithExtension, page: Page): Promise<Page> {
  const { tabId } = await contentScriptTab(ext.worker, page);
  const popup = await ext.browser.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tabId}`, {
    waitUntil: 'load',
  });
  await eventually(
    () => popup.evaluate(() => !document.body.innerText.includes('Reading the page')),
    'the popup to read the page',
  );
  return popup;
}

export const value = (popup: Page, id: string) =>
  popup.$eval(`#${id}`, (el) => (el as HTMLInputElement).value);

export const text = (popup: Page, selector: string) =>
  popup.$eval(selector, (el) => (el as HTMLElement).innerText);

/** Clicks the first button (or link) whose visible words start with `words`. */
export async function click(popup: Page, words: string, within = 'body'): Promise<void> {
  const found = await popup.evaluate(
    (words: string, within: string) => {
      const scope = document.querySelector(within);
      for (const el of scope?.querySelectorAll<HTMLElement>('button, a') ?? []) {
        if ((el.innerText ?? '').trim().startsWith(words)) {
          el.click();
          return true;
        }
      }
      return false;
    },
    words,
    within,
  );
  if (!found) throw new Error(`no button "${words}" in ${within}`);
}

/** Types into a field after focusing it (keyboard, as a user would). */
export async function type(popup: Page, id: string, words: string): Promise<void> {
  await popup.focus(`#${id}`);
  await popup.keyboard.type(words);
}

export async function waitText(popup: Page, selector: string, words: string): Promise<void> {
  const shown = async () => ((await popup.$(selector)) ? await text(popup, selector) : '(none)');
  await eventually(async () => (await shown()).includes(words), `"${words}" in ${selector}`).catch(
    async (error: Error) => {
      throw new Error(`${error.message}; it shows: ${(await shown()).slice(0, 300)}`);
    },
  );
}
