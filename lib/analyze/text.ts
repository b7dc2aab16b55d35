/**
 * Visible text without layout: visibility is decided from attributes and inline styles only
 * (never getComputedStyle or innerText, which force style and layout on large pages).
 */

const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
  'svg',
  'SVG',
  'HEAD',
  'META',
  'LINK',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'SYNC-ASSIST-OVERLAY',
]);
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;
const HIDDEN_CLASS =
  /(?:^|\s)(?:hidden|d-none|is-hidden|sr-only|visually-hidden|screen-reader-text|u-hidden)(?:\s|$)/;
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'CAPTION',
  'LABEL',
  'LEGEND',
  'SUMMARY',
  'DETAILS',
  'BUTTON',
  'OPTION',
  'SELECT',
  'INPUT',
  'TEXTAREA',
]);

/** True when the element itself is hidden (not its ancestors). */
export function isHiddenElement(el: Element): boolean {
  const tag = el.tagName;
  if (SKIPPED_TAGS.has(tag)) return true;
  // Most cells of a long list carry no attribute at all: one call answers for them.
  if (!el.hasAttributes()) return tag === 'DIALOG';
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style && HIDDEN_STYLE.test(style)) return true;
  const cls = el.getAttribute('class');
  if (cls && HIDDEN_CLASS.test(cls)) return true;
  if (tag === 'INPUT' && (el as HTMLInputElement).type === 'hidden') return true;
  if (tag === 'DIALOG' && !el.hasAttribute('open')) return true;
  return false;
}

/** True when the element or any ancestor up to `root` is hidden. */
export function isVisible(el: Element, root?: Element): boolean {
  for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
    if (isHiddenElement(node)) return false;
  }
  return true;
}

const SPACES = /[\s\u00a0\u200b\u200c\u200d\u2060\ufeff]+/g;
/** Anything collapse() would change: a run of two spaces, any other white space, or an edge space. */
const UNTIDY =
  /[\t\n\v\f\r\u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]| {2}|^ | $/;

export function collapse(text: string): string {
  // A cell's text is usually tidy already: testing costs less than replacing (no new strings).
  if (!UNTIDY.test(text)) return text;
  return text.replace(SPACES, ' ').trim();
}

interface TextWalk {
  skip: ((el: Element) => boolean) | undefined;
  limit: number;
  length: number;
  /** The only text read so far, kept apart so a one-text cell allocates no array. */
  first: string | null;
  parts: string[] | null;
}

function push(walk: TextWalk, text: string): void {
  if (walk.first === null && walk.parts === null) walk.first = text;
  else {
    walk.parts ??= [walk.first!];
    walk.parts.push(text);
  }
  walk.length += text.length;
}

function walkText(walk: TextWalk, node: Node): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (walk.length > walk.limit) return;
    const type = child.nodeType;
    if (type === 3) push(walk, child.nodeValue ?? '');
    else if (type === 1) {
      const element = child as Element;
      if (isHiddenElement(element) || walk.skip?.(element)) continue;
      const block = BLOCK_TAGS.has(element.tagName);
      if (block) push(walk, ' ');
      walkText(walk, element);
      if (block) push(walk, ' ');
    }
  }
}

/** Visible text of an element's subtree, whitespace collapsed, with block boundaries as spaces. */
export function visibleText(el: Element, skip?: (el: Element) => boolean, limit = 20000): string {
  // Most cells hold one text node: no walk needed (same result as the walk below).
  const only = el.firstChild;
  if (only && only === el.lastChild && only.nodeType === 3) return collapse(only.nodeValue ?? '');
  const walk: TextWalk = { skip, limit, length: 0, first: null, parts: null };
  walkText(walk, el);
  if (walk.parts) return collapse(walk.parts.join(''));
  return walk.first === null ? '' : collapse(walk.first);
}

/** Lower-cased label without decoration: "Record #:" -> "record #", "Amount (KES)*" -> "amount (kes)". */
export function normalizeLabel(text: string): string {
  return collapse(text)
    .toLowerCase()
    .replace(/[\u2019']/g, "'")
    .replace(/\s*[:：*]+\s*$/, '')
    .replace(/\s*[:：*]+\s*$/, '')
    .replace(/\bno\.\s*/g, 'no ')
    .replace(/\s+/g, ' ')
    .trim();
}
