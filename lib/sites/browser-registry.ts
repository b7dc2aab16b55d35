import { browser } from 'wxt/browser';
import type { ScriptRegistry } from './registrar';

/** The always-on gate WXT builds from entrypoints/gate.ts (wxt.config.ts GATE_SCRIPT_FILE). */
export const CONTENT_SCRIPT_FILE = 'gate.js';
/** The on-demand overlay WXT builds from entrypoints/overlay-main.ts; the gate has it injected. */
export const OVERLAY_SCRIPT_FILE = '/overlay-main.js';

/** ScriptRegistry over browser.permissions and browser.scripting (the extension shell only). */
export const browserRegistry: ScriptRegistry = {
  hasPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
  registeredIds: async () =>
    (await browser.scripting.getRegisteredContentScripts()).map((script) => script.id),
  register: (scripts) =>
    browser.scripting.registerContentScripts(
      scripts.map((script) => ({
        ...script,
        js: [CONTENT_SCRIPT_FILE],
        runAt: 'document_idle' as const,
        persistAcrossSessions: true,
      })),
    ),
  unregister: (ids) => browser.scripting.unregisterContentScripts({ ids }),
};
