import { PageSummary } from '../../components/PageSummary';
import type { RulePack } from '../rules/schema';
import { createHost, type OverlayHost } from './mount';
import type { OverlayTarget } from './targets';

export interface FailureSummary {
  byType: { label: string; count: number }[];
  byConnector: { connector: string; count: number }[];
}

/** The list-screen summary, placed under the page's main heading, never over its content. */
export class SummaryHost {
  private readonly overlay: OverlayHost;
  private dismissed = false;

  constructor(doc: Document) {
    this.overlay = createHost(doc, false);
  }

  get placed(): boolean {
    return this.overlay.host.isConnected;
  }

  place(doc: Document): void {
    if (this.placed) return;
    const main = doc.querySelector('main, [role=main]') ?? doc.body;
    const heading = main.querySelector('h1');
    if (heading) heading.after(this.overlay.host);
    else main.prepend(this.overlay.host);
  }

  render(
    targets: OverlayTarget[],
    summary: FailureSummary,
    failures: Record<string, number>,
    pack: RulePack,
  ): void {
    if (this.dismissed || targets.length === 0) {
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
        ? `${wide.map((c) => `${c.connector} is failing for ${c.count} records`).join('; ')} (on this page and in the last ${pack.escalation.windowHours} hours). Retrying one by one will not fix a connector-wide problem: escalate with the connector and a few record numbers.`
        : null;
    this.overlay.render(
      <PageSummary
        byType={summary.byType}
        byConnector={summary.byConnector}
        alert={alert}
        onDismiss={() => {
          this.dismissed = true;
          this.render(targets, summary, failures, pack);
        }}
      />,
    );
  }

  remove(): void {
    this.overlay.remove();
  }
}
