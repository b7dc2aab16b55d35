import { useEffect, useRef, useState } from 'preact/hooks';
import {
  byPriority,
  draftOf,
  emptyDraft,
  moveRule,
  removeRule,
  saveDraft,
  toggleRule,
  type RuleDraft,
} from '../lib/options/rules';
import type { MessageRule, RulePack } from '../lib/rules/schema';
import { OptionsRuleEditor } from './OptionsRuleEditor';

type Editing = { id: string | null; draft: RuleDraft } | null;

/** Message rules in the order the classifier tries them: add, edit, reorder, disable, delete. */
export function OptionsRules(props: {
  pack: RulePack;
  locked: boolean;
  onChange(rules: MessageRule[]): void;
}) {
  const { pack, locked } = props;
  const [editing, setEditing] = useState<Editing>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const editButtons = useRef(new Map<string, HTMLButtonElement>());
  const wasEditing = useRef(false);
  // The rule to show when the editor closes: the one just saved, or the one whose edit was
  // cancelled; none after cancelling a new rule (focus goes back to "Add a rule").
  const showAfter = useRef<string | null>(null);
  useEffect(() => {
    if (wasEditing.current && !editing) {
      const row = showAfter.current ? editButtons.current.get(showAfter.current) : undefined;
      if (row) {
        row.focus();
        row.scrollIntoView({ block: 'center' });
      } else addButton.current?.focus();
    }
    wasEditing.current = editing !== null;
  }, [editing]);
  const rules = byPriority(pack.messageRules);
  const change = (next: MessageRule[]) => props.onChange(next);
  return (
    <section id="rules" aria-labelledby="rules-h">
      <h2 id="rules-h">Message rules</h2>
      <p class="hint">
        Tried from the top; the first rule whose pattern matches gives the message its type.
        {locked ? ' Set by your organisation’s policy (locked).' : ''}
      </p>
      {!locked && !editing && (
        <button
          type="button"
          ref={addButton}
          onClick={() => setEditing({ id: null, draft: emptyDraft(pack.messageRules) })}
        >
          Add a rule
        </button>
      )}
      {editing && (
        <OptionsRuleEditor
          key={editing.id ?? '(new)'}
          pack={pack}
          initial={editing.draft}
          editing={editing.id}
          rules={pack.messageRules}
          onCancel={() => {
            showAfter.current = editing.id;
            setEditing(null);
          }}
          onSave={(draft) => {
            showAfter.current = draft.id;
            change(saveDraft(pack.messageRules, draft, editing.id));
            setEditing(null);
          }}
        />
      )}
      <div class="table-wrap">
        <table class="rules">
          <caption class="sr">Message rules by priority</caption>
          <thead>
            <tr>
              <th scope="col">On</th>
              <th scope="col">Rule</th>
              <th scope="col">Type</th>
              <th scope="col">Priority</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule, index) => (
              <tr key={rule.id} class={rule.enabled === false ? 'off' : ''}>
                <td>
                  <input
                    type="checkbox"
                    checked={rule.enabled !== false}
                    disabled={locked}
                    aria-label={`Rule ${rule.id} enabled`}
                    onChange={() => change(toggleRule(pack.messageRules, rule.id))}
                  />
                </td>
                <td>
                  <span class="rule-id">{rule.id}</span>
                  <code class="pattern">{rule.pattern}</code>
                </td>
                <td>{pack.guidance[rule.type]?.label ?? rule.type}</td>
                <td>{rule.priority}</td>
                <td class="actions">
                  <button
                    type="button"
                    class="secondary"
                    disabled={locked || index === 0}
                    onClick={() => change(moveRule(pack.messageRules, rule.id, -1))}
                  >
                    Up<span class="sr"> {rule.id}</span>
                  </button>
                  <button
                    type="button"
                    class="secondary"
                    disabled={locked || index === rules.length - 1}
                    onClick={() => change(moveRule(pack.messageRules, rule.id, 1))}
                  >
                    Down<span class="sr"> {rule.id}</span>
                  </button>
                  <button
                    type="button"
                    class="secondary"
                    disabled={locked}
                    ref={(button) => {
                      if (button) editButtons.current.set(rule.id, button);
                      else editButtons.current.delete(rule.id);
                    }}
                    onClick={() => setEditing({ id: rule.id, draft: draftOf(rule) })}
                  >
                    Edit<span class="sr"> {rule.id}</span>
                  </button>
                  <button
                    type="button"
                    class="secondary"
                    disabled={locked}
                    onClick={() => change(removeRule(pack.messageRules, rule.id))}
                  >
                    Delete<span class="sr"> {rule.id}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
