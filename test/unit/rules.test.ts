import { describe, expect, it } from 'vitest';
import { MESSAGE_TYPES, RECORD_FIELDS } from '../../lib/analyze/types';
import { defaultRulePack } from '../../lib/rules/default';
import { parseRulePack, parseRulePackText } from '../../lib/rules/load';
import { ruleSchemas } from '../../lib/rules/schema';

describe('the built-in rule pack', () => {
  it('validates against its own schema', () => {
    const result = ruleSchemas().RulePackSchema.safeParse(defaultRulePack);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('has label synonyms for every SyncRecord field and guidance for every message type', () => {
    for (const field of RECORD_FIELDS)
      expect(defaultRulePack.fields[field]?.labels.length).toBeGreaterThan(0);
    for (const type of MESSAGE_TYPES) expect(defaultRulePack.guidance[type]?.label).toBeTruthy();
    const checks = new Set(defaultRulePack.firstChecks.map((c) => c.id));
    const mistakes = new Set(defaultRulePack.commonMistakes.map((m) => m.id));
    for (const guidance of Object.values(defaultRulePack.guidance)) {
      for (const id of guidance.checks) expect(checks).toContain(id);
      for (const id of guidance.mistakes) expect(mistakes).toContain(id);
    }
  });

  it('labels each type the way the guide does', () => {
    expect(defaultRulePack.guidance['mapping-missing'].label).toBe('Mapping missing');
    expect(defaultRulePack.guidance['not-ready'].label).toBe('Not ready to sync');
    expect(defaultRulePack.guidance.unknown.label).toBe('Unrecognised message');
  });
});

describe('loading a rule pack', () => {
  it('accepts an exported pack', () => {
    const result = parseRulePackText(JSON.stringify(defaultRulePack));
    expect(result.ok).toBe(true);
  });

  it('names the path of every problem', () => {
    const broken = structuredClone(defaultRulePack) as unknown as Record<string, unknown>;
    (broken.escalation as Record<string, unknown>).connectorFailureThreshold = 'five';
    (broken.fields as Record<string, { labels: unknown }>).status!.labels = 'status';
    const result = parseRulePack(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.some((e) => e.startsWith('escalation.connectorFailureThreshold:'))).toBe(
        true,
      );
      expect(result.errors.some((e) => e.startsWith('fields.status.labels:'))).toBe(true);
    }
  });

  it('refuses non-objects, non-JSON and unknown versions with a reason', () => {
    expect(parseRulePack([])).toEqual({
      ok: false,
      errors: ['(root): a rule pack must be a JSON object'],
    });
    expect(parseRulePackText('{').ok).toBe(false);
    const future = parseRulePack({ ...defaultRulePack, schemaVersion: 3 });
    expect(future.ok ? null : future.errors[0]).toMatch(/schemaVersion: unsupported version 3/);
  });
});
