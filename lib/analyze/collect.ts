import { isChrome } from './chrome';
import type { CompiledPack } from './compile';
import { controlValue, isControl, labelledControl } from './controls';
import { readTable, type Columns, type RowReading } from './tables';
import { normalizeStatus } from './values';
import { fieldForValue } from './reshape';
import { attributeNames, collapse, isHiddenElement, visibleText, type SkipElement } from './text';
import type { RecordField, Status } from './types';

/** One labelled value found on the page. */
export interface Pair {
  field: RecordField;
  value: string;
  /** From a generic label ("Reference", "Date") or a guessed one: yields to a specific label. */
  weak: boolean;
  label: string;
  /** The element the pair was read from (its label, row or control). */
  el: Element;
}

export interface RowRecord {
  anchor: Element;
  pairs: Pair[];
  /** A row read no further than its status cell (AnalyzeOptions.brief): that status. */
  brief?: Status;
  /** Read to its status and connector only (AnalyzeOptions.skim): `pairs` holds the connector. */
  skimmed?: true;
}

export interface Heading {
  el: Element;
  level: number;
  text: string;
}

export interface Collected {
  pairs: Pair[];
  rows: RowRecord[];
  alerts: Element[];
  headings: Heading[];
  /** Tables whose header names sync fields but that have no data rows (an empty, filtered list). */
  emptySyncTables: number;
  /** Tables and grids read as lists of records or key/value pairs. */
  tables: Set<Element>;
}

const INLINE_PAIR = /^([^:：]{1,40}?)\s*[:：]\s*(\S[\s\S]*)$/;
const ALERT_CLASS = /(?:^|[\s_-])(?:alert|callout|banner|notice|error-box|flash)(?:$|[\s_-])/i;
const VALUE_ATTRIBUTES = ['data-label', 'data-title', 'data-th', 'data-column'];
const INTERACTIVE: SkipElement = (el, tag, names) =>
  tag === 'BUTTON' ||
  tag === 'SELECT' ||
  tag === 'INPUT' ||
  (names !== null && names.includes('role') && el.getAttribute('role') === 'button');

export const readValue = (el: Element, limit?: number) => visibleText(el, INTERACTIVE, limit);

function headingLevel(el: Element): number {
  const match = /^H([1-6])$/.exec(el.tagName);
  if (match) return Number(match[1]);
  if (el.getAttribute('role') === 'heading') return Number(el.getAttribute('aria-level') ?? 2) || 2;
  if (el.tagName === 'LEGEND' || el.tagName === 'CAPTION') return 3;
  return 0;
}

/** Has only inline content: a label or a short "Label: value" line. */
function isInlineOnly(el: Element): boolean {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (isHiddenElement(child)) continue;
    if (
      /^(DIV|P|UL|OL|LI|TABLE|THEAD|TBODY|TFOOT|TR|DL|SECTION|ARTICLE|H[1-6]|FORM|FIELDSET|HEADER|FOOTER|BLOCKQUOTE|PRE|LABEL|INPUT|SELECT|TEXTAREA)$/.test(
        child.tagName,
      )
    ) {
      return false;
    }
  }
  return true;
}

/**
 * The value that follows a label element: the text of its following siblings up to the next
 * label, climbing out of wrappers that hold only the label (<div><span>Status</span></div><div>…).
 */
function textAfter(label: Element, compiled: CompiledPack, limit: number): string {
  // After "Status:" the next element is its value even when it reads like a label ("Error").
  const explicit = /[:：]\s*$/.test(label.textContent ?? '');
  let node: Element = label;
  for (let depth = 0; depth < 3; depth++) {
    const parts: string[] = [];
    for (let sibling = node.nextSibling; sibling; sibling = sibling.nextSibling) {
      if (sibling.nodeType === 3) {
        parts.push(sibling.nodeValue ?? '');
        continue;
      }
      if (sibling.nodeType !== 1) continue;
      const el = sibling as Element;
      if (isHiddenElement(el) || INTERACTIVE(el, el.tagName, attributeNames(el))) continue;
      if (isControl(el)) {
        parts.push(controlValue(el) ?? '');
        continue;
      }
      const text = readValue(el, limit);
      const first = !parts.join('').trim();
      if (
        text.length <= 40 &&
        compiled.resolveLabel(text) &&
        !(first && (explicit || normalizeStatus(text, compiled)))
      )
        break;
      // The next label/value row ("<div><div>Record</div><div>PAY-8812</div></div>") ends the value.
      const lead = el.firstElementChild;
      if (lead && el.childElementCount >= 2 && compiled.resolveLabel(visibleText(lead))) break;
      parts.push(' ', text, ' ');
      if (/^(DD|P|DIV|SPAN)$/.test(el.tagName) && parts.join('').trim()) break;
    }
    const value = collapse(parts.join(''));
    if (value) return value;
    const parent = node.parentElement;
    if (
      !parent ||
      collapse(parent.textContent ?? '').length > collapse(node.textContent ?? '').length + 1
    )
      break;
    node = parent;
  }
  return '';
}

