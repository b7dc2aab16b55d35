import { describe, expect, it } from 'vitest';
import { siteFromInput } from '../../lib/sites/patterns';
import { syncRegistrations, type ScriptRegistry } from '../../lib/sites/registrar';

describe('admin-added sites', () => {
  it.each([
    ['erp.acme.co.ke', 'https://erp.acme.co.ke/*'],
    ['https://awra.acme.com/dashboard', 'https://awra.acme.com/*'],
    ['http://10.0.0.5:8080/', 'http://10.0.0.5/*'],
    ['*.acme-erp.com', 'https://*.acme-erp.com/*'],
    ['*.acme.co.ke', 'https://*.acme.co.ke/*'],
  ])('%s -> %s', (input, pattern) => {
    expect(siteFromInput(input)).toMatchObject({ ok: true, pattern });
  });

  it.each([
    '',
    '<all_urls>',
    '*',
    '*://*/*',
    'ftp://files.acme.com',
    'not a host',
    '*.com',
    // Wildcards over a public suffix or a shared platform: other organisations' sites.
    '*.co.uk',
    '*.com.au',
    '*.co.ke',
    'http://*.github.io',
    '*.herokuapp.com',
  ])('refuses %j', (input) => {
    expect(siteFromInput(input).ok).toBe(false);
  });
});

/** An in-memory ScriptRegistry standing in for browser.scripting and browser.permissions. */
function fakeRegistry(granted: string[], registered: string[] = []) {
  const ids = new Set(registered);
  const registry: ScriptRegistry = {
    hasPermission: async (pattern) => granted.includes(pattern),
    registeredIds: async () => [...ids],
    register: async (scripts) => scripts.forEach((s) => ids.add(s.id)),
    unregister: async (remove) => remove.forEach((id) => ids.delete(id)),
  };
  return { registry, ids };
}

describe('content-script registration follows sites and permissions', () => {
  it('registers granted sites only, once', async () => {
    const { registry, ids } = fakeRegistry(['https://erp.acme.co.ke/*']);
    const result = await syncRegistrations(
      ['https://erp.acme.co.ke/*', 'https://other.example/*'],
      registry,
    );
    expect(result.registered).toEqual(['https://erp.acme.co.ke/*']);
    expect([...ids]).toEqual(['awra-site:https://erp.acme.co.ke/*']);
    expect((await syncRegistrations(['https://erp.acme.co.ke/*'], registry)).registered).toEqual(
      [],
    );
  });

  it('drops registrations of removed or revoked sites and leaves other scripts alone', async () => {
    const { registry, ids } = fakeRegistry(
      [],
      ['awra-site:https://old.example/*', 'something-else'],
    );
    const result = await syncRegistrations(['https://old.example/*'], registry);
    expect(result.removed).toEqual(['awra-site:https://old.example/*']);
    expect([...ids]).toEqual(['something-else']);
  });
});
