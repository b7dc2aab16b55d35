import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

/**
 * List rows: a compact badge with the type that expands to the full card. Escape closes an open
 * card and gives focus back to its badge (on long lists the card lies over the rows beneath).
 */
export function RecordBadge(props: {
  id: string;
  label: string;
  type: string;
  recordNumber: string | null;
  expanded: boolean;
  onToggle(): void;
  children: ComponentChildren;
}) {
  const badge = useRef<HTMLButtonElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !props.expanded) return;
    event.stopPropagation();
    props.onToggle();
    badge.current?.focus();
  };
  return (
    <div class="badge-wrap" onKeyDown={onKeyDown}>
      <button
        ref={badge}
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
