import { render, type VNode } from 'preact';
import { overlayStyles } from '../../components/overlay-styles';
import { collapse } from '../analyze/text';

export const HOST_TAG = 'sync-assist-overlay';
/** The layer long tables' badges are drawn in (lib/overlay/row-layer.ts). */
export const LAYER_TAG = 'sync-assist-layer';

/** One overlay host: a closed shadow root so the page cannot read or restyle our UI. */
export interface OverlayHost {
  host: HTMLElement;
  render(node: VNode): void;
  remove(): void;
}

/** `inline`: a badge in a row's own markup; `layer`: a badge drawn over a long table's row. */
export function createHost(doc: Document, place: 'block' | 'inline' | 'layer'): OverlayHost {
  const host = doc.createElement(HOST_TAG);
  if (place !== 'block') host.setAttribute(`data-${place}`, '');
  // Closed in what ships, so page scripts cannot read or alter the guidance; the e2e/demo build
  // opens it so browser tests and axe-core can inspect what users see.
  const shadow = host.attachShadow({ mode: import.meta.env.MODE === 'e2e' ? 'open' : 'closed' });
  const style = doc.createElement('style');
  style.textContent = overlayStyles;
  const root = doc.createElement('div');
  shadow.append(style, root);
  return {
    host,
    render: (node) => render(node, root),
    remove: () => {
      render(null, root);
      host.remove();
    },
  };
}

/** A row's cell holding the message (else its last cell). */
export function messageCell(row: Element, message: string | null): Element | undefined {
  const cells = Array.from(row.children);
  return (
    (message && cells.find((c) => (c.textContent ?? '').includes(message.slice(0, 40)))) ||
    cells[cells.length - 1]
  );
}

const INLINE_TAGS = /^(SPAN|STRONG|B|EM|I|LABEL|A|SMALL|CODE|TIME|DT)$/;

/**
 * Puts a host next to a record without covering it: inside a row's message cell (inline badge),
 * at the end of a list entry, or after the block holding the message.
 */
export function placeHost(overlay: OverlayHost, anchor: Element, message: string | null): void {
  if (anchor.tagName === 'TR' || anchor.getAttribute('role') === 'row') {
    (messageCell(anchor, message) ?? anchor).append(overlay.host);
    return;
  }
  if (
    anchor.tagName === 'LI' ||
    anchor.tagName === 'ARTICLE' ||
    anchor.getAttribute('role') === 'listitem'
  ) {
    anchor.append(overlay.host);
    return;
  }
  let block: Element = anchor;
  const next = block.nextElementSibling;
  if (block.tagName === 'DT' && next?.tagName === 'DD') block = next;
  // A label and its value as siblings ("QuickBooks message", then the message): after the value,
  // so the card explains a message the user has just read rather than standing between the two.
  else if (next && message && holdsMessage(next, message)) block = next;
  while (
    INLINE_TAGS.test(block.tagName) &&
    block.parentElement &&
    block.parentElement.tagName !== 'MAIN'
  )
    block = block.parentElement;
  block.after(overlay.host);
}

/** The element's text holds the start of the message (white space compared loosely). */
function holdsMessage(el: Element, message: string): boolean {
  const text = el.textContent ?? '';
  if (text.length > 4 * message.length + 1000) return false;
  return collapse(text).includes(collapse(message).slice(0, 120));
}

/** True for a node of our own overlay (a host or anything inside one). */
const OUR_TAGS = new Set([HOST_TAG.toUpperCase(), LAYER_TAG.toUpperCase()]);
const ours = (node: Node) =>
  OUR_TAGS.has(node.nodeName) ||
  (node.parentElement?.closest(`${HOST_TAG}, ${LAYER_TAG}`) ?? null) !== null;

/** A change to AWRA's page, not our own hosts coming and going. */
export function isPageChange(m: MutationRecord): boolean {
  if (ours(m.target)) return false;
  const nodes = [...m.addedNodes, ...m.removedNodes];
  return !(m.type === 'childList' && nodes.length > 0 && nodes.every(ours));
}
