// The gate's build-time signals: the committed file is what the built-in pack gives, and each
// shortcut the gate takes (triggers before patterns, ASCII word and record-number checks) can
// only say yes where the exact check says yes.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENERATED } from '../../scripts/gen-prefilters';
import { withoutSupersets } from '../../lib/gate/sources';
import { hasIdLike, hasWord, serialisedPath } from '../../lib/gate/text';
import { urlPath } from '../../lib/analyze/detect';
import { branchLiterals, requiredLiterals } from '../../lib/rules/literals';
import { idTokens } from '../../lib/analyze/values';
import { defaultRulePack } from '../../lib/rules/default';

const patterns = Object.values(defaultRulePack.pages).flatMap((page) => [
  ...page.urlPatterns,
  ...page.headingPatterns,
  ...page.sectionPatterns,
]);

describe('gate signals', () => {
  it.each(Object.keys(GENERATED))(
    '%s is what the built-in pack gives (run scripts/gen-prefilters.ts)',
    async (file) => {
      expect(readFileSync(file, 'utf8')).toBe(await GENERATED[file]!());
    },
  );

  it.each(patterns)('every match of %s holds the literals the gate looks for', (source) => {
    const required = requiredLiterals(source);
    expect(required.length).toBeGreaterThan(0);
    const holds = (text: string) =>
      required.every((group) => group.some((literal) => text.toLowerCase().includes(literal)));
    fc.assert(
      fc.property(
        // fast-check cannot generate around \b: without it the strings are a superset, filtered below.
        fc.stringMatching(new RegExp(source.replaceAll('\\b', ''))),
        (text) => !new RegExp(source, 'iu').test(text) || holds(text),
      ),
      { numRuns: 300 },
    );
  });

  it('finds no literal where a pattern requires none', () => {
    expect(requiredLiterals('\\d+')).toEqual([]);
    expect(requiredLiterals('(sync)?hub|\\w+')).toEqual([]);
    expect(requiredLiterals('a(b')).toEqual([]);
    expect(requiredLiterals('\\bsync\\s?hub\\b')).toEqual([['sync'], ['hub']]);
    expect(requiredLiterals('(qbo|quickbooks) (log|x)')).toEqual([
      ['qbo', 'quickbooks'],
      ['log', 'x'],
    ]);
    expect(requiredLiterals('a(qbo|quickbooks (log|x))')).toEqual([['a'], ['qbo', 'quickbooks']]);
  });

  it('cuts a pattern at its own alternatives only, each with the literals its matches hold', () => {
    expect(branchLiterals('sync (hub|log)|qbo\\s?sync|\\d+')).toEqual([
      [14, [['sync'], ['hub', 'log']]],
      [25, [['qbo'], ['sync']]],
      [29, []],
    ]);
    // A back-reference numbers a group of the whole pattern: not cut.
    expect(branchLiterals('(a)x\\1|y')).toEqual([[8, [['a', 'y']]]]);
    expect(branchLiterals('a(b')).toBeNull();
  });

  it('sees a record number wherever the engine reads one with a letter', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.stringMatching(/^[A-Za-z ]{0,8}[A-Z]{2,4}[-_/.]?\d{1,6}[ a-z]{0,8}$/),
          fc.stringMatching(/^.{0,6}\d{3,8}-[A-Z]{1,3}.{0,6}$/u),
        ),
        (text) => !idTokens(text).some((t) => /[A-Z]/i.test(t)) || hasIdLike(text.toLowerCase()),
      ),
      { numRuns: 3000 },
    );
  });

  it('finds whole words as the engine splits them, and more', () => {
    const engineWords = (text: string) => new Set(text.toLowerCase().split(/[^\p{L}\p{N}#]+/u));
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('status', 'run', 'sync', 'é', '#', '-', ' ', '·', 'x1', 'ß'), {
          maxLength: 12,
        }),
        fc.constantFrom('status', 'run', '#', 'sync'),
        (parts, word) => {
          const text = parts.join('');
          return !engineWords(text).has(word) || hasWord(text.toLowerCase(), word);
        },
      ),
      { numRuns: 3000 },
    );
    expect(hasWord('sync running', 'run')).toBe(false);
    expect(hasWord('statusfailed', 'status', true, 'StatusFailed')).toBe(true);
    expect(hasWord('statusbar', 'status', true, 'Statusbar')).toBe(false);
    expect(hasWord('sync run: sr-1', 'run')).toBe(true);
    expect(hasWord('#qbo', 'qbo', false)).toBe(true);
  });

  it("finds the engine's words of elements whose texts run together (no white space between)", () => {
    // Each part is one element's text, as a UI writes it: capitalised words, acronyms, numbers
    // and record numbers. The engine reads each element alone; the gate reads them joined.
    const engineWords = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}#]+/u);
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom('Status', 'Failed', 'Sync run', 'SR-1', 'Retries', '0', 'QBO', 'é', ': '),
          { maxLength: 10 },
        ),
        (parts) => {
          const raw = parts.join('');
          // Two acronyms or two numbers in a row read as one even to a person: not asked.
          if (/QBO[A-Z]{2}|\d\d/.test(raw)) return true;
          return (
            parts
              .flatMap(engineWords)
              // The gate's words are ASCII (signals.ts): a word with other letters is never asked.
              .filter((word) => /^[a-z0-9#]+$/.test(word))
              .every((word) => hasWord(raw.toLowerCase(), word, true, raw))
          );
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('word lists the gate carries', () => {
  it("drop a list holding all of another's words, and nothing else changes", () => {
    const word = fc.constantFrom('sync', 'status', 'failed', 'not', 'run', 'id');
    const anyHeld = (lists: string[][], text: Set<string>) =>
      lists.some((list) => list.every((w) => text.has(w)));
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 3 }), { maxLength: 8 }),
        fc.uniqueArray(word),
        (lists, text) =>
          anyHeld(withoutSupersets(lists), new Set(text)) === anyHeld(lists, new Set(text)),
      ),
      { numRuns: 3000 },
    );
    expect(withoutSupersets([['sync', 'status'], ['status'], ['status'], ['run']])).toEqual([
      ['status'],
      ['run'],
    ]);
  });
});

describe("the gate's URL reading", () => {
  it('reads path, query and hash of a serialised URL as the engine does', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const href = new URL(url).href;
        return serialisedPath(href) === urlPath(href);
      }),
      { numRuns: 2000 },
    );
    expect(serialisedPath('https://acme.awraops.com')).toBe(urlPath('https://acme.awraops.com'));
    expect(serialisedPath('file:///x/sync-hub.html')).toBe(null);
  });
});
