import { describe, expect, it } from 'vitest';
import { defaultRulePack } from '../../lib/rules/default';
import type { RulePack } from '../../lib/rules/schema';
import { isLocked, layerSettings } from '../../lib/settings/layers';
import { watchSettings, type SettingsSource } from '../../lib/settings/watch';

const saved = (): RulePack => ({
  ...structuredClone(defaultRulePack),
  name: 'Acme rules',
  support: { ...defaultRulePack.support, email: 'awra-help@acme.example' },
});
const layer = (stored: unknown, managed: unknown = {}, storedRole: unknown = null) =>
  layerSettings({ defaults: defaultRulePack, stored, storedRole, managed });

describe('effective settings: built-in ← saved ← policy', () => {
  it('uses the built-in pack and default role when nothing is saved', () => {
    const settings = layer(undefined);
    expect(settings.pack).toBe(defaultRulePack);
    expect(settings.role).toBe('finance');
    expect(settings.locked).toEqual([]);
  });

  it("uses the admin's saved pack and the user's role", () => {
    const settings = layer(saved(), {}, 'procurement');
    expect(settings.pack.name).toBe('Acme rules');
    expect(settings.pack.support.email).toBe('awra-help@acme.example');
    expect(settings.role).toBe('procurement');
  });

  it('ignores an invalid saved pack, says why and keeps the built-in pack', () => {
    const settings = layer({ ...saved(), roles: 'none' });
    expect(settings.pack).toBe(defaultRulePack);
    expect(settings.problems).toEqual([expect.stringMatching(/^saved rules ignored: roles:/)]);
  });

  it('lets policy values win over the saved pack and locks them', () => {
    const settings = layer(
      saved(),
      {
        supportEmail: 'servicedesk@corp.example',
        windowHours: 48,
        retryLimits: { finance: 0 },
        role: 'approver',
      },
      'finance',
    );
    expect(settings.pack.support.email).toBe('servicedesk@corp.example');
    expect(settings.pack.escalation.windowHours).toBe(48);
    expect(settings.pack.roles.find((r) => r.id === 'finance')?.retryLimit).toBe(0);
    expect(settings.pack.name).toBe('Acme rules');
    expect(settings.role).toBe('approver');
    expect(isLocked(settings, 'support.email')).toBe(true);
    expect(isLocked(settings, 'roles.finance.retryLimit')).toBe(true);
    expect(isLocked(settings, 'roles.sales.retryLimit')).toBe(false);
    expect(isLocked(settings, 'support.url')).toBe(false);
    expect(isLocked(settings, 'role')).toBe(true);
  });

  it('drops only the bad policy values, reporting each', () => {
    const settings = layer(saved(), {
      supportUrl: 'not a url',
      connectorFailureThreshold: 0,
      supportEmail: 'desk@corp.example',
      role: 'janitor',
      retryLimits: { nobody: 3 },
    });
    expect(settings.pack.support.url).toBe(defaultRulePack.support.url);
    expect(settings.pack.escalation.connectorFailureThreshold).toBe(5);
    expect(settings.pack.support.email).toBe('desk@corp.example');
    expect(settings.role).toBe('finance');
    expect(settings.problems).toEqual([
      expect.stringMatching(/^policy supportUrl: .*; ignored$/),
      expect.stringMatching(/^policy connectorFailureThreshold: .*; ignored$/),
      'policy retryLimits.nobody: no such role; ignored',
      'policy role "janitor": no such role; ignored',
    ]);
    expect(settings.locked).toEqual(['support.email']);
  });

  it('a policy rule pack replaces the saved one and locks every rule section', () => {
    const policyPack = { ...saved(), name: 'Corporate rules' };
    const settings = layer(saved(), { rulePack: JSON.stringify(policyPack) });
    expect(settings.pack.name).toBe('Corporate rules');
    expect(isLocked(settings, 'pack')).toBe(true);
    expect(isLocked(settings, 'escalation.template')).toBe(true);
    expect(isLocked(settings, 'role')).toBe(false);
    const bad = layer(saved(), { rulePack: '{"schemaVersion": 9}' });
    expect(bad.pack.name).toBe('Acme rules');
    expect(bad.problems[0]).toMatch(
      /^policy rulePack ignored: schemaVersion: unsupported version 9/,
    );
  });

  it('ignores a stored role the pack does not have', () => {
    expect(layer(undefined, {}, 'janitor').role).toBe('finance');
  });
});

describe('watching settings', () => {
  it('passes the current settings, then again after each change, until stopped', async () => {
    let stored: unknown = null;
    let fire = () => {};
    const source: SettingsSource = {
      read: async () => ({ stored, storedRole: null, managed: {} }),
      onChange: (listener) => {
        fire = listener;
        return () => (fire = () => {});
      },
    };
    const seen: string[] = [];
    const stop = watchSettings(source, defaultRulePack, (s) => seen.push(s.pack.name));
    await new Promise((ok) => setTimeout(ok, 0));
    stored = saved();
    fire();
    await new Promise((ok) => setTimeout(ok, 0));
    stop();
    stored = { ...saved(), name: 'After stop' };
    fire();
    await new Promise((ok) => setTimeout(ok, 0));
    expect(seen).toEqual(['AWRA built-in rules', 'Acme rules']);
  });
});

describe('the managed-storage schema', () => {
  it('declares exactly the policy keys the extension reads', async () => {
    const { readFileSync } = await import('node:fs');
    const { POLICY_KEYS } = await import('../../lib/settings/policy');
    const schema = JSON.parse(readFileSync('public/managed-schema.json', 'utf8')) as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(schema.properties).sort()).toEqual([...POLICY_KEYS].sort());
  });

  it('reads every key its validation schema holds, and no other', async () => {
    const { POLICY_KEYS, managedPolicySchema } = await import('../../lib/settings/policy');
    expect(Object.keys(managedPolicySchema().shape).sort()).toEqual([...POLICY_KEYS].sort());
  });
});
