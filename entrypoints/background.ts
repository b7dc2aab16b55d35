import { createBackgroundHandler } from '@/lib/messaging/background-handler';
import { firstAnswer } from '@/lib/messaging/dispatch';
import { createEscalationHandler } from '@/lib/messaging/escalation-handler';
import { createLoadOverlayHandler } from '@/lib/messaging/load-overlay';
import { createOpenEscalationHandler } from '@/lib/messaging/open-escalation';
import { defaultRulePack } from '@/lib/rules/default';
import { browserSettingsSource, readManaged } from '@/lib/settings/browser-source';
import { restampPacks } from '@/lib/settings/restamp';
import { loadSettings } from '@/lib/settings/watch';
import { browserRegistry, OVERLAY_SCRIPT_FILE } from '@/lib/sites/browser-registry';
import { syncRegistrations } from '@/lib/sites/registrar';
import { sitesItem } from '@/lib/sites/storage';
import { openStore } from '@/lib/store/open';

export default defineBackground(() => {
  // Retry history, failures seen and checklist ticks live in IndexedDB here, in the extension's
  // origin; content scripts reach them only through these validated messages.
  const handle = createBackgroundHandler({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    openStore: () => openStore(),
    now: () => Date.now(),
    // Read per request: the admin's pack and managed policy apply at once, even just after the
    // worker wakes up.
    windowHours: async () =>
      (await loadSettings(browserSettingsSource, defaultRulePack)).pack.escalation.windowHours,
    connectorAliases: async () =>
      (await loadSettings(browserSettingsSource, defaultRulePack)).pack.connectorAliases,
  });
  // The popup's escalation history: answered only for this extension's own pages.
  const handleEscalation = createEscalationHandler({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    openStore: () => openStore(),
    now: () => Date.now(),
    settings: () => loadSettings(browserSettingsSource, defaultRulePack),
  });
  // The overlay's "Prepare an escalation" opens the popup with that record chosen.
  const handleOpen = createOpenEscalationHandler({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    now: () => Date.now(),
    setPending: (pending) => browser.storage.session.set({ pendingEscalation: pending }),
    openPopup: () => browser.action.openPopup(),
  });
  // The content script's gate asks for the overlay only on what may be a sync screen.
  const handleLoadOverlay = createLoadOverlayHandler({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    scriptablePatterns: async () => [
      ...(browser.runtime.getManifest().content_scripts ?? []).flatMap((s) => s.matches ?? []),
      ...(await browser.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []),
    ],
    inject: async (tabId, frameId) => {
      await browser.scripting.executeScript({
        target: { tabId, frameIds: [frameId] },
        files: [OVERLAY_SCRIPT_FILE],
      });
    },
  });
  browser.runtime.onMessage.addListener(
    firstAnswer(handle, handleEscalation, handleOpen, handleLoadOverlay),
  );

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
  // The rule packs' patterns are checked here once (after an update the check may be stricter),
  // so AWRA tabs only compile them (lib/settings/restamp.ts).
  const restamp = () => {
    restampPacks(browser.storage.local, readManaged).catch((error: unknown) =>
      console.error('Sync Assist: could not check the rule packs', error),
    );
  };
  browser.runtime.onInstalled.addListener(restamp);
  browser.runtime.onStartup.addListener(restamp);
  browser.storage.onChanged.addListener((_, area) => {
    if (area === 'managed') restamp();
  });
});
