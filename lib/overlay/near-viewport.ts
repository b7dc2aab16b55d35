/**
 * Which list rows are near the viewport: within one viewport height above or below it. Long
 * lists render badges only for these rows.
 *
 * Read from the rows' boxes, not from an IntersectionObserver: an observer of every failing row
 * of a 5,000-row list makes the browser run a lifecycle update of its own after the scan and
 * compute every row's intersection on each later frame (37 ms CPU after load on the mock's
 * 5,000-row Sync Hub, traced). Here the rows, in document order, are searched by position: a few
 * box reads, taken right after the browser's own layout of a frame (a ResizeObserver's report),
 * so they never force one; a box read while a live list's changes wait for layout would lay the
 * whole list out in our script.
 */
export class NearViewport {
  private rows: Element[] = [];
  private near = new Set<Element>();
  /** The rows' boxes were read at least once. */
  private checked = false;
  private readonly listening = new AbortController();
  /** Reports after the next frame's layout each time the root is observed afresh. */
  private readonly afterLayout: ResizeObserver;

  /** `onChange` runs after rows came near or went away (once per frame at most). */
  constructor(
    private readonly doc: Document,
    private readonly onChange: () => void,
  ) {
    this.afterLayout = new ResizeObserver(() => this.check());
    // Scroll does not bubble; a capturing listener on the document hears inner scrollers too.
    const options = { capture: true, passive: true, signal: this.listening.signal };
    doc.addEventListener('scroll', this.schedule, options);
    doc.defaultView?.addEventListener('resize', this.schedule, options);
  }

  /** Watches exactly these rows (in document order) from now on. */
  track(rows: Iterable<Element>): void {
    this.rows = Array.from(rows);
    this.schedule();
  }

  isNear(row: Element): boolean {
    return this.near.has(row);
  }

  /**
   * Which rows are near is known: their boxes were read once. Until then nothing is near, and a
   * caller that draws then would make the page run a frame of its own for nothing.
   */
  get ready(): boolean {
    return this.checked;
  }

  disconnect(): void {
    this.listening.abort();
    this.afterLayout.disconnect();
    this.rows = [];
    this.near.clear();
  }

  private readonly schedule = () => {
    const root = this.doc.documentElement;
    if (this.listening.signal.aborted || !root) return;
    this.afterLayout.unobserve(root);
    this.afterLayout.observe(root);
  };

  private check(): void {
    if (this.listening.signal.aborted) return;
    const height = this.doc.defaultView?.innerHeight ?? 0;
    // No viewport (a frame of no height): nothing is near.
    const next = new Set(
      height === 0
        ? []
        : nearRows(this.rows, (row) => row.getBoundingClientRect(), -height, 2 * height),
    );
    // The first report always tells: no row near is an answer too.
    const changed =
      !this.checked || next.size !== this.near.size || [...next].some((row) => !this.near.has(row));
    this.checked = true;
    this.near = next;
    if (changed) this.onChange();
  }
}

type Box = Pick<DOMRect, 'top' | 'bottom' | 'width' | 'height'>;

/**
 * The rows whose box reaches into [top, bottom] (viewport coordinates), in order. Rows in
 * document order stand top to bottom, so the first one is found by bisection and the scan stops
 * at the first row below; a list laid out otherwise (reversed, reordered) is scanned whole. A row
 * with no box (hidden by the page's CSS) is never near.
 */
export function nearRows(
  rows: readonly Element[],
  boxOf: (row: Element) => Box,
  top: number,
  bottom: number,
): Element[] {
  const near: Element[] = [];
  if (rows.length === 0) return near;
  const shown = (box: Box) => box.width > 0 || box.height > 0;
  const first = boxOf(rows[0]!);
  const last = boxOf(rows[rows.length - 1]!);
  const ordered = !shown(first) || !shown(last) || first.top <= last.top;
  let from = 0;
  if (ordered) {
    let to = rows.length;
    while (from < to) {
      const mid = (from + to) >> 1;
      const box = boxOf(rows[mid]!);
      // A row with no box says nothing about where it stands: search the rows before it too.
      if (shown(box) && box.bottom < top) from = mid + 1;
      else to = mid;
    }
  }
  for (let i = from; i < rows.length; i++) {
    const box = boxOf(rows[i]!);
    if (!shown(box)) continue;
    if (ordered && box.top > bottom) break;
    if (box.bottom >= top && box.top <= bottom) near.push(rows[i]!);
  }
  return near;
}