/** Walks the content once, collecting labelled values, table rows, alerts and headings. */
export function collect(root: Element, compiled: CompiledPack, reading?: RowReading): Collected {
  const out: Collected = {
    pairs: [],
    rows: [],
    alerts: [],
    headings: [],
    emptySyncTables: 0,
    tables: new Set(),
  };
  const limit = compiled.pack.maxMessageLength + 200;
  const add = (label: string, value: string | null, el: Element, exactOnly = false) => {
    if (!value) return false;
    const match = compiled.resolveLabel(label);
    if (!match || (exactOnly && !match.exact)) return false;
    const text = collapse(value);
    if (!text || /^[-–—]+$/.test(text)) return true;
    const field = fieldForValue(match.field, text, compiled);
    if (!field) return true;
    out.pairs.push({ field, value: text, weak: match.weak || field !== match.field, label, el });
    return true;
  };

  let headerOnly: Columns | null = null;
  const visit = (el: Element): void => {
    if (isHiddenElement(el) || isChrome(el)) return;
    const tag = el.tagName;
    const role = el.getAttribute('role');
    const level = headingLevel(el);
    if (level > 0) out.headings.push({ el, level, text: visibleText(el) });

    if (tag === 'TABLE' || role === 'grid' || role === 'table' || role === 'treegrid') {
      // Fixed-header grids render the header and the body as two tables: the body inherits.
      const result = readTable(el, compiled, readValue, headerOnly ?? undefined, reading);
      headerOnly = null;
      if (result) {
        out.tables.add(el);
        if (result.kind === 'rows') {
          // A loop, not push(...rows): spreading a list of 100,000 rows overflows the stack.
          for (const row of result.rows) out.rows.push(row);
          if (result.rows.length === 0) {
            out.emptySyncTables++;
            headerOnly = result.columns;
          }
        } else {
          out.pairs.push(...result.pairs);
        }
        return;
      }
    }
    if (tag === 'DL') {
      let label: Element | null = null;
      for (const item of el.querySelectorAll('dt, dd')) {
        if (item.closest('dl') !== el || !isVisibleWithin(item, el)) continue;
        if (item.tagName === 'DT') label = item;
        else if (label) add(visibleText(label), readValue(item, limit), label);
      }
      return;
    }
    if (tag === 'LABEL') {
      const control = labelledControl(el);
      if (control) {
        add(visibleText(el, isControl), controlValue(control), el);
        return;
      }
    }
    if (isControl(el)) {
      const labelledBy = el.getAttribute('aria-labelledby');
      const labelText = labelledBy
        ? labelledBy
            .split(/\s+/)
            .map((id) => el.ownerDocument.getElementById(id)?.textContent ?? '')
            .join(' ')
        : el.getAttribute('aria-label');
      if (labelText) add(labelText, controlValue(el), el);
      return;
    }
    if (
      role === 'alert' ||
      (ALERT_CLASS.test(el.getAttribute('class') ?? '') && !out.alerts.some((a) => a.contains(el)))
    ) {
      out.alerts.push(el);
    }
    for (const name of VALUE_ATTRIBUTES) {
      const label = el.getAttribute(name);
      if (label && add(label, readValue(el, limit), el)) return;
    }
    // "· Retries <span>1</span>": a label in the text just before the element.
    const before = el.previousSibling;
    if (before?.nodeType === 3) {
      const label = collapse(before.nodeValue ?? '')
        .split(/[·•|–—,;]/)
        .pop()!
        .trim();
      if (label && label.length <= 30 && add(label, readValue(el, limit), el, true)) return;
    }
    // Cheap tests first: textContent of a block that wraps a long list is the whole list.
    if (
      el.childElementCount <= 8 &&
      tag !== 'A' &&
      tag !== 'BUTTON' &&
      isInlineOnly(el) &&
      (el.textContent ?? '').length <= limit
    ) {
      const text = visibleText(el);
      const inline = text.length > 0 ? INLINE_PAIR.exec(text) : null;
      // "Status: Failed" in one element; with several children each may carry its own label.
      if (
        inline &&
        el.childElementCount <= 1 &&
        /\p{L}/u.test(inline[1]!) &&
        add(inline[1]!, inline[2]!, el, true)
      )
        return;
      const labelText = leadingTextLabel(el);
      if (
        labelText &&
        el.childElementCount === 1 &&
        add(labelText, readValue(el.firstElementChild!, limit), el, true)
      )
        return;
      const match = text.length > 0 && text.length <= 40 ? compiled.resolveLabel(text) : null;
      // A heading names a field only with a specific label ("Last message"), never "Details";
      // a lone record-type word ("Invoice", "Bill") is a type badge, not a record-number label.
      const typeBadge =
        match?.field === 'recordNumber' && compiled.typeWords.has(text.toLowerCase());
      if (match && (level === 0 || (match.exact && !match.weak)) && !typeBadge) {
        const value = textAfter(el, compiled, limit);
        if (value) add(text, value, el);
        return;
      }
    }
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) visit(child);
  };
  visit(root);
  return out;
}

/** "Triggered by <span>Peter</span>": the text before an element's only child element. */
function leadingTextLabel(el: Element): string | null {
  const first = el.firstChild;
  if (!first || first.nodeType !== 3 || first.nextSibling !== el.firstElementChild) return null;
  const text = collapse(first.nodeValue ?? '');
  return text.length > 0 && text.length <= 40 ? text : null;
}

function isVisibleWithin(el: Element, root: Element): boolean {
  for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
    if (isHiddenElement(node)) return false;
  }
  return true;
}
