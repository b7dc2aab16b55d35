// The stamp that spares AWRA tabs the pattern check of a pack already checked (lib/rules/stamp.ts),
// its writers (the options page's save, the background's restamp) and the limit on what a pack
// may give the check.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_CLASSIFIED_LENGTH } from '../../lib/analyze/classify';
import { browserOptionsAdapter } from '../../lib/options/adapter';
import { loadOptionsState } from '../../lib/options/state';
import { defaultRulePack } from '../../lib/rules/default';
import {
  MAX_CHECKED_PATTERN_CHARS,
  packStamp,
  parseRulePack,
  parseRulePackText,
} from '../../lib/rules/load';
import type { RulePack } from '../../lib/rules/schema';
import {
  packPatterns,
  PATTERN_CHECK_VERSION,
  patternStamp,
  refusedStamp,
} from '../../lib/rules/stamp';
import { layerSettings } from '../../lib/settings/layers';
import { restampPacks, type LocalStorageArea } from '../../lib/settings/restamp';

/** A pattern the check refuses (exponential backtracking) that compiles. */
const SLOW = '(a+)+b';

const packWith = (rules: { id: string; pattern: string }[]): RulePack => {
  const pack = structuredClone(defaultRulePack);
  pack.messageRules.push(
    ...rules.map((r) => ({
      ...r,
      type: 'unknown' as const,
      priority: 1,
      enabled: true,
      description: '',
    })),
  );
  return pack;
};

const layer = (
  stored: unknown,
  storedStamp?: unknown,
  managed: unknown = {},
  policyStamp?: unknown,
) =>
  layerSettings({
    defaults: defaultRulePack,
    stored,
    storedStamp,
    policyStamp,
    storedRole: null,
    managed,
  });

describe('patternStamp', () => {
  it('names the check version and the set of patterns, wherever they are and in any order', () => {
    const pack = packWith([{ id: 'a', pattern: 'x' }]);
    const reordered = { ...pack, messageRules: [...pack.messageRules].reverse() };
    expect(patternStamp(pack)).toMatch(new RegExp(`^v${PATTERN_CHECK_VERSION}:[0-9a-z]+:\\d+$`));
    expect(patternStamp(reordered)).toBe(patternStamp(pack));
    expect(patternStamp(packWith([{ id: 'a', pattern: 'y' }]))).not.toBe(patternStamp(pack));
    const label = structuredClone(pack);
    label.fields.customer!.labelPatterns.push('^client$');
    expect(patternStamp(label)).not.toBe(patternStamp(pack));
    const page = structuredClone(pack);
    page.pages['sync-hub'].sectionPatterns.push('outbox');
    expect(patternStamp(page)).not.toBe(patternStamp(pack));
  });

  it('keeps patterns apart whatever they hold', () => {
    // Joined with a NUL, these two sets would read the same.
    const one = packWith([
      { id: 'a', pattern: '(x)\u0000.*' },
      { id: 'b', pattern: '.*x' },
    ]);
    const two = packWith([
      { id: 'a', pattern: '(x)' },
      { id: 'b', pattern: '.*\u0000.*x' },
    ]);
    expect(patternStamp(one)).not.toBe(patternStamp(two));
    expect(parseRulePack(two, patternStamp(one)).ok).toBe(false);
  });

  it('reads any value without throwing', () => {
    for (const value of [null, 1, 'x', [], { messageRules: [null, { pattern: 3 }] }, { pages: [] }])
      expect(() => patternStamp(value)).not.toThrow();
    expect(packPatterns({ messageRules: [{ pattern: 'a' }, null], fields: { x: null } })).toEqual([
      'a',
    ]);
  });
});

