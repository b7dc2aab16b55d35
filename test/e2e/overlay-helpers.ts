/** Helpers for the overlay browser tests: one Chromium + one mock AWRA app per file. */
import { recordKey } from '../../lib/store/db';
import type { ElementHandle, Page, WebWorker } from 'puppeteer-core';
import type { MockAwra } from '../mock-awra/server';
import { launchWithExtension, withMock, type WithExtension } from './harness';

export const HOST = 'sync-assist-overlay';

export interface Session {
  ext: WithExtension;
  mock: MockAwra;
  page: Page;
  /** Every dialog the page opened (alert/confirm/prompt): a hostile message ran as code. */
  dialogs: string[];
  pageErrors: string[];
  close(): Promise<void>;
}

/** Chromium with the e2e build (plus `args` switches) and the mock AWRA app. */
export async function openSession(args: string[] = []): Promise<Session> {
  const [mock, ext] = await Promise.all([withMock(), launchWithExtension(undefined, args)]);
  const page = await ext.browser.newPage();
  await page.setViewport({ width: 1366, height: 900 });
  const session: Session = {
    ext,
    mock,
    page,
    dialogs: [],
    pageErrors: [],
    close: async () => {
      await ext.close();
      await mock.close();
    },
  };
  page.on('pageerror', (error) => session.pageErrors.push(String(error)));
  page.on('dialog', (dialog) => {
    session.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return session;
}

/** What one overlay host shows, as read through its (e2e-build, open) shadow root. */
export interface HostView {
  /** `data-live` of the page unit holding the host (`row:INV-20417`, `synclog:…`), if any. */
  unit: string | null;
  kind: 'summary' | 'badge' | 'card' | 'empty';
  /** The badge's or card's type label. */
  label: string;
  /** The badge's aria-expanded. */
  expanded: string | null;
  /** Rendered text (innerText: hidden parts excluded). */
  text: string;
}

export function overlays(page: Page): Promise<HostView[]> {
  return page.evaluate((tag: string) => {
    return [...document.querySelectorAll(tag)].map((host) => {
      const root = host.shadowRoot;
      const badge = root?.querySelector('button.badge');
      const card = root?.querySelector('article.card');
      const summary = root?.querySelector('section.summary');
      const kind = summary ? 'summary' : badge ? 'badge' : card ? 'card' : 'empty';
      const label = badge
        ? (badge.firstChild?.textContent ?? '')
        : (card?.querySelector('.label')?.textContent ?? '');
      return {
        unit: host.parentElement?.closest('[data-live]')?.getAttribute('data-live') ?? null,
        kind: kind as 'summary' | 'badge' | 'card' | 'empty',
        label: label.trim(),
        expanded: badge?.getAttribute('aria-expanded') ?? null,
        text: (root?.lastElementChild as HTMLElement | null)?.innerText ?? '',
      };
    });
  }, HOST);
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/**
 * Waits until the overlay stops changing (hosts and their text the same over three looks 150 ms
 * apart) with at least `min` hosts; the history and ticks arrive from the background a bit later.
 */
export async function settled(page: Page, min = 1, timeout = 10_000): Promise<HostView[]> {
  const until = Date.now() + timeout;
  let last = '';
  let same = 0;
  for (;;) {
    const views = await overlays(page);
    const now = JSON.stringify(views);
    same = now === last && views.length >= min ? same + 1 : 0;
    last = now;
    if (same >= 2) return views;
    if (Date.now() > until)
      throw new Error(`overlay did not settle with ≥${min} hosts: ${views.length} hosts`);
    await sleep(150);
  }
}

/** Opens a mock screen with a full load and waits for the overlay to settle. */
export async function open(s: Session, path: string, min = 1): Promise<HostView[]> {
  await s.page.goto(`${s.mock.url}${path}`, { waitUntil: 'load' });
  return settled(s.page, min);
}

/**
 * A button inside our shadow roots whose visible words start with `words`, optionally only in
 * the host inside the page unit `unit` (`row:INV-20417`).
 */
export async function overlayButton(
  page: Page,
  words: string,
  unit?: string,
): Promise<ElementHandle<HTMLButtonElement>> {
  const handle = await page.evaluateHandle(
    (tag: string, words: string, unit: string | null) => {
      const hosts = [...document.querySelectorAll(tag)].filter(
        (h) =>
          unit === null ||
          h.parentElement?.closest('[data-live]')?.getAttribute('data-live') === unit,
      );
      for (const host of hosts) {
        for (const button of host.shadowRoot?.querySelectorAll('button') ?? []) {
          const clone = button.cloneNode(true) as HTMLElement;
          clone.querySelectorAll('.sr').forEach((sr) => sr.remove());
          if ((clone.textContent ?? '').trim().startsWith(words)) return button;
        }
      }
      return null;
    },
    HOST,
    words,
    unit ?? null,
  );
  const button = handle.asElement() as ElementHandle<HTMLButtonElement> | null;
  if (!button) throw new Error(`no overlay button "${words}"${unit ? ` in ${unit}` : ''}`);
  return button;
}

/** The mock's own view of a record (GET /api/records/:id). */
export async function apiRecord(
  mock: MockAwra,
  record: string,
): Promise<{ status: string; retries: number; message: string }> {
  const res = await fetch(`${mock.url}/api/records/${record}`);
  return (await res.json()) as { status: string; retries: number; message: string };
}

/** A record's key in the extension's `retries` and `checklist` stores, on the mock's site. */
export const storeKey = (mock: { url: string }, connector: string, recordNumber: string) =>
  recordKey({ site: new URL(mock.url).origin, connector, recordNumber });

/** One row of the extension's IndexedDB (read in the service worker, the extension's origin). */
export function readStore(
  worker: WebWorker,
  store: string,
  key: string | readonly string[],
): Promise<unknown> {
  return worker.evaluate(
    (store: string, key: string | readonly string[]) =>
      new Promise<unknown>((ok, fail) => {
        const open = indexedDB.open('sync-assist');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(store)) {
            db.close();
            ok(null);
            return;
          }
          const get = db
            .transaction(store)
            .objectStore(store)
            .get(key as IDBValidKey);
          get.onsuccess = () => {
            db.close();
            ok(get.result ?? null);
          };
          get.onerror = () => fail(get.error);
        };
      }),
    store,
    key,
  );
}

/** Polls `check` until it returns a value other than null/undefined/false. */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false>,
  what: string,
  timeout = 8_000,
): Promise<T> {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}
