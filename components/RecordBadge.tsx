import type { ComponentChildren } from 'preact';

/** List rows: a compact badge with the type that expands to the full card. */
export function RecordBadge(props: {
  id: string;
  label: string;
  type: string;
  recordNumber: string | null;
  expanded: boolean;
  onToggle(): void;
  children: ComponentChildren;
}) {
  return (
    <div class="badge-wrap">
      <button
        type="button"
        class={`badge type-${props.type}`}
        aria-expanded={props.expanded}
        aria-controls={`${props.id}-card`}
        title={props.label}
        onClick={props.onToggle}
      >
        {props.label}
        <span class="sr"> — Sync Assist guidance for {props.recordNumber ?? 'this record'}</span>
      </button>
      <div id={`${props.id}-card`} hidden={!props.expanded}>
        {props.expanded && props.children}
      </div>
    </div>
  );
}
