import { isChrome } from './chrome';
import type { Pair } from './collect';
import type { CompiledPack } from './compile';
import { collapse, isHiddenElement, visibleText } from './text';
import type { RecordField } from './types';
import { idTokens, normalizeStatus } from './values';

/**
 * Unlabelled entries: sync logs and card lists often show a status badge, a time and a message
 * with no labels at all ("QuickBooks Online · Failed · 12/03/2025 09:02", then the message).
 * For each list entry that has a status badge, this reads those pieces by their shape and adds
 * them as weak pairs for the fields its labels did not give.
 */

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE_PART = new RegExp(
  `\\b\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b|\\b\\d{1,2}:\\d{2}(?::\\d{2})?\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}|\\b${MONTH}\\s+\\d{1,2}\\b|\\b(?:\\d+\\s+(?:sec|second|min|minute|hour|hr|day)s?\\s+ago|yesterday|today|just now)\\b`,
  'i',
);
const DATE_NOISE = new RegExp(
  `${MONTH}|\\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\b|\\b(?:am|pm|gmt|utc|eat|at|on|ago|sec|second|min|minute|hour|hr|day|yesterday|today|just|now)s?\\b|[\\d\\s,.:/+·•–—()-]`,
  'gi',
);
const SEPARATORS = /\s+[·•|–—]\s+|\s+-\s+/;
const RETRY_TEXT =
  /^(?:(?:attempt|try|retry)\s*#?\s*(\d{1,4})(?:\s*(?:of|\/)\s*\d+)?|(\d{1,4})\s*(?:retries|retry|attempts?|tries))$/i;
const MESSAGE_HINT = /error|danger|message|msg|alert|warn|reason|response|detail|red-/i;
const BLOCK =
  /^(DIV|P|UL|OL|LI|TABLE|DL|SECTION|ARTICLE|DETAILS|H[1-6]|HEADER|FOOTER|FORM|FIELDSET|BLOCKQUOTE|PRE)$/;

function isTimestamp(text: string): boolean {
  // "SR-2026-11-0399" is an identifier with a date-like tail, not a time.
  if (text.length > 60 || !DATE_PART.test(text) || /^[A-Z]{1,8}[-_/]\d/i.test(text)) return false;
  return text.replace(DATE_NOISE, '').length <= 3;
}

function isStatusBadge(text: string, compiled: CompiledPack): boolean {
  const bare = text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '').toLowerCase();
  if (bare.length === 0 || bare.length > 30) return false;
  return compiled.statusPhrases.some((p) => p.phrase === bare);
}

/** Text-bearing units: elements with direct text, or leaves; never inside buttons or hidden parts. */
function units(
  item: Element,
  skip: Set<Element>,
  out: { el: Element; text: string }[] = [],
): { el: Element; text: string }[] {
  for (let child = item.firstElementChild; child; child = child.nextElementSibling) {
    if (
      isHiddenElement(child) ||
      skip.has(child) ||
      child.tagName === 'BUTTON' ||
      child.getAttribute('role') === 'button'
    )
      continue;
    let direct = false;
    for (let node = child.firstChild; node; node = node.nextSibling) {
      // Separators between spans (" · ") are not content of their own.
      if (node.nodeType === 3 && /[\p{L}\p{N}]/u.test(node.nodeValue ?? '')) direct = true;
    }
    if (direct || child.childElementCount === 0) {
      // Visible text: an sr-only hint ("press R to retry") is not part of the message.
      const text = visibleText(child);
      if (text) out.push({ el: child, text });
    } else units(child, skip, out);
  }
  return out;
}

