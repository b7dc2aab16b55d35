import { useEffect, useRef } from 'preact/hooks';

/** Stops a blind retry: says why, offers escalation, and lets one deliberate retry through. */
export function RetryConfirm(props: {
  reason: string;
  /** Just raised by the user's click: take the focus (not when a long list redraws it later). */
  takeFocus?: boolean;
  onFocusTaken?(): void;
  onRetryAnyway(): void;
  onCancel(): void;
  onEscalate(): void;
}) {
  // autofocus is honoured on page load only: a keyboard user who pressed AWRA's Retry is moved
  // to the question (scrolled into view) when it appears, once.
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!props.takeFocus) return;
    cancel.current?.focus();
    props.onFocusTaken?.();
  }, []);
  return (
    <div class="confirm" role="alertdialog" aria-modal="false" aria-labelledby="confirm-title">
      <p id="confirm-title">
        <strong>Retry held back.</strong> {props.reason}
      </p>
      <div class="actions">
        <button type="button" class="primary" onClick={props.onEscalate}>
          Prepare an escalation
        </button>
        <button type="button" onClick={props.onCancel} ref={cancel}>
          Don’t retry
        </button>
        <button type="button" class="quiet" onClick={props.onRetryAnyway}>
          Retry anyway
        </button>
      </div>
    </div>
  );
}
