import { describe, expect, it } from 'vitest';
import {
  checkImport,
  checkSave,
  exportPack,
  isDirty,
  isSupportEmail,
} from '../../lib/options/pack-io';
import {
  byPriority,
  checkDraft,
  emptyDraft,
  moveRule,
  saveDraft,
  toggleRule,
} from '../../lib/options/rules';
import { testMessage } from '../../lib/options/tester';
import { defaultRulePack } from '../../lib/rules/default';
import type { MessageRule } from '../../lib/rules/schema';

const rule = (id: string, priority: number): MessageRule => ({
  id,
  type: 'mapping-missing',
  pattern: id,
  priority,
  enabled: true,
  description: '',
});

describe('editing message rules', () => {
  it('checks a draft as it is typed: id, pattern safety and priority', () => {
    const rules = [rule('a', 10)];
    const draft = { ...emptyDraft(rules), id: 'a', pattern: '(x+)+', priority: '2000' };
    const problems = checkDraft(draft, rules, null);
    expect(problems.id).toBe('Another rule already has the id "a".');
    expect(problems.pattern).toMatch(/catastrophic backtracking/);
    expect(problems.priority).toBe('A whole number from 0 to 1000.');
    expect(checkDraft({ ...draft, pattern: '(unclosed' }, rules, null).pattern).toMatch(
      /^invalid regular expression/,
    );
    expect(checkDraft({ ...draft, pattern: 'ok', priority: '20' }, rules, 'a')).toEqual({});
  });

  it('adds a new rule above the current top by default', () => {
    const rules = [rule('a', 10), rule('b', 50)];
    const draft = { ...emptyDraft(rules), id: 'c', pattern: 'c' };
    expect(byPriority(saveDraft(rules, draft, null)).map((r) => r.id)).toEqual(['c', 'b', 'a']);
  });

  it('moves a rule up or down in classifier order, also between equal priorities', () => {
    const rules = [rule('a', 10), rule('b', 50), rule('c', 10)];
    const up = moveRule(rules, 'c', -1);
    expect(byPriority(up).map((r) => r.id)).toEqual(['b', 'c', 'a']);
    const top = moveRule(up, 'c', -1);
    expect(byPriority(top).map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(byPriority(moveRule(top, 'a', 1)).map((r) => r.id)).toEqual(['c', 'b', 'a']);
  });

  it('a disabled rule no longer classifies; the tester names the rule that does', () => {
    const message = "Invalid Reference Id: Account 'Sales' is not mapped";
    const first = testMessage(message, defaultRulePack);
    expect(first).toMatchObject({ messageType: 'mapping-missing', label: 'Mapping missing' });
    const off = {
      ...defaultRulePack,
      messageRules: toggleRule(defaultRulePack.messageRules, first.ruleId!),
    };
    expect(testMessage(message, off).ruleId).not.toBe(first.ruleId);
  });
});

describe('import, export and save', () => {
  it('an export imports back unchanged', () => {
    const { filename, text } = exportPack(defaultRulePack);
    expect(filename).toBe('sync-assist-rules-AWRA-built-in-rules-r1.json');
    expect(checkImport(text)).toMatchObject({ ok: true, pack: defaultRulePack });
  });

  it('a save is validated in full and bumps the revision', () => {
    const draft = { ...defaultRulePack, name: 'Acme' };
    expect(checkSave(draft, 4)).toMatchObject({ ok: true, pack: { name: 'Acme', revision: 5 } });
    const bad = { ...draft, messageRules: [{ ...rule('x', 1), pattern: '(a|a)*' }] };
    const result = checkSave(bad, 4);
    expect(result.ok ? [] : result.errors).toEqual([
      expect.stringMatching(/^messageRules\.0\.pattern: overlapping alternatives/),
    ]);
    expect(isDirty(defaultRulePack, draft)).toBe(true);
    expect(isDirty(defaultRulePack, structuredClone(defaultRulePack))).toBe(false);
  });

  it('a support email that is not an address is refused at save and import, empty is fine', () => {
    const bad = {
      ...defaultRulePack,
      support: { ...defaultRulePack.support, email: 'it-help at acme' },
    };
    const saved = checkSave(bad, 1);
    expect(saved.ok ? [] : saved.errors).toEqual([
      'Support email: "it-help at acme" is not an email address (or leave it empty).',
    ]);
    expect(checkImport(JSON.stringify(bad)).ok).toBe(false);
    const none = { ...defaultRulePack, support: { ...defaultRulePack.support, email: '' } };
    expect(checkSave(none, 1).ok).toBe(true);
    expect(isSupportEmail('it-help@acme.co.ke')).toBe(true);
  });
});
