import type { EscalationField as FieldName } from '../lib/escalation';

/** One labelled input or textarea, with its problem (if any) right under it. */
export function EscalationField(props: {
  name: FieldName;
  label: string;
  value: string;
  problem?: string | undefined;
  multiline?: boolean;
  numeric?: boolean;
  required?: boolean;
  onInput(value: string): void;
}) {
  const id = `f-${props.name}`;
  const problemId = `${id}-problem`;
  const common = {
    id,
    name: props.name,
    value: props.value,
    required: props.required,
    'aria-invalid': props.problem ? ('true' as const) : undefined,
    'aria-describedby': props.problem ? problemId : undefined,
    onInput: (event: Event) => props.onInput((event.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="field">
      <label for={id}>
        {props.label}
        {props.required ? ' (required)' : ''}
      </label>
      {props.multiline ? (
        <textarea {...common} spellcheck={false} />
      ) : (
        <input
          {...common}
          type={props.numeric ? 'number' : 'text'}
          min={props.numeric ? 0 : undefined}
          step={props.numeric ? 1 : undefined}
        />
      )}
      {props.problem && (
        <p class="problem" id={problemId}>
          {props.problem}
        </p>
      )}
    </div>
  );
}
