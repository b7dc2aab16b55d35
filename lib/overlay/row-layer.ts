import { LAYER_TAG, messageCell } from './mount';

/**
 * Badges of a long table drawn over it, not in it. Any change inside a table makes the browser
 * lay out and paint the whole table again: 130-180 ms of layout alone for 5,000 rows on this
 * machine, on every batch of rows that scrolls near (measured: frames of up to 600 ms while
 * scrolling). So a long list's badges live in one layer per table: a zero-height block just
 * before the table, in the same scroller (it scrolls with the rows for free), whose size and
 * layout are contained, so nothing it holds moves a single cell. Each badge sits at the end of
 * the last line of its row's message, where it covers no text; an open card drops below the row.
 */
/** The collapsed badge's height (components/overlay-styles.ts: 16px line, 1px borders). */
const PILL_HEIGHT = 18;
/** Narrower than this, a badge's label would be cut to a letter or two. */
const MIN_WIDTH = 72;
/** Room kept from a cell's edges, where most tables pad their cells. */
const CELL_INSET = 6;
const CARD_WIDTH = 420;
/** Parents that lay a zero-height block out without moving its next sibling. */
const FLOW = new Set(['block', 'flow-root', 'list-item', 'inline-block', 'table-cell']);
const inFlow = new WeakMap<Element, boolean>();

export class RowLayers {
  private readonly layers = new Map<Element, HTMLElement>();
  private readonly placed = new Map<HTMLElement, { row: Element; message: string | null }>();
  /** What each host's position properties hold, so an unchanged spot is not written again. */
  private readonly written = new WeakMap<HTMLElement, string>();
  /** Hosts were placed that were not in a layer before. */
  private added = false;
  private readonly resize: ResizeObserver;

  constructor(private readonly doc: Document) {
    // Rows that move later (a live list re-rendered, sorted, resized) are positioned here,
    // after the browser's own layout, so reading them never forces one (a live list changes
    // under us many times a second). The observer watches each table (rows added, the window
    // resized) and each row with a badge.
    this.resize = new ResizeObserver(() => this.position());
  }

  /**
   * The table a row belongs to, when the row can be drawn over: a table or an ARIA grid whose
   * parent lays it out in normal flow (in a flex or grid container the layer would be one more
   * item, with its own gap or cell, and could move the table).
   */
  static tableOf(row: Element): Element | null {
    const table =
      row.tagName === 'TR'
        ? row.closest('table')
        : row.getAttribute('role') === 'row'
          ? row.closest('[role=table], [role=grid], [role=treegrid]')
          : null;
    const parent = table?.parentElement;
    if (!table || !parent) return null;
    let flow = inFlow.get(parent);
    if (flow === undefined) {
      const view = parent.ownerDocument.defaultView;
      flow = view !== null && FLOW.has(view.getComputedStyle(parent).display);
      inFlow.set(parent, flow);
    }
    return flow ? table : null;
  }

  /**
   * Draws each host over its row (in `table`, from tableOf). New badges are positioned by
   * positionAdded; a badge whose row was re-rendered, after the next layout.
   */
  place(
    entries: { host: HTMLElement; row: Element; table: Element; message: string | null }[],
  ): void {
    for (const { host, row, table, message } of entries) {
      const layer = this.layerFor(table);
      const before = this.placed.get(host);
      this.placed.set(host, { row, message });
      if (host.parentNode === layer && before?.row === row && before.message === message) continue;
      layer.append(host);
      this.added ||= !before;
      // Watched afresh, the row is reported at the next layout with its badge in place.
      if (before) this.resize.unobserve(before.row);
      this.resize.unobserve(row);
      this.resize.observe(row);
    }
  }

  /**
   * Positions the badges placed since the last call, now: call it after the batch's last DOM
   * write, so the one layout it forces covers them all. Left to the observer, new badges would
   * be positioned after the frame's layout and paint preparation, and the browser would run
   * both again: on a 5,000-row table a second walk of ~27 ms over every row (traced). The
   * observer's own report then finds every spot unchanged and writes nothing.
   */
  positionAdded(): void {
    if (!this.added) return;
    this.added = false;
    this.position();
  }

  /**
   * The page changed (rows re-rendered, sorted, moved): positions are read again after the next
   * layout (a table watched afresh is reported then, whatever its size).
   */
  refresh(): void {
    for (const table of this.layers.keys()) {
      this.resize.unobserve(table);
      this.resize.observe(table);
    }
  }

  /** Forgets a host (it was removed). */
  release(host: HTMLElement): void {
    const before = this.placed.get(host);
    if (!before) return;
    this.placed.delete(host);
    this.written.delete(host);
    this.resize.unobserve(before.row);
  }