/** List entries and repeated cards that show a status badge: the innermost such elements. */
function findItems(
  root: Element,
  compiled: CompiledPack,
  tables: Set<Element>,
  labelled: Pair[],
): Element[] {
  const statusAt = labelled.filter((p) => p.field === 'status').map((p) => p.el);
  const items: Element[] = [];
  const signature = (el: Element) => `${el.tagName}.${el.getAttribute('class') ?? ''}`;
  const visit = (el: Element): boolean => {
    // Tables read as records are done; layout tables are walked like any markup.
    if (isHiddenElement(el) || isChrome(el) || tables.has(el)) return false;
    let inner = false;
    for (let child = el.firstElementChild; child; child = child.nextElementSibling)
      inner = visit(child) || inner;
    if (inner) return true;
    const parent = el.parentElement;
    const listItem = el.tagName === 'LI' || el.getAttribute('role') === 'listitem';
    let repeated = false;
    if (!listItem && parent && BLOCK.test(el.tagName)) {
      const own = signature(el);
      for (let s = parent.firstElementChild; s; s = s.nextElementSibling) {
        if (s !== el && signature(s) === own && !isHiddenElement(s)) repeated = true;
      }
    }
    if (!listItem && !repeated) return false;
    const found = itemUnits(el, tables);
    const badge = (text: string) =>
      text.length <= 100 && text.split(SEPARATORS).some((part) => isStatusBadge(part, compiled));
    if (
      found.reduce((n, u) => n + u.text.split(SEPARATORS).length, 0) < 2 ||
      !(found.some((u) => badge(u.text)) || statusAt.some((at) => el.contains(at)))
    )
      return false;
    items.push(el);
    return true;
  };
  visit(root);
  return items;
}

/**
 * A field named by the element's class ("doc-card__amount", "attempt__connector", "state"): only
 * a listed, specific one-word label counts, so styling classes ("text-danger") never do.
 */
function classField(el: Element, compiled: CompiledPack): RecordField | null {
  for (const token of (el.getAttribute('class') ?? '').split(/\s+/)) {
    const element = token.includes('__') ? token.split('__').pop()!.split('--')[0]! : token;
    if (!/^[a-z]{3,}$/i.test(element)) continue;
    const match = compiled.resolveLabel(element);
    if (match?.exact && !match.weak) return match.field;
  }
  return null;
}

/**
 * "Sync run SR-3345", "Triggered by Hassan Said", "Retries 2": a listed label followed by a value
 * of the field's own shape. The shape check keeps "Customer is missing" a message.
 */
export function prefixLabel(
  text: string,
  compiled: CompiledPack,
): { field: RecordField; value: string; label: string } | null {
  const words = text.split(/\s+/);
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const match = compiled.resolveLabel(words.slice(0, n).join(' '));
    if (!match?.exact || match.weak) continue;
    const value = words
      .slice(n)
      .join(' ')
      .replace(/^[:：]\s*/, '');
    const id = idTokens(value)[0] === value;
    const fits =
      ((match.field === 'syncRun' || match.field === 'recordNumber') && id) ||
      (match.field === 'retryCount' && /^\d{1,4}$/.test(value)) ||
      (match.field === 'timestamp' && isTimestamp(value)) ||
      (match.field === 'user' && /\bby$/i.test(words[n - 1]!) && value.split(/\s+/).length <= 4) ||
      (match.field === 'connector' && Boolean(compiled.connectors?.test(value)));
    if (fits) return { field: match.field, value, label: words.slice(0, n).join(' ') };
  }
  return null;
}

