import { collapse } from './text';

const SKIPPED_INPUT_TYPES = new Set([
  'hidden',
  'password',
  'search',
  'checkbox',
  'radio',
  'submit',
  'button',
  'reset',
  'file',
  'image',
]);
const FILTER_HINT = /search|filter|query|toolbar/i;

export const isControl = (el: Element): boolean =>
  el.tagName === 'INPUT' ||
  el.tagName === 'SELECT' ||
  el.tagName === 'TEXTAREA' ||
  el.tagName === 'OUTPUT';

/** True for a control whose value is page content, not user input for a filter or search. */
function isReadableControl(el: Element): boolean {
  if (
    el.tagName === 'INPUT' &&
    SKIPPED_INPUT_TYPES.has((el.getAttribute('type') ?? 'text').toLowerCase())
  )
    return false;
  for (let node: Element | null = el; node; node = node.parentElement) {
    const hint = `${node.getAttribute('id') ?? ''} ${node.getAttribute('name') ?? ''} ${node.getAttribute('class') ?? ''}`;
    if (FILTER_HINT.test(hint) || node.getAttribute('role') === 'search') return false;
    if (node.tagName === 'MAIN' || node.tagName === 'BODY') break;
  }
  return true;
}

/** The value a control shows, read from the DOM (value property, selected option), or null. */
export function controlValue(el: Element): string | null {
  if (!isReadableControl(el)) return null;
  let value: string | null = null;
  if (el.tagName === 'SELECT') {
    const select = el as HTMLSelectElement;
    // The markup's selected option first: parsers (happy-dom) may not reflect it in selectedOptions.
    const option =
      select.querySelector('option[selected]') ??
      select.selectedOptions?.[0] ??
      select.querySelector('option');
    value = option?.textContent ?? null;
  } else if (el.tagName === 'TEXTAREA') {
    value = (el as HTMLTextAreaElement).value ?? el.textContent;
  } else if (el.tagName === 'OUTPUT') {
    value = el.textContent;
  } else {
    value = (el as HTMLInputElement).value || el.getAttribute('value');
  }
  const text = collapse(value ?? '');
  return text.length > 0 ? text : null;
}

/** The control a <label> names: its `for` target or the control inside it. */
export function labelledControl(label: Element): Element | null {
  const target = label.getAttribute('for');
  if (target) {
    const el = label.ownerDocument.getElementById(target);
    if (el && isControl(el)) return el;
  }
  return label.querySelector('input, select, textarea, output');
}
