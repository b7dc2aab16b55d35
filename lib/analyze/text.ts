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
  /(?:^|\s)(?:hidden|d-none|is-hidden|sr-only|visually-hidden|cdk-visually-hidden|screen-reader-text|u-hidden)(?:\s|$)/;
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
  return isHiddenAs(el, el.tagName, attributeNames(el));
}

/** The element's attribute names, or null when it has none (most cells of a long list). */
export function attributeNames(el: Element): readonly string[] | null {
  // Tried: one el.matches() of the hiding attributes instead: 10% faster cold in the extension's
  // isolated world, 10% slower in the main world (npm run bench, figure 1). Not kept.
  return el.hasAttributes() ? el.getAttributeNames() : null;
}

/** A table cell (<td>, <th>) that has attributes: hidden by any of them? */
export function isHiddenCell(cell: Element): boolean {
  return isHiddenAs(cell, 'TD', cell.getAttributeNames());
}

/** isHiddenElement of a <tr>, its tag name already read. */
export function isHiddenRow(row: Element): boolean {
  return row.hasAttributes() && isHiddenAs(row, 'TR', row.getAttributeNames());
}

/**
 * isHiddenElement with the tag name and attribute names already read. On a long list each DOM
 * read costs as much as the logic around it: one read of the names replaces a read per attribute.
 */
function isHiddenAs(el: Element, tag: string, names: readonly string[] | null): boolean {
  if (SKIPPED_TAGS.has(tag)) return true;
  if (tag === 'DIALOG' && !names?.includes('open')) return true;
  if (names === null) return false;
  if (tag === 'INPUT' && (el as HTMLInputElement).type === 'hidden') return true;
  for (const name of names) {
    if (name === 'hidden') return true;
    if (name === 'aria-hidden') {
      if (el.getAttribute(name) === 'true') return true;
    } else if (name === 'style') {
      if (HIDDEN_STYLE.test(el.getAttribute(name) ?? '')) return true;
    } else if (name === 'class') {
      if (HIDDEN_CLASS.test(el.getAttribute(name) ?? '')) return true;
    }
  }
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
/** White space other than the plain space, as SPACES and trim() see it. */
const isOtherSpace = (code: number) =>
  (code >= 9 && code <= 13) ||
  (code >= 0x80 &&
    (code === 0xa0 ||
      code === 0x1680 ||
      (code >= 0x2000 && code <= 0x200d) ||
      code === 0x2028 ||
      code === 0x2029 ||
      code === 0x202f ||
      code === 0x205f ||
      code === 0x2060 ||
      code === 0x3000 ||
      code === 0xfeff));

/** Nothing collapse() would change: no edge space, no two spaces running, no other white space. */
function isTidy(text: string): boolean {
  const last = text.length - 1;
  if (last < 0) return true;
  if (text.charCodeAt(0) === 32 || text.charCodeAt(last) === 32) return false;
  let space = false;
  for (let i = 0; i <= last; i++) {
    const code = text.charCodeAt(i);
    if (code === 32) {
      if (space) return false;
      space = true;
    } else {
      if (isOtherSpace(code)) return false;
      space = false;
    }
  }
  return true;
}

export function collapse(text: string): string {
  // A cell's text is usually tidy already: a loop over it costs less than a pattern, and
  // returning it unchanged makes no new string.
  if (isTidy(text)) return text;
  return text.replace(SPACES, ' ').trim();
}

/**
 * Elements a reader leaves out of a text (controls, a heading already read); `tag` is el.tagName
 * and `names` attributeNames(el), read once by the walk.
 */
export type SkipElement = (el: Element, tag: string, names: readonly string[] | null) => boolean;

interface TextWalk {
  skip: SkipElement | undefined;
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
      const tag = element.tagName;
      const names = attributeNames(element);
      if (isHiddenAs(element, tag, names) || walk.skip?.(element, tag, names)) continue;
      const block = BLOCK_TAGS.has(tag);
      if (block) push(walk, ' ');
      // A leaf (<a>INV-1</a>, <span class="chip">Failed</span>): its text in one read.
      if (element.childElementCount === 0) push(walk, element.textContent ?? '');
      else walkText(walk, element);
      if (block) push(walk, ' ');
    }
  }
}

/** Visible text of an element's subtree, whitespace collapsed, with block boundaries as spaces. */
export function visibleText(el: Element, skip?: SkipElement, limit = 20000): string {
  // The common cells read in one go, with the same result as the walk below: only text, or text
  // around one visible inline leaf (<a>INV-1</a>, <span class="chip">Failed</span>).
  const count = el.childElementCount;
  if (count === 0 || (count === 1 && isPlainLeaf(el.firstElementChild!, skip))) {
    const text = el.textContent ?? '';
    if (text.length <= limit) return collapse(text);
  }
  const walk: TextWalk = { skip, limit, length: 0, first: null, parts: null };
  walkText(walk, el);
  if (walk.parts) return collapse(walk.parts.join(''));
  return walk.first === null ? '' : collapse(walk.first);
}

/** An element the walk would read whole and without spaces around it. */
function isPlainLeaf(el: Element, skip: SkipElement | undefined): boolean {
  const tag = el.tagName;
  if (BLOCK_TAGS.has(tag) || el.childElementCount !== 0) return false;
  const names = attributeNames(el);
  return !isHiddenAs(el, tag, names) && !skip?.(el, tag, names);
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
