import { storage } from 'wxt/utils/storage';

/** The user's AWRA role id (a RulePack role), chosen in the options page; the pack's default until then. */
export const roleItem = storage.defineItem<string | null>('local:role', { fallback: null });
