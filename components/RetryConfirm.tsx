/** Stops a blind retry: says why, offers escalation, and lets one deliberate retry through. */
export function RetryConfirm(props: {
  reason: string;
  onRetryAnyway(): void;
  onCancel(): void;
  onEscalate(): void;
}) {
  return (
    <div class="confirm" role="alertdialog" aria-modal="false" aria-labelledby="confirm-title">
      <p id="confirm-title">
        <strong>Retry held back.</strong> {props.reason}
      </p>
      <div class="actions">
        <button type="button" class="primary" onClick={props.onEscalate}>
          Prepare an escalation
        </button>
        <button type="button" onClick={props.onCancel} autoFocus>
          Don’t retry
        </button>
        <button type="button" class="quiet" onClick={props.onRetryAnyway}>
          Retry anyway
        </button>
      </div>
    </div>
  );
}