describe('a stamped pack', () => {
  it("is taken with its patterns only compiled: the stamp vouches for the check's answer", () => {
    const pack = packWith([{ id: 'slow', pattern: SLOW }]);
    expect(parseRulePack(pack).ok).toBe(false);
    expect(parseRulePack(pack, patternStamp(pack)).ok).toBe(true);
    expect(layer(pack, patternStamp(pack)).pack.messageRules.at(-1)!.pattern).toBe(SLOW);
  });

  it("is checked in full when the stamp is another pack's, an older check's or missing", () => {
    const pack = packWith([{ id: 'slow', pattern: SLOW }]);
    const other = patternStamp(packWith([{ id: 'slow', pattern: 'b' }]));
    const older = patternStamp(pack).replace(/^v\d+/, `v${PATTERN_CHECK_VERSION - 1}`);
    for (const stamp of [other, older, undefined, 42]) {
      const settings = layer(pack, stamp);
      expect(settings.pack).toBe(defaultRulePack);
      expect(settings.problems[0]).toMatch(/^saved rules ignored: messageRules\.\d+\.pattern: /);
    }
  });

  it('still has every pattern compiled and its shape validated', () => {
    const broken = packWith([{ id: 'broken', pattern: '(' }]);
    expect(parseRulePack(broken, patternStamp(broken))).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/pattern: invalid regular expression/)],
    });
    const wrong = { ...packWith([]), roles: 'none' };
    expect(parseRulePack(wrong, patternStamp(wrong)).ok).toBe(false);
  });

  it('from a policy, with the stamp the background wrote', () => {
    const pack = packWith([{ id: 'slow', pattern: SLOW }]);
    const managed = { rulePack: JSON.stringify(pack) };
    expect(layer(undefined, undefined, managed).problems[0]).toMatch(/^policy rulePack ignored/);
    expect(layer(undefined, undefined, managed, patternStamp(pack)).locked).toContain('pack');
  });
});

