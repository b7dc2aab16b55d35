import { describe, expect, it } from 'vitest';
import { defaultRulePack } from '../../lib/rules/default';
import { patternProblem } from '../../lib/rules/regex-safety';

describe('the rule-pattern safety check', () => {
  it.each([
    '(a+)+$',
    '(\\w+\\s?)*$',
    '^(?:x{2,})+y',
    '(a*)*b',
    '(?:a{1,9}b){2,50}c',
    '(?:a{1,3})+c',
    '((ab)+c)*',
    '(a|a)+$',
    '(ab|a)*c',
    '(\\w|\\d)+$',
    '(.|\\s)*end',
    '(?<word>[a-z]+\\s)+!',
    // Alternatives that overlap only by their first characters (found by a security review:
    // each took about a minute on 29 characters in V8).
    'ref (\\d|1)+$',
    '(a|A)+$',
    '([a-z]|a)+$',
    '(\\w|_)+$',
    '(?:x|\\w)+$',
    '(?:(?:a)|b|(?:c|a))+$',
    '(?:x?|y)+$',
    // Beyond the fixed sample of characters (a second review): the atoms' own characters count.
    '(?:ü|Ü)+$',
    '(?:\\p{L}|ü)+$',
    '(?:а|\\u0430)+$',
    '(?:[0-9٠-٩]|٤)+$',
    // An optional end that starts like the group (6.9 s on 49 characters in V8, found in review).
    '(?:ab?|b)+$',
    '(?:ab?a?)+$',
    '(?:a(?:b)?|b)+$',
    '(?:[a-c]x?|X)+$',
  ])('refuses %s as prone to catastrophic backtracking', (source) => {
    expect(patternProblem(source)).toMatch(/catastrophic backtracking/);
  });

  it.each(['(unclosed', '[z-a]', 'a{2,1}', '\\p{NotAProperty}'])(
    'refuses %s as an invalid regular expression',
    (source) => {
      expect(patternProblem(source)).toMatch(/^invalid regular expression: /);
    },
  );

  it.each([
    '\\bmapping\\s(?:is\\s)?missing\\b',
    '(?:account|item)\\s(?:not\\s)?(?:mapped|found)',
    '\\b(?:customer|vendor)?\\s?\\w+\\b',
    '(?:ab)+',
    '[(+*]+\\)+',
    '\\(a+\\)+',
    '(?:\\d{3}-)?\\d{4}',
    '(?:a|b)+',
    '(?:token|tokens)\\sexpired',
    '(?:[\\w-]{1,30}\\s){0,3}?done',
    '(?:\\d|x)+$',
    '(?:(?=a)b|c)+',
    // An optional end that no repetition starts with.
    '(?:ab?)+$',
    '(?:ab?|c)+$',
    '(?:,\\s?\\w)+',
  ])('accepts the safe pattern %s', (source) => {
    expect(patternProblem(source)).toBeNull();
  });

  it('accepts every pattern of the built-in pack', () => {
    const sources = [
      ...defaultRulePack.messageRules.map((r) => r.pattern),
      ...Object.values(defaultRulePack.pages).flatMap((p) => [
        ...p.urlPatterns,
        ...p.headingPatterns,
        ...p.sectionPatterns,
      ]),
      ...Object.values(defaultRulePack.fields).flatMap((f) => f.labelPatterns),
    ];
    expect(sources.length).toBeGreaterThan(40);
    expect(sources.map(patternProblem).filter(Boolean)).toEqual([]);
  });
});
