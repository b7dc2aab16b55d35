/**
 * Runs the real overlay controller on a page in the vitest happy-dom environment, with a backend
 * the test controls, and reads what its shadow roots show. Needs `@vitest-environment happy-dom`.
 */
import { vi } from 'vitest';
import { emptyState, type OverlayBackend, type RecordState } from '../../lib/overlay/backend';
import { startOverlay } from '../../lib/overlay/controller';
import { HOST_TAG } from '../../lib/overlay/mount';
import { defaultRulePack } from '../../lib/rules/default';

/** A backend whose every call answers like a working store with nothing recorded yet. */
export function memoryBackend(overrides: Partial<OverlayBackend> = {}): OverlayBackend {
  return {
    recordState: async () => emptyState(true),
    noteFailures: async () => ({}),
    recordRetry: async () => undefined,
    recordOutcome: async () => undefined,
    saveRecordState: async () => undefined,
    openEscalation: async () => false,
    ...overrides,
  };
}

/** What one host shows. */
export interface ShownHost {
  kind: 'card' | 'badge' | 'summary' | 'empty';
  /** The quoted message of the card, exactly as rendered. */
  quote: string | null;
  text: string;
  /** Elements that could run code or load something, found inside our shadow root. */
  active: number;
}

/** Loads the page into the global document (parsed, so its scripts never run); the overlay gets its URL. */
export function loadPage(html: string) {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.remove();
  document.append(document.importNode(parsed.documentElement, true));
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Starts the overlay (open shadow roots, as in the e2e build) and waits for the backend's answers. */
export async function runOverlay(url: string, backend: OverlayBackend = memoryBackend()) {
  vi.stubEnv('MODE', 'e2e');
  const controller = new AbortController();
  startOverlay({
    doc: document,
    url: () => url,
    pack: () => defaultRulePack,
    roleId: () => defaultRulePack.defaultRole,
    backend,
    signal: controller.signal,
    copyText: async () => undefined,
  });
  for (let i = 0; i < 3; i++) await settle();
  return {
    hosts: shownHosts,
    stop: () => {
      controller.abort();
      vi.unstubAllEnvs();
    },
  };
}

export function shownHosts(): ShownHost[] {
  return [...document.querySelectorAll(HOST_TAG)].map((host) => {
    const root = host.shadowRoot;
    const kind = root?.querySelector('section.summary')
      ? 'summary'
      : root?.querySelector('button.badge')
        ? 'badge'
        : root?.querySelector('article.card')
          ? 'card'
          : 'empty';
    return {
      kind,
      quote: root?.querySelector('article.card q')?.textContent ?? null,
      text: root?.lastElementChild?.textContent ?? '',
      active:
        root?.querySelectorAll('script, img, svg, iframe, object, embed, template, [onerror]')
          .length ?? 0,
    };
  });
}

/** Clicks every badge open, as a user expanding each row. */
export async function expandBadges() {
  for (const host of document.querySelectorAll(HOST_TAG))
    host.shadowRoot?.querySelector<HTMLButtonElement>('button.badge')?.click();
  await settle();
}

export type { RecordState };

/** Waits (polling, up to a generous bound) until `check` holds: answers arrive asynchronously. */
export async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never happened: ${what}`);
}
