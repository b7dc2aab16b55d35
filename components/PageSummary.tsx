import { useState } from 'preact/hooks';

/** One summary per page (SummaryHost): the disclosure's id is unique in its shadow root. */
const columnsId = 'sa-summary-columns';

/** List screens: failures on this page by type and by connector. */
export function PageSummary(props: {
  /** Distinct failing records, `needsAttention` of them showing "needs attention". */
  total: number;
  needsAttention: number;
  byType: { label: string; count: number }[];
  byConnector: { connector: string; count: number }[];
  /** Failures whose message is not read yet (far down a long list): in `total`, in no type. */
  unread?: number;
  alert: string | null;
  /** The alert in one line, shown instead of it while compact (the full one folds away). */
  alertShort?: string | null;
  /** Floating over a long list: the counts fold away so the panel covers little of it. */
  compact?: boolean;
  /** The folded counts were opened or closed: open, they are read for every row. */
  onBreakdown?(open: boolean): void;
  onDismiss(): void;
}) {
  // A button, not <details>: the first <details> on a page costs a style pass of 15-20 ms on the
  // mock's 5,000-row Sync Hub (traced), where the summary floats.
  const [open, setOpen] = useState(false);
  const header = (
    <header>
      <strong>Sync Assist</strong>
      <span role="status">{headline(props.total, props.needsAttention)}</span>
      <button
        type="button"
        class="quiet"
        aria-label="Hide the Sync Assist summary"
        onClick={props.onDismiss}
      >
        ×
      </button>
    </header>
  );
  const columns = (
    <div class="columns">
      <ul aria-label="Failures by type">
        {props.byType.map((t) => (
          <li key={t.label}>
            {t.label}: {t.count}
          </li>
        ))}
        {(props.unread ?? 0) > 0 && <li key="unread">Not read yet: {props.unread}</li>}
      </ul>
      <ul aria-label="Failures by connector">
        {props.byConnector.map((c) => (
          <li key={c.connector}>
            {c.connector}: {c.count}
          </li>
        ))}
      </ul>
    </div>
  );
  return (
    <section class="summary" aria-label="Sync Assist summary">
      {header}
      {(props.compact ? (props.alertShort ?? props.alert) : props.alert) && (
        <p class="alert" role="status">
          {props.compact ? (props.alertShort ?? props.alert) : props.alert}
        </p>
      )}
      {props.compact ? (
        <>
          <button
            type="button"
            class="quiet disclosure"
            aria-expanded={open}
            aria-controls={columnsId}
            onClick={() => {
              setOpen(!open);
              props.onBreakdown?.(!open);
            }}
          >
            By type and connector
          </button>
          <div id={columnsId} hidden={!open}>
            {props.alertShort && props.alert && <p>{props.alert}</p>}
            {columns}
          </div>
        </>
      ) : (
        columns
      )}
    </section>
  );
}

/**
 * "18 failed and 1 needs attention on this page": the failed count matches the one AWRA's own
 * list shows, which counts failed records only.
 */
function headline(total: number, needsAttention: number): string {
  const failed = total - needsAttention;
  const attention = `${needsAttention === 1 ? 'needs' : 'need'} attention`;
  if (needsAttention === 0)
    return `${failed} failed ${failed === 1 ? 'record' : 'records'} on this page`;
  if (failed === 0)
    return `${needsAttention} ${needsAttention === 1 ? 'record' : 'records'} ${attention} on this page`;
  return `${failed} failed and ${needsAttention} ${attention} on this page`;
}
