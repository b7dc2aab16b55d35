// What each build asks the browser for: the production builds are pinned exactly, never run on
// loopback or everywhere, and carry no remote code. No Chromium needed; it sits with the browser
// tests because it checks built output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFiles, ensureBuild, readManifest, type BuildName } from './builds';
import { E2E_BUILD } from './harness';

const AWRA = 'https://*.awraops.com/*';

/**
 * THE PIN. Every entry widens what the extension may do or what web pages can reach, so a change
 * here is a security review, made on purpose (e.g. when the content script is split into a small
 * gate and an injected overlay, content_scripts and web_accessible_resources change here).
 * `undefined`: the key must be absent (for the CSP: the browser's MV3 default, `script-src 'self'`).
 */
const PINNED: Record<string, unknown> = {
  // activeTab: the popup's optional screenshot of the tab the user opened it on (no warning).
  permissions: ['storage', 'scripting', 'activeTab'],
  // The background injects the on-demand overlay into AWRA pages (scripting.executeScript).
  host_permissions: [AWRA],
  // Admin-added AWRA hosts (custom domains, self-hosted), requested at runtime one host at a time.
  optional_host_permissions: ['https://*/*', 'http://*/*'],
  optional_permissions: undefined,
  content_scripts: [{ matches: [AWRA], run_at: 'document_idle', js: ['gate.js'] }],
  content_security_policy: undefined,
  web_accessible_resources: undefined,
  externally_connectable: undefined,
};

/** Firefox only: the add-on id, minimum versions and the data collection declaration (none). */
const FIREFOX_SETTINGS = {
  gecko: {
    id: 'sync-assist@awra-tools',
    strict_min_version: '140.0',
    data_collection_permissions: { required: ['none'] },
  },
  gecko_android: { strict_min_version: '142.0' },
};

/** Every top-level key a production manifest may have; anything new must be reviewed and added. */
const KEYS: Record<BuildName, string[]> = {
  chrome: ['action', 'background', 'content_scripts', 'description', 'host_permissions',
    'manifest_version', 'name', 'optional_host_permissions', 'options_ui', 'permissions',
    'storage', 'version'],
  firefox: ['action', 'background', 'browser_specific_settings', 'content_scripts', 'description',
    'host_permissions', 'manifest_version', 'name', 'optional_host_permissions', 'options_ui',
    'permissions', 'version'],
}; // prettier-ignore

const BACKGROUND: Record<BuildName, unknown> = {
  chrome: { service_worker: 'background.js' },
  firefox: { scripts: ['background.js'] },
};

const NEVER = ['<all_urls>', '*://*/*', '127.0.0.1', 'localhost', '[::1]', '0.0.0.0', 'file://'];

const manifests = {} as Record<BuildName, Record<string, unknown>>;
const dirs = {} as Record<BuildName, string>;
let e2e: Record<string, unknown>;

beforeAll(() => {
  for (const name of ['chrome', 'firefox'] as const) {
    dirs[name] = ensureBuild(name);
    manifests[name] = readManifest(dirs[name]);
  }
  e2e = readManifest(E2E_BUILD);
});

describe.each(['chrome', 'firefox'] as const)('production manifest (%s)', (name) => {
  it.each(Object.keys(PINNED))('%s is pinned', (key) => {
    expect(manifests[name][key]).toEqual(PINNED[key]);
  });

  it('has only the reviewed keys, an MV3 background and (Firefox) its settings', () => {
    expect(Object.keys(manifests[name]).sort()).toEqual(KEYS[name]);
    expect(manifests[name].manifest_version).toBe(3);
    expect(manifests[name].background).toEqual(BACKGROUND[name]);
    if (name === 'firefox')
      expect(manifests[name].browser_specific_settings).toEqual(FIREFOX_SETTINGS);
  });

  it('runs its content script on AWRA hosts only', () => {
    const scripts = manifests[name].content_scripts as { matches?: string[] }[];
    expect(scripts.map((script) => script.matches)).toEqual([[AWRA]]);
  });

  it('starts the gate with the compile-all hint, and only the gate (wxt.config.ts)', () => {
    const head = (file: string) => readFileSync(join(dirs[name], file), 'utf8').slice(0, 40);
    expect(head('gate.js')).toMatch(/^\/\/# allFunctionsCalledOnLoad\n/);
    for (const file of ['overlay-main.js', 'background.js'])
      expect(head(file), file).not.toContain('allFunctionsCalledOnLoad');
  });

  it('names no loopback host, no <all_urls>, no file access', () => {
    const text = JSON.stringify(manifests[name]);
    for (const needle of NEVER) expect(text, needle).not.toContain(needle);
  });

  it('grants no other host at install and lets no web page message it', () => {
    const hosts = (manifests[name].host_permissions ?? []) as string[];
    expect(hosts.filter((host) => host !== AWRA)).toEqual([]);
    expect(manifests[name].externally_connectable).toBeUndefined();
  });

  it('loads no remote code: pages load only their own files, scripts import nothing', () => {
    const files = buildFiles(dirs[name]);
    const pages = files.filter((file) => file.endsWith('.html'));
    const scripts = files.filter((file) => file.endsWith('.js'));
    expect(pages.length).toBeGreaterThan(0);
    expect(scripts.length).toBeGreaterThan(0);
    for (const page of pages) {
      const html = readFileSync(join(dirs[name], page), 'utf8');
      const refs = [...html.matchAll(/\b(?:src|href)\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1]!);
      expect(refs.length, page).toBeGreaterThan(0);
      for (const ref of refs) expect(ref, `${page}: ${ref}`).toMatch(/^\/(?!\/)|^\.\.?\//);
    }
    for (const script of scripts) {
      const code = readFileSync(join(dirs[name], script), 'utf8');
      expect(code, script).not.toMatch(/\bimportScripts\s*\(|\bimport\s*\(\s*["'`]?https?:/);
    }
    expect(files.filter((file) => /\.(wasm|swf)$/.test(file))).toEqual([]);
  });
});

describe('production manifest: options and policy', () => {
  it.each(['chrome', 'firefox'] as const)('%s has the options page in a tab', (name) => {
    expect(manifests[name].options_ui).toEqual({ page: 'options.html', open_in_tab: true });
  });

  it('Chrome has a managed-storage schema that the build ships', () => {
    const chrome = manifests.chrome as { storage?: { managed_schema?: string } };
    expect(chrome.storage).toEqual({ managed_schema: 'managed-schema.json' });
    const schema = JSON.parse(readFileSync(join(dirs.chrome, 'managed-schema.json'), 'utf8')) as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(schema.properties)).toContain('supportEmail');
  });

  it.each(['chrome', 'firefox'] as const)('%s holds no grant for the e2e test host', (name) => {
    expect(JSON.stringify(manifests[name])).not.toContain('awra.test');
  });
});

describe('e2e manifest (.output/chrome-mv3-e2e)', () => {
  it('grants AWRA, loopback and the options test host awra.test at install', () => {
    expect(e2e.host_permissions).toEqual([
      AWRA,
      'http://127.0.0.1/*',
      'http://localhost/*',
      'http://awra.test/*',
    ]);
  });

  it('adds the loopback hosts to the AWRA match', () => {
    const scripts = e2e.content_scripts as { matches?: string[] }[];
    expect(scripts.map((script) => script.matches)).toEqual([
      [AWRA, 'http://127.0.0.1/*', 'http://localhost/*'],
    ]);
  });
});
