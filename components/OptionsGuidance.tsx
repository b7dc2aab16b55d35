import { useState } from 'preact/hooks';
import { MESSAGE_TYPES, type MessageType } from '../lib/analyze/types';
import type { Guidance, RulePack } from '../lib/rules/schema';
import { OptionsField } from './OptionsField';

const TEXTS = [
  ['label', 'Label', false],
  ['cause', 'Likely cause', true],
  ['action', 'What to do', true],
  ['whoMayAct', 'Who may act', false],
] as const;

/** Guidance per message type: label, cause, action, who may act and its checklist. */
export function OptionsGuidance(props: {
  pack: RulePack;
  locked: boolean;
  onChange(guidance: RulePack['guidance']): void;
}) {
  const { pack, locked } = props;
  const [type, setType] = useState<MessageType>('mapping-missing');
  const guidance = pack.guidance[type];
  const set = (change: Partial<Guidance>) =>
    props.onChange({ ...pack.guidance, [type]: { ...guidance, ...change } });
  const toggle = (list: string[], id: string) =>
    list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
  return (
    <section id="guidance" aria-labelledby="guidance-h">
      <h2 id="guidance-h">Guidance</h2>
      <div class="field">
        <label for="guidance-type">Message type</label>
        <select
          id="guidance-type"
          value={type}
          onChange={(e) => setType((e.currentTarget as HTMLSelectElement).value as MessageType)}
        >
          {MESSAGE_TYPES.map((t) => (
            <option key={t} value={t}>
              {pack.guidance[t]?.label ?? t}
            </option>
          ))}
        </select>
      </div>
      {TEXTS.map(([key, label, multiline]) => (
        <OptionsField
          key={`${type}-${key}`}
          id={`guidance-${key}`}
          label={label}
          value={guidance[key]}
          multiline={multiline}
          locked={locked}
          problem={guidance[key].trim() === '' ? 'Required.' : null}
          onInput={(value) => set({ [key]: value })}
        />
      ))}
      <fieldset disabled={locked}>
        <legend>Roles that may act themselves</legend>
        {pack.roles.map((role) => (
          <label class="check" key={role.id}>
            <input
              type="checkbox"
              checked={guidance.actingRoles.includes(role.id)}
              onChange={() => set({ actingRoles: toggle(guidance.actingRoles, role.id) })}
            />
            {role.label}
          </label>
        ))}
      </fieldset>
      <fieldset disabled={locked}>
        <legend>Checklist (first checks shown for this type)</legend>
        {pack.firstChecks.map((check) => (
          <label class="check" key={check.id}>
            <input
              type="checkbox"
              checked={guidance.checks.includes(check.id)}
              onChange={() => set({ checks: toggle(guidance.checks, check.id) })}
            />
            {check.text}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
