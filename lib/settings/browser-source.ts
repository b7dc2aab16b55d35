import { browser } from 'wxt/browser';
import type { SettingsSource } from './watch';

/** storage.local keys of the admin's saved pack and the user's role (see ./role.ts). */
export const PACK_KEY = 'rulePack';
export const ROLE_KEY = 'role';

/** Managed storage rejects where no policy schema exists (Firefox without policy): read as empty. */
async function readManaged(): Promise<unknown> {
  try {
    return (await browser.storage.managed.get(null)) ?? {};
  } catch {
    return {};
  }
}

/** The settings layers from browser.storage (extension pages, background and content scripts). */
export const browserSettingsSource: SettingsSource = {
  read: async () => {
    const [local, managed] = await Promise.all([
      browser.storage.local.get([PACK_KEY, ROLE_KEY]),
      readManaged(),
    ]);
    return { stored: local[PACK_KEY], storedRole: local[ROLE_KEY], managed };
  },
  onChange: (listener) => {
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'managed' || (area === 'local' && (PACK_KEY in changes || ROLE_KEY in changes)))
        listener();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  },
};