describe('the limit on patterns to check', () => {
  /** Rules of `length`-character patterns the check accepts, `count` of them. */
  const rules = (count: number, length: number) =>
    Array.from({ length: count }, (_, i) => {
      const head = `r${i}_`;
      return { id: `r${i}`, pattern: head + 'x'.repeat(length - head.length) };
    });

  it('refuses a pack whose own patterns exceed it, before checking any, and says what to do', () => {
    const over = packWith(rules(Math.ceil(MAX_CHECKED_PATTERN_CHARS / 1000) + 1, 1000));
    const result = parseRulePackText(JSON.stringify(over));
    expect(result).toEqual({
      ok: false,
      errors: [
        expect.stringMatching(
          /^\(root\): the pack's own patterns \(those not built in\) total 51,000 characters; at most 50,000 are accepted, .*remove rules you do not need or shorten their patterns$/,
        ),
      ],
    });
    // The saved pack is ignored and the built-in one kept.
    const settings = layer(over);
    expect(settings.pack).toBe(defaultRulePack);
    expect(settings.problems[0]).toMatch(/^saved rules ignored: \(root\): the pack's own patterns/);
  });

  it('counts only patterns not built in, each once; a stamped pack was counted when saved', () => {
    const within = packWith(rules(50, 1000));
    expect(parseRulePack(within).ok).toBe(true);
    // The built-in pack's own patterns (about 22,000 characters) and repeats are free.
    const repeated = packWith([
      ...rules(50, 1000),
      ...rules(50, 1000).map((r) => ({ ...r, id: `again-${r.id}` })),
    ]);
    expect(parseRulePack(repeated).ok).toBe(true);
    const over = packWith(rules(51, 1000));
    expect(parseRulePack(over, patternStamp(over)).ok).toBe(true);
  });
});

describe('writers of the stamp', () => {
  beforeEach(() => fakeBrowser.reset());

  it("the options page saves the pack's stamp with it, and removes both", async () => {
    const pack = packWith([{ id: 'a', pattern: 'timed out' }]);
    await browserOptionsAdapter().writePack(pack);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({
      rulePack: pack,
      rulePackStamp: patternStamp(pack),
    });
    await browserOptionsAdapter().writePack(null);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  /** storage.local as a map, with the writes it saw. */
  const area = (items: Record<string, unknown>) => {
    const writes: Record<string, unknown>[] = [];
    const local: LocalStorageArea = {
      get: async (keys) =>
        Object.fromEntries(keys.filter((k) => k in items).map((k) => [k, items[k]])),
      set: async (next) => {
        writes.push(next);
        Object.assign(items, next);
      },
    };
    return { local, items, writes };
  };

  it('the background stamps a saved pack and a policy pack that pass the check, once', async () => {
    const saved = packWith([{ id: 'a', pattern: 'timed out' }]);
    const policy = packWith([{ id: 'b', pattern: 'declined' }]);
    const managed = async () => ({ rulePack: JSON.stringify(policy) });
    const { local, items, writes } = area({ rulePack: saved });
    expect(await restampPacks(local, managed)).toEqual(['rulePackStamp', 'policyPackStamp']);
    expect(items).toMatchObject({
      rulePackStamp: patternStamp(saved),
      policyPackStamp: patternStamp(policy),
    });
    expect(await restampPacks(local, managed)).toEqual([]);
    expect(writes).toHaveLength(2);
  });

  it('the background stamps a pack the check refuses as refused: tabs refuse it unchecked', async () => {
    const refused = packWith([{ id: 'slow', pattern: SLOW }]);
    const { local, items, writes } = area({ rulePack: refused });
    const managed = async () => ({ rulePack: JSON.stringify(refused) });
    expect(await restampPacks(local, managed)).toEqual(['rulePackStamp', 'policyPackStamp']);
    expect(items).toMatchObject({
      rulePackStamp: refusedStamp(patternStamp(refused)),
      policyPackStamp: refusedStamp(patternStamp(refused)),
    });
    expect(await restampPacks(local, managed)).toEqual([]);
    expect(writes).toHaveLength(2);
    const settings = layer(
      refused,
      items.rulePackStamp,
      { rulePack: JSON.stringify(refused) },
      items.policyPackStamp,
    );
    expect(settings.pack).toBe(defaultRulePack);
    expect(settings.problems).toEqual([
      'saved rules ignored: (root): its patterns did not pass the pattern check (the options page lists the problems)',
      'policy rulePack ignored: (root): its patterns did not pass the pattern check (the options page lists the problems)',
    ]);
    // The refusal is the stamp's, not a new check's: a pack that would pass is refused too.
    const fine = packWith([]);
    expect(parseRulePack(fine, refusedStamp(patternStamp(fine))).ok).toBe(false);
    expect(parseRulePack(fine, refusedStamp(patternStamp(refused))).ok).toBe(true);
  });

  it('the options page checks a pack stamped as refused in full, to list why', async () => {
    const refused = packWith([{ id: 'slow', pattern: SLOW }]);
    const state = await loadOptionsState(
      {
        read: async () => ({
          stored: refused,
          storedStamp: refusedStamp(patternStamp(refused)),
          storedRole: null,
          managed: {},
        }),
        onChange: () => () => {},
      },
      defaultRulePack,
    );
    expect(state.saved).toBe(defaultRulePack);
    expect(state.settings.problems[0]).toMatch(
      /^saved rules ignored: messageRules\.\d+\.pattern: .*exponential time/,
    );
  });

  it('the background stamps an older export as it will be read (upgraded)', async () => {
    const v0 = {
      schemaVersion: 0,
      name: 'Old',
      rules: [{ id: 'x', type: 'duplicate', match: 'dup', priority: 5 }],
    };
    const { local, items } = area({ rulePack: v0 });
    expect(await restampPacks(local, async () => ({}))).toEqual(['rulePackStamp']);
    expect(items.rulePackStamp).toBe(packStamp(v0));
    expect(layer(v0, items.rulePackStamp).pack.name).toBe('Old');
  });

  it('the background does not stamp a pack replaced while it was being checked', async () => {
    const first = packWith([{ id: 'a', pattern: 'timed out' }]);
    const second = packWith([{ id: 'a', pattern: 'declined' }]);
    const { local, items } = area({ rulePack: first });
    const get = local.get;
    let reads = 0;
    local.get = async (keys) => {
      // The options page saves the second pack (and its stamp) during the check.
      if (++reads === 2)
        Object.assign(items, { rulePack: second, rulePackStamp: patternStamp(second) });
      return get(keys);
    };
    expect(await restampPacks(local, async () => ({}))).toEqual([]);
    expect(items.rulePackStamp).toBe(patternStamp(second));
  });
});

describe('PATTERN_CHECK_VERSION', () => {
  /** The pattern check's own files (lib/rules, followed through their "./" imports). */
  const sources = () => {
    const dir = join(import.meta.dirname, '../../lib/rules');
    const seen = new Set<string>();
    const visit = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      for (const [, next] of readFileSync(join(dir, name), 'utf8').matchAll(/from '\.\/([\w-]+)'/g))
        visit(`${next}.ts`);
    };
    visit('regex-safety.ts');
    return [...seen].sort().map((name) => `${name}\n${readFileSync(join(dir, name), 'utf8')}`);
  };

  it('belongs to the check as it is: a change to the check needs a look at the version', () => {
    const digest = createHash('sha256')
      .update([...sources(), `MAX_CLASSIFIED_LENGTH=${MAX_CLASSIFIED_LENGTH}`].join('\n'))
      .digest('hex')
      .slice(0, 16);
    // When this fails: if the check may now refuse a pattern it accepted, bump
    // PATTERN_CHECK_VERSION (packs stamped before are then checked again); then pin the digest.
    expect({ version: PATTERN_CHECK_VERSION, digest }).toEqual({
      version: 1,
      digest: 'b9254968e1248782',
    });
  });
});
