import { useState } from 'preact/hooks';
import { testMessage } from '../lib/options/tester';
import type { RulePack } from '../lib/rules/schema';

/** Rule tester: the rule and type a pasted message gets under the rules as edited, live. */
export function OptionsTester(props: { pack: RulePack }) {
  const [message, setMessage] = useState('');
  const result = message.trim() ? testMessage(message, props.pack) : null;
  return (
    <section id="tester" aria-labelledby="tester-h">
      <h2 id="tester-h">Rule tester</h2>
      <div class="field">
        <label for="tester-input">Paste a sync message</label>
        <textarea
          id="tester-input"
          rows={3}
          value={message}
          spellcheck={false}
          onInput={(e) => setMessage((e.currentTarget as HTMLTextAreaElement).value)}
        />
      </div>
      <p id="tester-result" role="status" aria-live="polite">
        {result === null
          ? 'The type and the rule that matched appear here.'
          : result.ruleId
            ? `${result.label ?? result.messageType} (${result.messageType}), by rule ${result.ruleId}`
            : `${result.label ?? 'Unrecognised message'} (${result.messageType}): no rule matches`}
      </p>
    </section>
  );
}
