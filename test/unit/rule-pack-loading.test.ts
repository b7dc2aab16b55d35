import { describe, expect, it } from 'vitest';
import { defaultRulePack } from '../../lib/rules/default';
import { MAX_PACK_BYTES, parseRulePack, parseRulePackText } from '../../lib/rules/load';

const errorsOf = (result: ReturnType<typeof parseRulePack>) => (result.ok ? [] : result.errors);

describe('rule-pack loading refuses bad packs with the path of each problem', () => {
  it('refuses malformed JSON', () => {
    expect(errorsOf(parseRulePackText('{"schemaVersion": 1,'))[0]).toMatch(/^not JSON: /);
  });

  it('refuses wrong types, naming each path', () => {
    const broken = structuredClone(defaultRulePack) as unknown as Record<string, unknown>;
    broken.roles = 'finance';
    (broken.support as Record<string, unknown>).url = 'not a url';
    const errors = errorsOf(parseRulePack(broken));
    expect(errors.some((e) => e.startsWith('roles:'))).toBe(true);
    expect(errors.some((e) => e.startsWith('support.url:'))).toBe(true);
  });

  it('refuses support and guide links that are not web addresses (javascript:, data:, file:)', () => {
    for (const link of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd']) {
      const pack = structuredClone(defaultRulePack);
      pack.support.failedSyncGuide = link;
      pack.support.url = link;
      expect(errorsOf(parseRulePack(pack))).toEqual([
        'support.url: Expected an http:// or https:// address.',
        'support.failedSyncGuide: Expected an http:// or https:// address.',
      ]);
    }
  });

  it('refuses a future schema version and says to update', () => {
    const errors = errorsOf(parseRulePack({ ...defaultRulePack, schemaVersion: 7 }));
    expect(errors).toEqual([
      'schemaVersion: unsupported version 7 (expected 2; this pack is from a newer Sync Assist: update the extension)',
    ]);
    expect(errorsOf(parseRulePack({ name: 'no version' }))[0]).toMatch(
      /^schemaVersion: unsupported version missing/,
    );
  });

  it('refuses a huge pack before parsing it', () => {
    const text = JSON.stringify({ ...defaultRulePack, name: 'x'.repeat(MAX_PACK_BYTES) });
    expect(errorsOf(parseRulePackText(text))[0]).toMatch(/^\(root\): the pack is \d+ kB; at most/);
  });

  it('refuses more rules than the cap', () => {
    const rule = defaultRulePack.messageRules[0]!;
    const messageRules = Array.from({ length: 2001 }, (_, i) => ({ ...rule, id: `r${i}` }));
    expect(errorsOf(parseRulePack({ ...defaultRulePack, messageRules }))).toEqual([
      'messageRules: 2001 rules; at most 2000 are accepted',
    ]);
  });

  it('refuses a pattern prone to catastrophic backtracking at its path', () => {
    const pack = structuredClone(defaultRulePack);
    pack.messageRules[2]!.pattern = '(a+)+$';
    pack.pages['sync-hub'].urlPatterns.push('(\\w|\\d)*x');
    const errors = errorsOf(parseRulePack(pack));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^pages\.sync-hub\.urlPatterns\.\d+: overlapping alternatives/);
    expect(errors[1]).toMatch(/^messageRules\.2\.pattern: nested quantifier/);
  });
});

describe('preferred labels', () => {
  it("refuses a preferred label that is another field's label, naming both fields", () => {
    const { fields } = defaultRulePack;
    const status = { ...fields.status, preferredLabels: ['Xero status', 'Record'] };
    expect(errorsOf(parseRulePack({ ...defaultRulePack, fields: { ...fields, status } }))).toEqual([
      'fields.status.preferredLabels.1: "Record" is a label of recordNumber: a page\'s "Record" is read as recordNumber, so it cannot be preferred for status',
    ]);
  });
});

describe('migrating older exports', () => {
  const v0 = {
    schemaVersion: 0,
    name: 'Acme rules (2025)',
    rules: [
      {
        id: 'acme-gl',
        match: 'GL\\saccount\\s\\d+\\snot\\smapped',
        type: 'mapping-missing',
        priority: 900,
      },
      {
        id: 'acme-token',
        match: 'acme\\stoken\\sexpired',
        type: 'auth-failed',
        priority: 800,
        disabled: true,
      },
    ],
    retryLimits: { finance: 2, approver: 0 },
    supportEmail: 'it@acme.example',
    supportUrl: 'https://help.acme.example/awra',
    connectorAlert: { threshold: 8, windowHours: 12 },
  };

  it('upgrades a version-0 export, keeping its values and filling the rest from the built-in pack', () => {
    const result = parseRulePack(v0);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(0);
    const { pack } = result;
    expect(pack.schemaVersion).toBe(2);
    expect(pack.name).toBe('Acme rules (2025)');
    expect(pack.messageRules.map((r) => [r.id, r.type, r.enabled])).toEqual([
      ['acme-gl', 'mapping-missing', true],
      ['acme-token', 'authorization-failed', false],
    ]);
    expect(pack.roles.find((r) => r.id === 'finance')?.retryLimit).toBe(2);
    expect(pack.support).toMatchObject({
      email: 'it@acme.example',
      url: 'https://help.acme.example/awra',
    });
    expect(pack.escalation).toMatchObject({ connectorFailureThreshold: 8, windowHours: 12 });
    expect(pack.pages).toEqual(defaultRulePack.pages);
  });

  it('names the v1 path of a problem in a version-0 export and says it was upgraded', () => {
    const bad = { ...v0, rules: [{ ...v0.rules[0], match: '(x+)+' }] };
    const errors = errorsOf(parseRulePack(bad));
    expect(errors[0]).toBe('(root): problems found after upgrading from version 0');
    expect(errors[1]).toMatch(/^messageRules\.0\.pattern: nested quantifier/);
  });

  it('upgrades a version-1 export: its status labels keep winning, its connectors get their aliases and modules', () => {
    // As version 1 exported it: no preferredLabels, the sync's own status labels among the labels.
    const fields = Object.fromEntries(
      Object.entries(defaultRulePack.fields).map(([name, { preferredLabels, ...spec }]) => [
        name,
        name === 'status' ? { ...spec, labels: [...spec.labels, ...preferredLabels] } : spec,
      ]),
    );
    const {
      connectorAliases: _aliases,
      modules: _modules,
      ...rest
    } = structuredClone(defaultRulePack);
    const v1 = { ...rest, schemaVersion: 1, fields };
    const result = parseRulePack(v1);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.migratedFrom).toBe(1);
    expect(result.pack.schemaVersion).toBe(2);
    expect(result.pack.fields.status.preferredLabels).toEqual(
      defaultRulePack.fields.status.preferredLabels,
    );
    expect(result.pack.fields.connector.preferredLabels).toEqual([]);
    // Nor connector aliases: AWRA's names for one connector come from the built-in pack.
    expect(result.pack.connectorAliases).toEqual(defaultRulePack.connectorAliases);
    expect(result.pack.modules).toEqual(defaultRulePack.modules);
    // A version-1 pack that already says otherwise is not overwritten.
    const own = { ...v1, fields: { ...fields, status: { ...fields.status, preferredLabels: [] } } };
    const kept = parseRulePack(own);
    expect(kept.ok && kept.pack.fields.status.preferredLabels).toEqual([]);
  });

  it('loads a current export unchanged', () => {
    const result = parseRulePack(JSON.parse(JSON.stringify(defaultRulePack)));
    expect(result).toEqual({ ok: true, pack: defaultRulePack });
  });
});
