/**
 * Which list rows are near the viewport, from an IntersectionObserver: the browser computes it
 * off the scan, so nothing here reads layout. Long lists render badges only for these rows.
 */
export class NearViewport {
  private readonly observer: IntersectionObserver;
  private readonly near = new Set<Element>();
  private readonly watched = new Set<Element>();

  /** `onChange` runs after rows came near or went away (batched per observer callback). */
  constructor(onChange: () => void, margin = '100% 0px') {
    this.observer = new IntersectionObserver(
      (entries) => {
        let changed = false;
        for (const entry of entries) {
          if (entry.isIntersecting) {
            if (!this.near.has(entry.target)) changed = this.near.add(entry.target) !== null;
          } else if (this.near.delete(entry.target)) {
            changed = true;
          }
        }
        if (changed) onChange();
      },
      { rootMargin: margin },
    );
  }

  /** Watches exactly these rows from now on (rows no longer listed are forgotten). */
  track(rows: Iterable<Element>): void {
    const next = new Set(rows);
    for (const row of this.watched) {
      if (next.has(row)) continue;
      this.observer.unobserve(row);
      this.watched.delete(row);
      this.near.delete(row);
    }
    for (const row of next) {
      if (this.watched.has(row)) continue;
      this.observer.observe(row);
      this.watched.add(row);
    }
  }

  isNear(row: Element): boolean {
    return this.near.has(row);
  }

  disconnect(): void {
    this.observer.disconnect();
    this.watched.clear();
    this.near.clear();
  }
}