/** What one piece of an unlabelled entry is, by its shape alone. */
function segmentField(text: string, compiled: CompiledPack): RecordField | null {
  const labelled = prefixLabel(text, compiled);
  if (labelled) return labelled.field;
  if (isStatusBadge(text, compiled) && normalizeStatus(text, compiled)) return 'status';
  if (isTimestamp(text)) return 'timestamp';
  if (RETRY_TEXT.test(text)) return 'retryCount';
  const ids = idTokens(text);
  if (text.length <= 40 && ids.length === 1 && ids[0] === text.replace(/^#/, '')) {
    return compiled.syncRunPrefix?.test(text) ? 'syncRun' : 'recordNumber';
  }
  if (compiled.typeWords.has(text.toLowerCase())) return 'recordType';
  if (text.length <= 40 && text.split(/\s+/).length <= 4 && compiled.connectors?.test(text))
    return 'connector';
  return null;
}

/** An entry's units plus the text written directly inside it (" · attempt 3 · SR-2026-11-0425: "). */
function itemUnits(item: Element, tables: Set<Element>): { el: Element; text: string }[] {
  const found = units(item, tables);
  const direct = collapse(
    Array.from(item.childNodes, (n) => (n.nodeType === 3 ? ` ${n.nodeValue} ` : ' · ')).join(''),
  );
  if (/[\p{L}\p{N}]/u.test(direct))
    found.push({ el: item, text: direct.replace(/^[\s·]+|[\s·:]+$/g, '') });
  return found;
}

export function inferUnlabelled(
  root: Element,
  labelled: Pair[],
  compiled: CompiledPack,
  tables: Set<Element>,
): Pair[] {
  const inferred: Pair[] = [];
  for (const item of findItems(root, compiled, tables, labelled)) {
    const own = labelled.filter((p) => item.contains(p.el));
    const have = new Set<RecordField>(own.map((p) => p.field));
    const values = new Set(own.map((p) => p.value));
    const add = (field: RecordField, value: string, el: Element, label = '') => {
      if (have.has(field)) return;
      have.add(field);
      inferred.push({ field, value, weak: true, label, el });
    };
    const messages: { el: Element; text: string }[] = [];
    const found = itemUnits(item, tables);
    for (const unit of found) {
      if (
        own.some(
          (p) =>
            p.el === unit.el ||
            p.el.contains(unit.el) ||
            (unit.el !== item && unit.el.contains(p.el)),
        ) ||
        values.has(unit.text)
      )
        continue;
      if (compiled.resolveLabel(unit.text)) continue;
      const hinted = classField(unit.el, compiled);
      if (hinted && hinted !== 'message' && !have.has(hinted)) {
        add(hinted, unit.text, unit.el);
        continue;
      }
      const whole = isTimestamp(unit.text) || isStatusBadge(unit.text, compiled);
      const segments =
        unit.text.length <= 100 && !whole ? unit.text.split(SEPARATORS) : [unit.text];
      let used = false;
      const leftovers: string[] = [];
      for (const segment of segments) {
        const text = segment.replace(/^[\s·•|–—:：-]+|[\s·•|–—:：-]+$/g, '');
        if (!text) continue;
        const field = segmentField(text, compiled);
        if (field) {
          const prefixed = prefixLabel(text, compiled);
          add(field, prefixed?.value ?? text, unit.el, prefixed?.label ?? '');
          used = true;
        } else leftovers.push(text);
      }
      // An entry line "time — status — message" leaves its message as the longest other part.
      const candidate = used
        ? leftovers.reduce((a, b) => (b.length > a.length ? b : a), '')
        : unit.text;
      if (candidate.length >= 12 && /\s/.test(candidate))
        messages.push({ el: unit.el, text: candidate });
    }
    // Prefer text styled as an error or message; else the longest remaining text.
    const hinted = messages.filter((u) => MESSAGE_HINT.test(u.el.getAttribute('class') ?? ''));
    const message = (hinted.length > 0 ? hinted : messages).reduce<{
      el: Element;
      text: string;
    } | null>((best, u) => (!best || u.text.length > best.text.length ? u : best), null);
    if (message) {
      // "Vendor is missing (attempt 2)": the attempt number is not part of the message.
      const attempt = /\s*\(((?:attempt|retry|try)\s*#?\s*\d{1,4})\)\s*$/i.exec(message.text);
      if (attempt) add('retryCount', attempt[1]!, message.el);
      add('message', attempt ? message.text.slice(0, attempt.index) : message.text, message.el);
    }
  }
  return inferred;
}
