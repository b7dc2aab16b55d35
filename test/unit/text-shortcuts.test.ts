// The engine's fast paths for reading text (a tidy string returned as it is, a cell's text read
// with textContent, attribute names read once) give exactly what the plain walk gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapse, isHiddenElement, visibleText } from '../../lib/analyze/text';
import { readValue } from '../../lib/analyze/collect';
import { wordStart } from '../../lib/analyze/words';
import { documentFromTree, treeArbitrary } from '../helpers/dom-arbitraries';

const RUNS = { numRuns: Number(process.env.FC_RUNS) || 300 };

/** collapse() as it was before the shortcut. */
const referenceCollapse = (text: string) =>
  text.replace(/[\s\u00a0\u200b\u200c\u200d\u2060\ufeff]+/g, ' ').trim();

const BLOCK =
  /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|BR|DD|DIV|DL|DT|FIELDSET|FIGCAPTION|FIGURE|FOOTER|FORM|H[1-6]|HEADER|HR|LI|MAIN|NAV|OL|P|PRE|SECTION|TABLE|TBODY|TD|TFOOT|TH|THEAD|TR|UL|CAPTION|LABEL|LEGEND|SUMMARY|DETAILS|BUTTON|OPTION|SELECT|INPUT|TEXTAREA)$/;
const INTERACTIVE = (el: Element) =>
  el.tagName === 'BUTTON' ||
  el.getAttribute('role') === 'button' ||
  el.tagName === 'SELECT' ||
  el.tagName === 'INPUT';

/** Hidden by itself, read attribute by attribute (no shortcut). */
function referenceHidden(el: Element): boolean {
  const tag = el.tagName;
  if (
    /^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT|svg|SVG|HEAD|META|LINK|IFRAME|OBJECT|CANVAS|SYNC-ASSIST-OVERLAY)$/.test(
      tag,
    )
  )
    return true;
  if (tag === 'DIALOG' && !el.hasAttribute('open')) return true;
  if (tag === 'INPUT' && (el as HTMLInputElement).type === 'hidden') return true;
  return (
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true' ||
    /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i.test(
      el.getAttribute('style') ?? '',
    ) ||
    /(?:^|\s)(?:hidden|d-none|is-hidden|sr-only|visually-hidden|cdk-visually-hidden|screen-reader-text|u-hidden)(?:\s|$)/.test(
      el.getAttribute('class') ?? '',
    )
  );
}

/** The plain walk: every text node, hidden and skipped elements left out, blocks as spaces. */
function referenceText(el: Element, skip?: (el: Element) => boolean): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
      else if (child.nodeType === 1) {
        const element = child as Element;
        if (referenceHidden(element) || skip?.(element)) continue;
        const block = BLOCK.test(element.tagName);
        if (block) parts.push(' ');
        walk(element);
        if (block) parts.push(' ');
      }
    }
  };
  walk(el);
  return referenceCollapse(parts.join(''));
}

const spaces = fc.constantFrom(
  ' ',
  '  ',
  '\t',
  '\n',
  '\u00a0',
  '\u200b',
  '\u2003',
  '\u2028',
  '\u3000',
  '\ufeff',
  '\u2060',
  '\u200e',
  '\u2066',
  '\u2069',
  '\u202b',
  'a',
  'Sync',
  'é',
  '—',
);

describe('text shortcuts', () => {
  it('collapse returns what the pattern would, for any mix of spaces', () => {
    fc.assert(
      fc.property(fc.array(spaces, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        return collapse(text) === referenceCollapse(text);
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.string(), (text) => collapse(text) === referenceCollapse(text)),
      {
        numRuns: 5000,
      },
    );
  });

  it('visibleText and readValue equal the plain walk on random trees', () => {
    fc.assert(
      fc.property(treeArbitrary, (tree) => {
        const doc = documentFromTree(tree, null);
        // The engine never reads the text of an element it skips (a <template>'s own text is
        // its content fragment's in happy-dom).
        for (const el of [doc.body, ...doc.body.querySelectorAll('*')]) {
          expect(isHiddenElement(el), el.outerHTML).toBe(referenceHidden(el));
          if (isHiddenElement(el)) continue;
          expect(visibleText(el)).toBe(referenceText(el));
          expect(readValue(el)).toBe(referenceText(el, INTERACTIVE));
        }
      }),
      RUNS,
    );
  });

  it('a cell with one inline leaf reads through it unless the leaf is hidden or a control', () => {
    const doc = documentFromTree({ tag: 'div', attrs: [], children: [] }, null);
    const cell = doc.createElement('td');
    for (const [inner, expected] of [
      ['<span class="chip">Failed</span> ', 'Failed'],
      ['Sync <span class="sr-only">hidden</span>failed', 'Sync failed'],
      ['<a href="/x" aria-hidden="true">INV-1</a>', ''],
      ['Retry<button>Retry now</button>', 'Retry'],
      ['<span role="button">x</span>y', 'y'],
      ['a<div>b</div>', 'a b'],
      ['<span style="display: none">x</span>y', 'y'],
      ['<span class="x\u00a0hidden">x</span>y', 'y'],
      ['<span class="not-hidden">x</span>y', 'xy'],
      ['<input type="hidden" value="x">y', 'y'],
      ['<dialog open>x</dialog>y', 'xy'],
      ['<dialog>x</dialog>y', 'y'],
    ] as const) {
      cell.innerHTML = inner;
      expect(readValue(cell), inner).toBe(expected);
      expect(readValue(cell), inner).toBe(referenceText(cell, INTERACTIVE));
    }
  });
});

describe('whole words without a pattern', () => {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  /** Where the pattern the engine used to build would find the word (its start), or -1. */
  const byPattern = (text: string, word: string) => {
    const match = new RegExp(`(?:^|[^\\p{L}\\p{N}])${escape(word)}(?![\\p{L}\\p{N}])`, 'u').exec(
      text,
    );
    return match ? match.index + match[0].length - word.length : -1;
  };

  it('finds a word where the Unicode pattern does', () => {
    const pieces = fc.constantFrom(
      'failed',
      'fail',
      'ed',
      ' ',
      '-',
      'é',
      'ß',
      '9',
      '٣',
      '𝐀',
      '😀',
      '_',
      'x',
      '·',
    );
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 10 }),
        fc.constantFrom('failed', 'fail', 'ed'),
        (parts, word) => {
          const text = parts.join('');
          return wordStart(text, word) === byPattern(text, word);
        },
      ),
      { numRuns: 5000 },
    );
  });
});
