import type { GuidanceView } from '../lib/guidance/types';
import type { SerializedRecord } from '../lib/messaging/protocol';
import { Checklist } from './Checklist';
import { RetryConfirm } from './RetryConfirm';

export interface CardActions {
  onToggleCheck(id: string, ticked: boolean): void;
  onCollapse(collapsed: boolean): void;
  onDismiss(): void;
  onRetryAnyway(): void;
  onCancelRetry(): void;
  onEscalate(): void;
  /** The held-back question took the focus: it does not take it again when redrawn. */
  onConfirmFocused?(): void;
}

/** Guidance for one record: what the message means, what to do and who may, what to check. */
export function GuidanceCard(props: {
  id: string;
  record: SerializedRecord;
  view: GuidanceView;
  ticks: string[];
  collapsed: boolean;
  historyAvailable: boolean;
  confirmReason: string | null;
  /** The question was just raised: it takes the focus. */
  confirmFresh?: boolean;
  actions: CardActions;
}) {
  const { record, view, actions } = props;
  const titleId = `${props.id}-title`;
  const bodyId = `${props.id}-body`;
  return (
    <article class={`card type-${view.type}`} aria-labelledby={titleId}>
      <p class="sr" role="status">
        Sync Assist: {view.label}
        {record.recordNumber ? ` for ${record.recordNumber}` : ''}.
        {view.retry.blocked && view.retry.reason ? ` ${view.retry.reason}` : ''}
      </p>
      <header>
        <h2 id={titleId}>
          <span class="label">{view.label}</span>
          {record.recordNumber && <span class="record"> · {record.recordNumber}</span>}
        </h2>
        <button
          type="button"
          class="quiet"
          aria-expanded={!props.collapsed}
          aria-controls={bodyId}
          onClick={() => actions.onCollapse(!props.collapsed)}
        >
          {props.collapsed ? 'Show' : 'Hide'}
          <span class="sr"> guidance for {record.recordNumber ?? 'this record'}</span>
        </button>
        <button type="button" class="quiet" onClick={actions.onDismiss}>
          Dismiss<span class="sr"> guidance for {record.recordNumber ?? 'this record'}</span>
        </button>
      </header>
      {props.confirmReason && (
        <RetryConfirm
          reason={props.confirmReason}
          takeFocus={props.confirmFresh}
          onFocusTaken={actions.onConfirmFocused}
          onRetryAnyway={actions.onRetryAnyway}
          onCancel={actions.onCancelRetry}
          onEscalate={actions.onEscalate}
        />
      )}
      <div id={bodyId} hidden={props.collapsed}>
        {record.message && (
          <p class="message">
            <strong>Message: </strong>
            <q>
              {record.message.length > 400 ? `${record.message.slice(0, 400)}…` : record.message}
            </q>
          </p>
        )}
        <p>
          <strong>Likely cause: </strong>
          {view.cause}
        </p>
        <p>
          <strong>{view.youMayAct ? 'What to do: ' : 'Who can fix it: '}</strong>
          {view.action}
        </p>
        <p class="who">May act: {view.whoMayAct}</p>
        {view.waitAdvice && <p class="wait">{view.waitAdvice}</p>}
        {view.retry.blocked && !props.confirmReason && view.retry.reason && (
          <p class="warn">{view.retry.reason}</p>
        )}
        {view.escalation.length > 0 && (
          <div class="escalate" role="note">
            <p>
              <strong>Time to escalate: </strong>
              {view.escalation.map((t) => t.text).join(' ')}
            </p>
            <button type="button" class="primary" onClick={actions.onEscalate}>
              Prepare an escalation
            </button>
          </div>
        )}
        <Checklist
          items={view.checks}
          ticked={props.ticks}
          idPrefix={props.id}
          onToggle={actions.onToggleCheck}
        />
        {view.mistakes.length > 0 && (
          <ul class="mistakes" aria-label="Common mistakes">
            {view.mistakes.map((m) => (
              <li key={m.id}>{m.text}</li>
            ))}
          </ul>
        )}
        {!props.historyAvailable && (
          <p class="muted">
            Retry history is unavailable in this browser profile; guidance still applies.
          </p>
        )}
        <p>
          <a href={view.guideUrl} target="_blank" rel="noopener noreferrer">
            AWRA failed-sync guide
          </a>
        </p>
      </div>
    </article>
  );
}
