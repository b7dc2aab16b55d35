/** One labelled options input or textarea, with its problem and a policy lock note under it. */
export function OptionsField(props: {
  id: string;
  label: string;
  value: string;
  onInput(value: string): void;
  multiline?: boolean;
  type?: 'text' | 'number' | 'email' | 'url';
  problem?: string | null | undefined;
  hint?: string;
  locked?: boolean;
  rows?: number;
}) {
  const problemId = `${props.id}-problem`;
  const noteId = `${props.id}-note`;
  const described =
    [props.problem ? problemId : '', props.hint || props.locked ? noteId : '']
      .filter(Boolean)
      .join(' ') || undefined;
  const common = {
    id: props.id,
    value: props.value,
    disabled: props.locked,
    'aria-invalid': props.problem ? ('true' as const) : undefined,
    'aria-describedby': described,
    onInput: (event: Event) => props.onInput((event.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.multiline ? (
        <textarea {...common} rows={props.rows ?? 3} spellcheck={false} />
      ) : (
        <input {...common} type={props.type ?? 'text'} spellcheck={false} />
      )}
      {(props.hint || props.locked) && (
        <p class="hint" id={noteId}>
          {props.locked ? 'Set by your organisation’s policy (locked). ' : ''}
          {props.hint ?? ''}
        </p>
      )}
      {props.problem && (
        <p class="problem" id={problemId}>
          {props.problem}
        </p>
      )}
    </div>
  );
}
