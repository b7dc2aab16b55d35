import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/** Loopback hosts are matched only by the e2e/demo build (`--mode e2e`), never in production. */
export const LOOPBACK_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];
/** A host the e2e build holds permission for (mapped to loopback by the browser tests). */
export const E2E_GRANTED_HOST = 'http://awra.test/*';

/** AWRA's hosted sites, where the gate runs from install on. */
export const AWRA_MATCHES = ['https://*.awraops.com/*'];
/** The always-on gate WXT builds from entrypoints/gate.ts (lib/sites registers it for more hosts). */
export const GATE_SCRIPT_FILE = 'gate.js';

/** Entrypoints that run in AWRA's pages, built without webextension-polyfill. */
const IN_PAGE_SCRIPTS = ['gate', 'overlay-main'];

/**
 * V8 compiles every function of a script starting with this comment at once (explicit compile
 * hints, Chromium 136 on) instead of on each function's first call. All of the gate's functions
 * run on every page load: traced on the mock's dashboard, its task's CPU time went from 2.60 to
 * 2.27 ms. Not for the overlay, much of whose code a page never runs (no gain measured there).
 */
const COMPILE_ALL_HINT = '//# allFunctionsCalledOnLoad\n';
const compileAllFunctions = {
  name: 'sync-assist:compile-all-functions',
  generateBundle(
    _: unknown,
    bundle: Record<string, { type: string; isEntry?: boolean; code?: string }>,
  ) {
    for (const file of Object.values(bundle))
      if (file.type === 'chunk' && file.isEntry) file.code = COMPILE_ALL_HINT + file.code;
  },
};

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Sync Assist for AWRA',
    description:
      'Explains failed AWRA syncs (QuickBooks Online, payments, email/SMS, webhooks) where they happen and builds complete escalations.',
    // activeTab: a screenshot of the AWRA tab once the user opens the popup on it (no warning).
    permissions: ['storage', 'scripting', 'activeTab'],
    // The background injects the on-demand overlay (scripting.executeScript) into AWRA pages.
    host_permissions: [...AWRA_MATCHES],
    // Admin-added AWRA hosts (custom domains, self-hosted) are requested at runtime.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // 140 (the ESR) is the first Firefox, 142 the first Firefox for Android, to read the
            // data collection declaration addons.mozilla.org requires of new extensions.
            gecko: {
              id: 'sync-assist@awra-tools',
              strict_min_version: '140.0',
              // Nothing is collected or sent anywhere: escalations leave only when the user sends them.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : // Enterprise policy values (lib/settings/policy.ts) read from storage.managed.
        { storage: { managed_schema: 'managed-schema.json' } }),
  }),
  hooks: {
    // The scripts that run in AWRA's pages (the always-on gate and the on-demand overlay) use the
    // browser's own API (Chrome's and Firefox's are both promise-based in MV3): the polyfill's
    // start-up cost more than the gate's decision, and its code is compiled on every sync screen.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entry) => IN_PAGE_SCRIPTS.includes(entry.name))) return;
      if (entrypoints.length === 1 && entrypoints[0]!.name === 'gate')
        config.plugins = [...(config.plugins ?? []), compileAllFunctions];
      const native = { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' };
      const alias = config.resolve?.alias;
      config.resolve = {
        ...config.resolve,
        alias: Array.isArray(alias)
          ? [native, ...alias]
          : [
              native,
              ...Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement })),
            ],
      };
    },
    'build:manifestGenerated': (wxt, manifest) => {
      const e2e = wxt.config.mode === 'e2e';
      // The gate is an unlisted script declared here: WXT's content-script wrapper would start
      // its context (runtime API, a page event) on every AWRA page (entrypoints/gate.ts).
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        {
          matches: [...AWRA_MATCHES, ...(e2e ? LOOPBACK_MATCHES : [])],
          js: [GATE_SCRIPT_FILE],
          run_at: 'document_idle',
        },
      ];
      if (!e2e) return;
      // Loopback: the overlay is injected there too. awra.test: the test profile's grant for the
      // admin-added site of the options browser test, so the options page's permission request
      // resolves without a prompt puppeteer cannot answer.
      manifest.host_permissions = [
        ...(manifest.host_permissions ?? []),
        ...LOOPBACK_MATCHES,
        E2E_GRANTED_HOST,
      ];
    },
  },
});
