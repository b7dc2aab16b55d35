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
  if (SKIPPED_TAGS.has(el.tagName)) return true;
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style && HIDDEN_STYLE.test(style)) return true;
  const cls = el.getAttribute('class');
  if (cls && HIDDEN_CLASS.test(cls)) return true;
  if (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'hidden') return true;
  if (el.tagName === 'DIALOG' && !el.hasAttribute('open')) return true;
  return false;
}

/** True when the element or any ancestor up to `root` is hidden. */
export function isVisible(el: Element, root?: Element): boolean {
  for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
    if (isHiddenElement(node)) return false;
  }
  return true;
}

export function collapse(text: string): string {
  return text.replace(/[\s\u00a0\u200b\u200c\u200d\u2060\ufeff]+/g, ' ').trim();
}

/** Visible text of an element's subtree, whitespace collapsed, with block boundaries as spaces. */
export function visibleText(el: Element, skip?: (el: Element) => boolean, limit = 20000): string {
  // Most cells hold one text node: no walk needed (same result as the walk below).
  const only = el.firstChild;
  if (only && only === el.lastChild && only.nodeType === 3) return collapse(only.nodeValue ?? '');
  const parts: string[] = [];
  let length = 0;
  const walk = (node: Node): void => {
    if (length > limit) return;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const value = child.nodeValue ?? '';
        parts.push(value);
        length += value.length;
      } else if (child.nodeType === 1) {
        const element = child as Element;
        if (isHiddenElement(element) || skip?.(element)) continue;
        const block = BLOCK_TAGS.has(element.tagName);
        if (block) parts.push(' ');
        walk(element);
        if (block) parts.push(' ');
      }
      if (length > limit) return;
    }
  };
  walk(el);
  return collapse(parts.join(''));
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
