import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/** Loopback hosts are matched only by the e2e/demo build (`--mode e2e`), never in production. */
export const LOOPBACK_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Sync Assist for AWRA',
    description:
      'Explains failed AWRA syncs (QuickBooks Online, payments, email/SMS, webhooks) where they happen and builds complete escalations.',
    permissions: ['storage', 'scripting'],
    // The background injects the on-demand overlay (scripting.executeScript) into AWRA pages.
    host_permissions: ['https://*.awraops.com/*'],
    // Admin-added AWRA hosts (custom domains, self-hosted) are requested at runtime.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'sync-assist@awra-tools', strict_min_version: '128.0' },
          },
        }
      : {}),
  }),
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode !== 'e2e') return;
      for (const script of manifest.content_scripts ?? []) {
        script.matches = [...(script.matches ?? []), ...LOOPBACK_MATCHES];
      }
      manifest.host_permissions = [...(manifest.host_permissions ?? []), ...LOOPBACK_MATCHES];
    },
  },
});
