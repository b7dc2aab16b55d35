import { isChrome } from './chrome';
import type { Pair } from './collect';
import type { CompiledPack } from './compile';
import { collapse, isHiddenElement } from './text';
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
  /^(DIV|P|UL|OL|LI|TABLE|DL|SECTION|ARTICLE|H[1-6]|HEADER|FOOTER|FORM|FIELDSET|BLOCKQUOTE|PRE)$/;

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
      if (node.nodeType === 3 && /\S/.test(node.nodeValue ?? '')) direct = true;
    }
    if (direct || child.childElementCount === 0) {
      const text = collapse(child.textContent ?? '');
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
    const found = units(el, tables);
    const badge = (text: string) =>
      text.length <= 100 && text.split(SEPARATORS).some((part) => isStatusBadge(part, compiled));
    if (
      found.length < 2 ||
      !(found.some((u) => badge(u.text)) || statusAt.some((at) => el.contains(at)))
    )
      return false;
    items.push(el);
    return true;
  };
  visit(root);
  return items;
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
    const add = (field: RecordField, value: string, el: Element) => {
      if (have.has(field)) return;
      have.add(field);
      inferred.push({ field, value, weak: true, label: '', el });
    };
    const messages: { el: Element; text: string }[] = [];
    const found = units(item, tables);
    // Text directly inside the entry (" · attempt 3 · SR-2026-11-0425: ") is read like a unit too.
    const direct = collapse(
      Array.from(item.childNodes, (n) => (n.nodeType === 3 ? ` ${n.nodeValue} ` : ' · ')).join(''),
    );
    if (/[\p{L}\p{N}]/u.test(direct))
      found.push({ el: item, text: direct.replace(/^[\s·]+|[\s·:]+$/g, '') });
    for (const unit of found) {
      if (
        own.some((p) => p.el === unit.el || p.el.contains(unit.el) || unit.el.contains(p.el)) ||
        values.has(unit.text)
      )
        continue;
      if (compiled.resolveLabel(unit.text)) continue;
      const whole = isTimestamp(unit.text) || isStatusBadge(unit.text, compiled);
      const segments =
        unit.text.length <= 100 && !whole ? unit.text.split(SEPARATORS) : [unit.text];
      let used = false;
      for (const segment of segments) {
        const text = segment.replace(/^[\s·•|–—:：-]+|[\s·•|–—:：-]+$/g, '');
        if (!text) continue;
        if (isStatusBadge(text, compiled) && normalizeStatus(text, compiled)) {
          add('status', text, unit.el);
          used = true;
        } else if (isTimestamp(text)) {
          add('timestamp', text, unit.el);
          used = true;
        } else if (RETRY_TEXT.test(text)) {
          add('retryCount', text, unit.el);
          used = true;
        } else if (
          text.length <= 40 &&
          idTokens(text).length === 1 &&
          idTokens(text)[0] === text.replace(/^#/, '')
        ) {
          add(compiled.syncRunPrefix?.test(text) ? 'syncRun' : 'recordNumber', text, unit.el);
          used = true;
        } else if (compiled.typeWords.has(text.toLowerCase())) {
          add('recordType', text, unit.el);
          used = true;
        } else if (
          text.length <= 40 &&
          text.split(/\s+/).length <= 4 &&
          compiled.connectors?.test(text)
        ) {
          add('connector', text, unit.el);
          used = true;
        }
      }
      if (!used && unit.text.length >= 12 && /\s/.test(unit.text)) messages.push(unit);
    }
    // Prefer text styled as an error or message; else the longest remaining text.
    const hinted = messages.filter((u) => MESSAGE_HINT.test(u.el.getAttribute('class') ?? ''));
    const message = (hinted.length > 0 ? hinted : messages).reduce<{
      el: Element;
      text: string;
    } | null>((best, u) => (!best || u.text.length > best.text.length ? u : best), null);
    if (message) add('message', message.text, message.el);
  }
  return inferred;
}