  /** Reads every position first, then writes them (only our contained layer re-lays out). */
  private position(): void {
    const bases = new Map<Element, DOMRect>();
    const writes: [HTMLElement, Record<string, number>][] = [];
    for (const [host, { row, message }] of this.placed) {
      const layer = host.parentElement;
      if (!layer || !row.isConnected) continue;
      let base = bases.get(layer);
      if (!base) bases.set(layer, (base = layer.getBoundingClientRect()));
      writes.push([host, this.spot(row, message, base)]);
    }
    for (const [host, spot] of writes) {
      const values = Object.entries(spot).map(([name, value]) => [name, Math.round(value)]);
      const key = values.join(';');
      if (this.written.get(host) === key) continue;
      this.written.set(host, key);
      for (const [name, value] of values) host.style.setProperty(`--sa-${name}`, `${value}px`);
    }
  }

  /** Removes every layer and forgets every host. */
  clear(): void {
    this.resize.disconnect();
    for (const layer of this.layers.values()) layer.remove();
    this.layers.clear();
    this.placed.clear();
  }

  private layerFor(table: Element): HTMLElement {
    let layer = this.layers.get(table);
    if (layer?.isConnected && layer.nextElementSibling === table) return layer;
    layer?.remove();
    layer = this.doc.createElement(LAYER_TAG);
    // Inline, so the page's CSS cannot size it: no height, contained, above the rows.
    layer.setAttribute(
      'style',
      'all: initial; display: block; position: relative; height: 0; contain: size layout style; z-index: 1;',
    );
    table.before(layer);
    this.layers.set(table, layer);
    this.resize.observe(table);
    return layer;
  }

  /**
   * Where a row's badge goes, relative to its layer, never over text: after the last line of
   * the message when that line has room; else in the blank space under a cell's content (a row
   * whose message wraps leaves its short cells blank below their line), the cells nearest the
   * message first; else just under the message, in the row's own padding.
   */
  private spot(row: Element, message: string | null, base: DOMRect): Record<string, number> {
    const cells = Array.from(row.children);
    const main = messageCell(row, message) ?? row;
    const text = this.textOf(main);
    let spot: { left: number; top: number; max: number } | null = null;
    if (text.free >= MIN_WIDTH) {
      spot = { left: text.right + 6, top: text.lineMiddle - PILL_HEIGHT / 2, max: text.free };
    } else {
      const at = cells.indexOf(main);
      const nearest = [main];
      for (let step = 1; step < cells.length; step++)
        for (const cell of [cells[at - step], cells[at + step]]) if (cell) nearest.push(cell);
      for (const cell of nearest) {
        const other = cell === main ? text : this.textOf(cell);
        if (other.below < PILL_HEIGHT + 4 || other.box.right - CELL_INSET - other.left < MIN_WIDTH)
          continue;
        spot = {
          left: other.left,
          top: other.bottom + 2,
          max: other.box.right - CELL_INSET - other.left,
        };
        break;
      }
    }
    spot ??= {
      left: text.left,
      top: text.bottom + 1,
      max: Math.max(MIN_WIDTH, text.box.right - CELL_INSET - text.left),
    };
    const rowBox = row.getBoundingClientRect();
    return {
      left: spot.left - base.left,
      top: spot.top - base.top,
      max: spot.max,
      'card-top': rowBox.bottom - base.top,
      'card-left': Math.max(0, Math.min(text.box.right, base.right) - CARD_WIDTH - base.left),
    };
  }

  /** Where a cell's text is: its last line, the room after it and the blank space below it. */
  private textOf(cell: Element) {
    const box = cell.getBoundingClientRect();
    const range = this.doc.createRange();
    range.selectNodeContents(cell);
    let last: DOMRect | null = null;
    let left = Infinity;
    let right = box.left + CELL_INSET;
    for (const rect of range.getClientRects()) {
      if (rect.width === 0 && rect.height === 0) continue;
      left = Math.min(left, rect.left);
      if (!last || rect.bottom > last.bottom + 1) {
        last = rect;
        right = rect.right;
      } else if (rect.bottom >= last.bottom - 1) right = Math.max(right, rect.right);
    }
    range.detach();
    const top = last?.top ?? box.top + CELL_INSET;
    const bottom = last?.bottom ?? box.top + CELL_INSET;
    return {
      box,
      left: last ? left : box.left + CELL_INSET,
      right,
      bottom,
      lineMiddle: (top + bottom) / 2,
      free: box.right - CELL_INSET - (right + 6),
      below: box.bottom - CELL_INSET - bottom,
    };
  }
}
