import { GuidanceCard, type CardActions } from '../../components/GuidanceCard';
import { RecordBadge } from '../../components/RecordBadge';
import type { GuidanceView } from '../guidance/types';
import type { SerializedRecord } from '../messaging/protocol';
import type { RecordState } from './backend';

export interface TargetUi {
  expanded: boolean;
  confirmReason: string | null;
  /** The question was raised by a click and has not taken the focus yet. */
  confirmFresh: boolean;
  notice: string | null;
}

/** The overlay for one record: the card, or on lists a badge that expands to it. */
export function RecordOverlay(props: {
  id: string;
  mode: 'card' | 'badge';
  record: SerializedRecord;
  view: GuidanceView;
  state: RecordState;
  ui: TargetUi;
  actions: CardActions & { onToggleBadge(): void };
}) {
  const { state, ui } = props;
  // Dismissed guidance stays hidden, except to say why a retry was just held back: a click on
  // AWRA's own Retry must never do nothing without a word.
  if (state.dismissed && !ui.confirmReason) return null;
  const card = (
    <GuidanceCard
      id={props.id}
      record={props.record}
      view={props.view}
      ticks={state.ticks}
      collapsed={state.collapsed && !ui.confirmReason}
      historyAvailable={state.available}
      confirmReason={ui.confirmReason}
      confirmFresh={ui.confirmFresh}
      actions={props.actions}
    />
  );
  const notice = ui.notice && (
    <p class="muted" role="status">
      {ui.notice}
    </p>
  );
  if (props.mode === 'card') {
    return (
      <div>
        {card}
        {notice}
      </div>
    );
  }
  return (
    <RecordBadge
      id={props.id}
      label={props.view.label}
      type={props.view.type}
      recordNumber={props.record.recordNumber}
      expanded={ui.expanded || Boolean(ui.confirmReason)}
      onToggle={props.actions.onToggleBadge}
    >
      {card}
      {notice}
    </RecordBadge>
  );
}
