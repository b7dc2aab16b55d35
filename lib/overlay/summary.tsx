import { PageSummary } from '../../components/PageSummary';
import type { FailureSummary } from '../guidance/summary';
import type { RulePack } from '../rules/schema';
import { createHost, type OverlayHost } from './mount';
import { headerOf } from './page-header';

/** The list-screen summary: under the page's main heading, or floating on long lists. */
export class SummaryHost {
  private readonly overlay: OverlayHost;
  private dismissed = false;
  private shown: Parameters<SummaryHost['render']> | null = null;

  constructor(
    doc: Document,
    /** The folded counts were opened or closed (PageSummary's onBreakdown). */
    private readonly onBreakdown?: (open: boolean) => void,
  ) {
    this.overlay = createHost(doc, 'block');
  }

  get placed(): boolean {
    return this.overlay.host.isConnected;
  }

  /**
   * `floating`: a long list's summary floats in the window's corner. Anything put above a long
   * table moves every row, and the browser then re-paints the whole list (200-280 ms for 5,000
   * rows, measured); floating, it moves nothing and stays in view while the user scrolls.
   */
  place(doc: Document, floating = false): void {
    const { host } = this.overlay;
    if (this.placed && host.hasAttribute('data-floating') === floating) return;
    host.toggleAttribute('data-floating', floating);
    // Floating folds the counts away: what was shown is shown again in the new place.
    if (this.shown) this.render(...this.shown);
    if (floating) {
      doc.body.append(host);
      return;
    }
    const main = doc.querySelector('main, [role=main]') ?? doc.body;
    const heading = main.querySelector('h1');
    if (heading) headerOf(heading, main).after(host);
    else main.prepend(host);
  }

  render(
    /** Rows that get a badge, or will once read (skimmed): none, no summary. */
    rows: number,
    summary: FailureSummary,
    failures: Record<string, number>,
    pack: RulePack,
  ): void {
    this.shown = [rows, summary, failures, pack];
    if (this.dismissed || rows === 0) {
      this.overlay.render(<div />);
      return;
    }
    const threshold = pack.escalation.connectorFailureThreshold;
    const wide = summary.byConnector
      .map((c) => ({
        connector: c.connector,
        count: Math.max(c.count, failures[c.connector] ?? 0),
      }))
      .filter((c) => c.count >= threshold);
    const alert =
      wide.length > 0
        ? // Past tense: the count includes records that failed earlier in the window and may
          // since have gone through, so it can be more than the page's failing rows.
          `${wide.map((c) => `${c.connector} failed for ${c.count} records`).join('; ')} in the last ${pack.escalation.windowHours} hours (this page included). Retrying one by one will not fix a connector-wide problem: escalate with the connector and a few record numbers.`
        : null;
    // Floating over a long list, the alert is one line; the full one folds with the counts.
    const names = wide.map((c) => c.connector);
    const named =
      names.length <= 2
        ? names.join(' and ')
        : `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`;
    const alertShort =
      wide.length > 0
        ? `Failing for many records: ${named}. Escalate rather than retry one by one.`
        : null;
    this.overlay.render(
      <PageSummary
        total={summary.total}
        needsAttention={summary.needsAttention}
        byType={summary.byType}
        byConnector={summary.byConnector}
        unread={summary.unread}
        alert={alert}
        alertShort={alertShort}
        compact={this.overlay.host.hasAttribute('data-floating')}
        onBreakdown={this.onBreakdown}
        onDismiss={() => {
          this.dismissed = true;
          this.render(rows, summary, failures, pack);
        }}
      />,
    );
  }

  remove(): void {
    this.overlay.remove();
  }
}
