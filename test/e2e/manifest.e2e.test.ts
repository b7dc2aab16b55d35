// What each build asks the browser for: the production build never runs on loopback or everywhere.
// No Chromium needed; it sits with the browser tests because it checks built output.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { E2E_BUILD, PROD_BUILD } from './harness';
import { ROOT } from './engine';

interface Manifest {
  content_scripts?: { matches?: string[] }[];
  host_permissions?: string[];
  externally_connectable?: unknown;
  options_ui?: { page?: string; open_in_tab?: boolean };
  storage?: { managed_schema?: string };
}

const SOURCES = ['entrypoints', 'lib', 'components', 'public', 'wxt.config.ts', 'package.json'];

/** The newest modification time among the files a build is made from. */
function newestSource(path = ROOT, top = true): number {
  const names = top ? SOURCES : readdirSync(path);
  let newest = 0;
  for (const name of names) {
    const full = join(path, name);
    if (!existsSync(full)) continue;
    const stat = statSync(full);
    newest = Math.max(newest, stat.isDirectory() ? newestSource(full, false) : stat.mtimeMs);
  }
  return newest;
}

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

let production: Manifest;
let e2e: Manifest;

beforeAll(() => {
  const file = join(PROD_BUILD, 'manifest.json');
  if (!existsSync(file) || statSync(file).mtimeMs < newestSource()) {
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe', timeout: 110_000 });
  }
  production = readManifest(PROD_BUILD);
  e2e = readManifest(E2E_BUILD);
});

describe('production manifest (.output/chrome-mv3)', () => {
  it('runs its content script on AWRA hosts only', () => {
    expect(production.content_scripts?.map((script) => script.matches)).toEqual([
      ['https://*.awraops.com/*'],
    ]);
  });

  it('names no loopback host and no <all_urls>', () => {
    const text = JSON.stringify(production);
    for (const needle of ['127.0.0.1', 'localhost', '[::1]', '<all_urls>'])
      expect(text, needle).not.toContain(needle);
  });

  it('grants no other host at install and lets no web page message it', () => {
    const hosts = production.host_permissions ?? [];
    expect(hosts.filter((host) => host !== 'https://*.awraops.com/*')).toEqual([]);
    expect(production.externally_connectable).toBeUndefined();
  });
});

describe('production manifest: options and policy', () => {
  it('has the options page and a managed-storage schema that the build ships', () => {
    expect(production.options_ui).toEqual({ page: 'options.html', open_in_tab: true });
    expect(production.storage?.managed_schema).toBe('managed-schema.json');
    const schema = JSON.parse(readFileSync(join(PROD_BUILD, 'managed-schema.json'), 'utf8')) as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(schema.properties)).toContain('supportEmail');
  });

  it('holds no grant for the e2e test host', () => {
    expect(JSON.stringify(production)).not.toContain('awra.test');
  });
});

describe('e2e manifest (.output/chrome-mv3-e2e)', () => {
  it('grants only the test host awra.test at install', () => {
    expect(e2e.host_permissions).toEqual(['http://awra.test/*']);
  });

  it('adds the loopback hosts to the AWRA match', () => {
    expect(e2e.content_scripts?.map((script) => script.matches)).toEqual([
      ['https://*.awraops.com/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    ]);
  });
});
