import { browserRegistry } from '@/lib/sites/browser-registry';
import { syncRegistrations } from '@/lib/sites/registrar';
import { sitesItem } from '@/lib/sites/storage';

export default defineBackground(() => {
  // Admin-added AWRA hosts: keep content-script registrations in step with the site list and
  // with the host permissions the admin granted (or later revoked in the browser's settings).
  const sync = async () => {
    try {
      await syncRegistrations(await sitesItem.getValue(), browserRegistry);
    } catch (error) {
      console.error('Sync Assist: could not register content scripts for admin-added sites', error);
    }
  };
  sitesItem.watch(() => void sync());
  browser.permissions.onAdded.addListener(() => void sync());
  browser.permissions.onRemoved.addListener(() => void sync());
  browser.runtime.onStartup.addListener(() => void sync());
  browser.runtime.onInstalled.addListener(() => void sync());
});
