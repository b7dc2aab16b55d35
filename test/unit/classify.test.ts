import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import {
  classifyMessage,
  compileMessageRules,
  normalizeMessage,
  MAX_CLASSIFIED_LENGTH,
} from '../../lib/analyze/classify';
import { MESSAGE_TYPES, type MessageType } from '../../lib/analyze/types';
import { defaultMessageRules } from '../../lib/rules/default/messages';
import { ruleSchemas, type MessageRule } from '../../lib/rules/schema';

interface Sample {
  line: number;
  type: MessageType;
  message: string;
}

function readSamples(name: string): Sample[] {
  const path = fileURLToPath(new URL(`../fixtures/messages/${name}`, import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((text, index) => ({ text, line: index + 1 }))
    .filter(({ text }) => text.trim() !== '' && !text.startsWith('#'))
    .map(({ text, line }) => {
      const tab = text.indexOf('\t');
      const type = text.slice(0, tab) as MessageType;
      if (tab < 0 || !MESSAGE_TYPES.includes(type)) {
        throw new Error(`${name}:${line}: expected TYPE<TAB>MESSAGE, got ${JSON.stringify(text)}`);
      }
      return { line, type, message: text.slice(tab + 1) };
    });
}

const compiled = compileMessageRules(defaultMessageRules);
const corpus = readSamples('corpus.tsv');
const holdout = readSamples('holdout.tsv');

function rule(id: string, type: MessageType, pattern: string, priority = 100): MessageRule {
  return { id, type, pattern, priority, enabled: true, description: '' };
}

describe('message corpus', () => {
  it('has at least 20 wordings per type and 25 unknowns, without repeats', () => {
    for (const type of MESSAGE_TYPES) {
      const count = corpus.filter((s) => s.type === type).length;
      expect(count, type).toBeGreaterThanOrEqual(type === 'unknown' ? 25 : 20);
    }
    expect(new Set(corpus.map((s) => s.message)).size).toBe(corpus.length);
  });

  it.each(corpus.map((s) => [`${s.line}: ${s.type} <- ${s.message.slice(0, 100)}`, s] as const))(
    'corpus.tsv:%s',
    (_name, sample) => {
      const result = classifyMessage(sample.message, compiled);
      // Compare objects so a failure shows the message, the expected and the actual type.
      expect({ message: sample.message, type: result.messageType, rule: result.ruleId }).toEqual({
        message: sample.message,
        type: sample.type,
        rule: result.ruleId,
      });
    },
  );

  it('classifies at least 95% of the held-out messages correctly', () => {
    expect(holdout.length).toBeGreaterThanOrEqual(8 * MESSAGE_TYPES.length);
    const misses = holdout
      .map((s) => ({ ...s, got: classifyMessage(s.message, compiled).messageType }))
      .filter((s) => s.got !== s.type)
      .map((s) => `holdout.tsv:${s.line} expected ${s.type}, got ${s.got}: ${s.message}`);
    const accuracy = (holdout.length - misses.length) / holdout.length;
    expect(accuracy, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });
});

describe('default message rules', () => {
  it('validate with MessageRuleSchema and compile with the iu flags', () => {
    for (const r of defaultMessageRules) {
      const parsed = ruleSchemas().MessageRuleSchema.safeParse(r);
      expect(parsed.success, `${r.id}: ${parsed.error?.message ?? ''}`).toBe(true);
      expect(parsed.data).toEqual(r);
      expect(() => new RegExp(r.pattern, 'iu'), r.id).not.toThrow();
      expect(r.enabled, r.id).toBe(true);
      expect(r.description.length, r.id).toBeGreaterThan(0);
    }
  });

  it('have unique ids and cover every type except the unknown fallback', () => {
    const ids = defaultMessageRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const type of MESSAGE_TYPES.filter((t) => t !== 'unknown')) {
      expect(
        defaultMessageRules.some((r) => r.type === type),
        type,
      ).toBe(true);
    }
    expect(compiled).toHaveLength(defaultMessageRules.length);
  });

  it('resolve overlapping messages the way the domain table intends', () => {
    const cases: Array<[string, MessageType]> = [
      [
        'Required param missing, need to supply the required value for the API: CustomerRef',
        'missing-required-field',
      ],
      ['Invalid Reference Id : Customer element id 12 not found', 'mapping-missing'],
      ['Tax code VAT16 not mapped', 'mapping-missing'],
      ['Missing mapping for tax code VAT16', 'mapping-missing'],
      ['401 Unauthorized', 'authorization-failed'],
      ['Business Validation Error: Duplicate Document Number Error (6140)', 'duplicate-detected'],
      ['Request timed out while refreshing token: invalid_grant', 'authorization-failed'],
      ['Token refresh failed: 503 Service Unavailable', 'temporary-provider-issue'],
      ['Token refresh failed', 'authorization-failed'],
      ['403 Forbidden: ApplicationAuthorizationFailed', 'authorization-failed'],
      ['Status 403: InvalidPhoneNumber', 'unknown'],
      [
        'Unable to lock subscriber, a transaction is already in process (500.001.1001)',
        'duplicate-detected',
      ],
      ['System is busy (500.001.1001)', 'temporary-provider-issue'],
      ['API key is required', 'authorization-failed'],
      ['Approval is required before sync', 'not-ready'],
      ['No customer found in QuickBooks', 'mapping-missing'],
      ['No duplicate found', 'unknown'],
      ['Connection re-authorized by Jane Mwangi', 'unknown'],
      ['Account Period Closed, Cannot Update Through Services API', 'unknown'],
      ['Webhook delivered in 502 ms', 'unknown'],
    ];
    for (const [message, type] of cases) {
      expect({ message, type: classifyMessage(message, compiled).messageType }).toEqual({
        message,
        type,
      });
    }
  });
});

describe('compileMessageRules', () => {
  it('orders by priority, highest first, keeping input order for ties', () => {
    const rules = compileMessageRules([
      rule('low', 'unknown', 'a', 1),
      rule('tie-1', 'duplicate-detected', 'b', 50),
      rule('high', 'not-ready', 'c', 900),
      rule('tie-2', 'mapping-missing', 'd', 50),
      rule('tie-3', 'not-ready', 'e', 50),
    ]);
    expect(rules.map((r) => r.id)).toEqual(['high', 'tie-1', 'tie-2', 'tie-3', 'low']);
    expect(rules[0]?.regex.flags).toContain('i');
    expect(rules[0]?.regex.flags).toContain('u');
  });

  it('skips disabled rules', () => {
    const rules = compileMessageRules([
      { ...rule('off', 'duplicate-detected', 'timeout', 900), enabled: false },
      rule('on', 'temporary-provider-issue', 'timeout', 100),
    ]);
    expect(rules.map((r) => r.id)).toEqual(['on']);
    expect(classifyMessage('Timeout after 30s', rules)).toEqual({
      messageType: 'temporary-provider-issue',
      ruleId: 'on',
    });
  });

  it('skips a rule whose pattern does not compile instead of failing the whole pack', () => {
    const rules = compileMessageRules([
      rule('broken', 'not-ready', '(unclosed', 900),
      rule('ok', 'not-ready', 'draft', 100),
    ]);
    expect(rules.map((r) => r.id)).toEqual(['ok']);
  });
});

describe('classifyMessage', () => {
  it('gives no type to a null or blank message', () => {
    for (const message of [null, '', '   ', '\n\t ', '\u200B\u202E\u2066']) {
      expect(classifyMessage(message, compiled)).toEqual({ messageType: null, ruleId: null });
    }
  });

  it('lets the highest-priority matching rule win and reports its id', () => {
    const rules = compileMessageRules([
      rule('generic', 'missing-required-field', 'missing', 10),
      rule('mapping', 'mapping-missing', 'mapping\\s+missing', 20),
    ]);
    expect(classifyMessage('Tax mapping missing', rules)).toEqual({
      messageType: 'mapping-missing',
      ruleId: 'mapping',
    });
    expect(classifyMessage('Customer missing', rules)).toEqual({
      messageType: 'missing-required-field',
      ruleId: 'generic',
    });
  });

  it("falls back to 'unknown' when no rule matches", () => {
    expect(classifyMessage('Card declined', compiled)).toEqual({
      messageType: 'unknown',
      ruleId: null,
    });
    expect(classifyMessage('anything', [])).toEqual({ messageType: 'unknown', ruleId: null });
  });

  it('ignores bidi controls, zero-width characters and typographic punctuation', () => {
    const cases: Array<[string, MessageType]> = [
      ['\u202Einvalid_\u200Bgrant\u202C', 'authorization-failed'],
      ['\u2067Duplicate\u00A0Name\u2009Exists\u2069 Error', 'duplicate-detected'],
      ['Invoice is still in dr\u200Daft', 'not-ready'],
      ['Customer can\u2019t be blank', 'missing-required-field'],
      ['\uFEFFTax code \u201CVAT16\u201D is not\u2028mapped', 'mapping-missing'],
      ['429\u2014Too Many Requests', 'temporary-provider-issue'],
    ];
    for (const [message, type] of cases) {
      expect({ message, type: classifyMessage(message, compiled).messageType }).toEqual({
        message,
        type,
      });
    }
  });

  it('finishes on a 1 MB message and only reads its beginning', () => {
    const filler = 'x'.repeat(1_000_000);
    expect(classifyMessage(`invalid_grant ${filler}`, compiled).messageType).toBe(
      'authorization-failed',
    );
    expect(classifyMessage(`${filler} invalid_grant`, compiled).messageType).toBe('unknown');
    const noisy = 'token is not mapped to any customer missing '.repeat(25_000);
    expect(noisy.length).toBeGreaterThan(1_000_000);
    expect(classifyMessage(noisy, compiled).messageType).not.toBeNull();
    // Invisible padding cannot push the visible text out of reach.
    const padded = `${' \u200B'.repeat(500_000)}Duplicate Name Exists Error`;
    expect(classifyMessage(padded, compiled).messageType).toBe('duplicate-detected');
  });
});

describe('normalizeMessage', () => {
  it('collapses whitespace, strips invisible characters and caps the length', () => {
    expect(normalizeMessage('  a\t\tb\r\n c\u200B\u202Ed  ')).toBe('a b cd');
    expect(normalizeMessage('y'.repeat(MAX_CLASSIFIED_LENGTH * 10))).toHaveLength(
      MAX_CLASSIFIED_LENGTH,
    );
  });
});

describe('the literal prefilter and flags of the built-in rules', () => {
  // Every rule tested, each pattern built with the iu flags the pack documents.
  const patterns = new Map(defaultMessageRules.map((rule) => [rule.id, rule.pattern]));
  const unfiltered = compiled.map((rule) => ({
    ...rule,
    regex: new RegExp(patterns.get(rule.id)!, 'iu'),
    branches: null,
  }));
  // Pieces of the built-in patterns' own words, in odd case and spacing, so random messages
  // often come close to a rule.
  const words = [
    ...new Set(defaultMessageRules.flatMap((r) => r.pattern.match(/[A-Za-z_]{3,}/g) ?? [])),
  ];

  it('every built-in rule has literals to look for', () => {
    expect(compiled.filter((rule) => rule.branches === null).map((rule) => rule.id)).toEqual([]);
  });

  it("a built-in rule's alternatives, tested one by one, are its whole pattern", () => {
    for (const rule of compiled) {
      const sources = rule.branches!.map((branch) => branch.regex.source);
      expect(sources.join('|'), rule.id).toBe(rule.regex.source);
      expect(rule.branches!.every((b) => b.regex.flags === rule.regex.flags)).toBe(true);
    }
    // Most rules are several alternatives: each is compiled only when a message has its words.
    expect(compiled.filter((rule) => rule.branches!.length > 1).length).toBeGreaterThan(30);
  });

  it("an admin's edit of a built-in rule's pattern is tested as written, without the built-in literals", () => {
    const [first] = defaultMessageRules;
    const edited = compileMessageRules([{ ...first!, pattern: 'ledger bridge down' }]);
    expect(edited[0]!.branches).toBeNull();
    expect(classifyMessage('Ledger bridge down since 9am', edited).ruleId).toBe(first!.id);
  });

  it('classifies every corpus message exactly as testing every rule does', () => {
    for (const { message } of [...corpus, ...holdout])
      expect(classifyMessage(`${message} `, compiled), message).toEqual(
        classifyMessage(`${message} `, unfiltered),
      );
  });

  it('classifies random messages made of rule words exactly as testing every rule does', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(...words).map((w) => (w.length % 2 ? w.toUpperCase() : w)),
            fc.constantFrom(' ', '  ', ': ', '-', '_', '401', '\u017f', 'İ', 'ﬁ', '\u212a'),
            fc.string({ maxLength: 4 }),
          ),
          { maxLength: 10 },
        ),
        (parts) => {
          const message = parts.join('');
          return (
            classifyMessage(message, compiled).ruleId ===
            classifyMessage(message, unfiltered).ruleId
          );
        },
      ),
      { numRuns: 3000 },
    );
  });
});
