import { useEffect, useRef, useState } from 'preact/hooks';
import { MESSAGE_TYPES } from '../lib/analyze/types';
import { checkDraft, type RuleDraft } from '../lib/options/rules';
import type { MessageRule, RulePack } from '../lib/rules/schema';
import { OptionsField } from './OptionsField';

/** Add or edit one message rule; the pattern is checked on every keystroke. */
export function OptionsRuleEditor(props: {
  pack: RulePack;
  initial: RuleDraft;
  /** The id being edited, or null when adding. */
  editing: string | null;
  rules: readonly MessageRule[];
  onSave(draft: RuleDraft): void;
  onCancel(): void;
}) {
  const [draft, setDraft] = useState(props.initial);
  const [tried, setTried] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // Keyboard users land in the editor they opened.
  useEffect(() => form.current?.querySelector<HTMLInputElement>('#rule-id')?.focus(), []);
  const problems = checkDraft(draft, props.rules, props.editing);
  const set = (change: Partial<RuleDraft>) => setDraft({ ...draft, ...change });
  const submit = (event: Event) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(problems).length === 0) props.onSave(draft);
  };
  return (
    <form
      ref={form}
      class="editor"
      aria-label={props.editing ? `Edit rule ${props.editing}` : 'New rule'}
      onSubmit={submit}
    >
      <h3>{props.editing ? `Edit rule ${props.editing}` : 'New rule'}</h3>
      <OptionsField
        id="rule-id"
        label="Rule id"
        value={draft.id}
        problem={tried || draft.id ? problems.id : null}
        onInput={(id) => set({ id })}
      />
      <OptionsField
        id="rule-pattern"
        label="Pattern (regular expression, case-insensitive)"
        value={draft.pattern}
        problem={tried || draft.pattern ? problems.pattern : null}
        onInput={(pattern) => set({ pattern })}
      />
      <div class="row">
        <div class="field">
          <label for="rule-type">Message type</label>
          <select
            id="rule-type"
            value={draft.type}
            onChange={(e) =>
              set({ type: (e.currentTarget as HTMLSelectElement).value as RuleDraft['type'] })
            }
          >
            {MESSAGE_TYPES.map((type) => (
              <option key={type} value={type}>
                {props.pack.guidance[type]?.label ?? type}
              </option>
            ))}
          </select>
        </div>
        <OptionsField
          id="rule-priority"
          label="Priority (higher wins)"
          type="number"
          value={draft.priority}
          problem={problems.priority}
          onInput={(priority) => set({ priority })}
        />
      </div>
      <OptionsField
        id="rule-description"
        label="Description (optional)"
        value={draft.description}
        onInput={(description) => set({ description })}
      />
      <div class="row">
        <button type="submit">{props.editing ? 'Update rule' : 'Add rule'}</button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
