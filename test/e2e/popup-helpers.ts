/** Helpers for the popup browser tests: the popup page opened in a tab with `?tab=<id>`. */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import type { MockAwra } from '../mock-awra/server';
import { contentScriptTab, launchWithExtension, withMock, type WithExtension } from './harness';
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

/** One Chromium with the e2e build, one mock AWRA app and one AWRA tab, for a popup test file. */
export interface PopupSuite {
  ext: WithExtension;
  mock: MockAwra;
  /** The AWRA tab. */
  page: Page;
  /** Uncaught errors in any popup opened through `popupFor` or `watch`. */
  popupErrors: string[];
  /** Opens `path` of the mock in the AWRA tab, then the popup for it. */
  popupFor(path: string): Promise<Page>;
  /** Records the popup's uncaught errors in `popupErrors`. */
  watch(popup: Page): Page;
}

/** Registers the file's beforeAll/afterAll; the returned object is filled in by beforeAll. */
export function popupSuite(): PopupSuite {
  const suite = { popupErrors: [] as string[] } as PopupSuite;
  beforeAll(async () => {
    [suite.mock, suite.ext] = await Promise.all([withMock(), launchWithExtension()]);
    suite.page = await suite.ext.browser.newPage();
    await suite.ext.browser
      .defaultBrowserContext()
      .overridePermissions(`chrome-extension://${suite.ext.extensionId}`, [
        'clipboard-read',
        'clipboard-write',
        'clipboard-sanitized-write',
      ]);
    suite.watch = (popup) => {
      popup.on('pageerror', (error) => suite.popupErrors.push(String(error)));
      return popup;
    };
    suite.popupFor = async (path) =>
      suite.watch(await openPopupFor(suite.ext, suite.page, `${suite.mock.url}${path}`));
  });
  afterAll(async () => {
    await suite.ext?.close();
    await suite.mock?.close();
  });
  return suite;
}
