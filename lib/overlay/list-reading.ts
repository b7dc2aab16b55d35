import type { AnalyzeOptions } from '../analyze';
import type { SyncRecord } from '../analyze/types';
import { NEEDS_HELP, UNGUIDED_STATUSES } from './targets';

/** How long scrolling must pause before the unread rows that came near are read. */
export const READ_NEAR_AFTER_MS = 150;

/**
 * How far the overlay reads the page's list rows, and when it reads more. Rows that will get no
 * badge are read to their status; on a long list, failing rows beyond the first `fullRows` are
 * skimmed (status and connector: AnalyzeOptions.skim). A skimmed row is read in full from then
 * on once it comes near the viewport (after scrolling pauses: each reading covers the whole list)
 * or its Retry is clicked; the whole list is read while the summary's breakdown is open.
 */
export class ListReading {
  /** The last reading's skimmed rows, in document order. */
  skimmed: SyncRecord[] = [];
  private readonly inFull = new WeakSet<Element>();
  private breakdownOpen = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly fullRows: number,
    /** Reads the page again now (the overlay's run). */
    private readonly readNow: () => void,
  ) {}

  /**
   * The analysis options for the next reading. Everything is read while a retry awaits its
   * outcome (settledOutcomes compares the retried row's fields), and with `skim` false.
   */
  options(retryPending: boolean, skim = true): AnalyzeOptions {
    if (retryPending) return {};
    return {
      brief: UNGUIDED_STATUSES,
      skim:
        skim && !this.breakdownOpen
          ? { statuses: NEEDS_HELP, first: this.fullRows, keep: this.inFull }
          : undefined,
    };
  }

  /** Rows of a reading: the skimmed ones are kept. */
  took(records: readonly SyncRecord[]): void {
    this.skimmed = records.filter((record) => record.skimmed);
  }

  /** Skimmed rows came near the viewport: read once the scrolling pauses. */
  cameNear(isNear: (row: Element) => boolean): void {
    const near = this.skimmed.filter((record) => isNear(record.anchor!));
    if (near.length === 0) return;
    for (const record of near) this.inFull.add(record.anchor!);
    clearTimeout(this.timer);
    this.timer = setTimeout(this.readNow, READ_NEAR_AFTER_MS);
  }

  /**
   * A click on a control inside a skimmed row (a Retry before the row's badge came): the row is
   * read now, so the click can be judged. False when the control is in no skimmed row.
   */
  readRowOf(control: Element): boolean {
    const row = this.skimmed.find((record) => record.anchor!.contains(control));
    if (!row) return false;
    this.inFull.add(row.anchor!);
    this.readNow();
    return true;
  }

  /** The summary's breakdown by type was opened or closed: open, every row is read. */
  breakdown(open: boolean): void {
    this.breakdownOpen = open;
    // After the click's own render, so the opened counts cover every row.
    if (open && this.skimmed.length > 0) queueMicrotask(this.readNow);
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
