/** List screens: failures on this page by type and by connector. */
export function PageSummary(props: {
  byType: { label: string; count: number }[];
  byConnector: { connector: string; count: number }[];
  alert: string | null;
  /** Floating over a long list: the counts fold away so the panel covers little of it. */
  compact?: boolean;
  onDismiss(): void;
}) {
  const total = props.byType.reduce((sum, t) => sum + t.count, 0);
  const header = (
    <header>
      <strong>Sync Assist</strong>
      <span role="status">
        {total} failed {total === 1 ? 'record' : 'records'} on this page
      </span>
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
      {props.alert && (
        <p class="alert" role="status">
          {props.alert}
        </p>
      )}
      {props.compact ? (
        <details>
          <summary>By type and connector</summary>
          {columns}
        </details>
      ) : (
        columns
      )}
    </section>
  );
}
