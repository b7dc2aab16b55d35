import type { RulePack } from '../lib/rules/schema';

/** Which of the guide's escalation triggers applies; the overlay's choice comes preselected. */
export function EscalationTriggerSelect(props: {
  value: string | null;
  problem?: string | undefined;
  pack: RulePack;
  onChange(value: string): void;
}) {
  const problemId = 'f-trigger-problem';
  // The popup is narrow: a long reason is cut in the closed select, so it is also shown in full.
  const chosen = props.pack.escalation.triggers.find((trigger) => trigger.id === props.value);
  return (
    <div class="field">
      <label for="f-trigger">Why escalate</label>
      <select
        id="f-trigger"
        name="trigger"
        value={props.value ?? ''}
        aria-invalid={props.problem ? 'true' : undefined}
        aria-describedby={props.problem ? problemId : undefined}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        <option value="">None of these</option>
        {props.pack.escalation.triggers.map((trigger) => (
          <option key={trigger.id} value={trigger.id}>
            {trigger.text}
          </option>
        ))}
      </select>
      {chosen && chosen.text.length > 40 && (
        <p class="muted" id="f-trigger-text">
          {chosen.text}
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
