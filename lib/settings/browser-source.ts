import { browser } from 'wxt/browser';
import type { SettingsSource } from './watch';

/** storage.local keys of the admin's saved pack, its stamp and the user's role (./role.ts). */
export const PACK_KEY = 'rulePack';
export const PACK_STAMP_KEY = 'rulePackStamp';
export const POLICY_STAMP_KEY = 'policyPackStamp';
export const ROLE_KEY = 'role';

/** Managed storage rejects where no policy schema exists (Firefox without policy): read as empty. */
export async function readManaged(): Promise<unknown> {
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
      browser.storage.local.get([PACK_KEY, PACK_STAMP_KEY, POLICY_STAMP_KEY, ROLE_KEY]),
      readManaged(),
    ]);
    return {
      stored: local[PACK_KEY],
      storedStamp: local[PACK_STAMP_KEY],
      policyStamp: local[POLICY_STAMP_KEY],
      storedRole: local[ROLE_KEY],
      managed,
    };
  },
  onChange: (listener) => {
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (
        area === 'managed' ||
        (area === 'local' && [PACK_KEY, POLICY_STAMP_KEY, ROLE_KEY].some((key) => key in changes))
      )
        listener();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  },
};
