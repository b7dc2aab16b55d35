import type { RulePack } from '../lib/rules/schema';

/** The first checks the user ticked in the overlay for this record, carried into the escalation. */
export function EscalationChecksDone(props: { ids: readonly string[]; pack: RulePack }) {
  if (props.ids.length === 0) return null;
  return (
    <div class="field" id="checks-done">
      <p class="label">First checks you ticked on the page</p>
      <ul>
        {props.ids.map((id) => (
          <li key={id}>{props.pack.firstChecks.find((check) => check.id === id)?.text ?? id}</li>
        ))}
      </ul>
    </div>
  );
}
