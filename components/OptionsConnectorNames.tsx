import { useState } from 'preact/hooks';
import { formatConnectorNames, parseConnectorNames } from '../lib/options/connector-names';
import type { RulePack } from '../lib/rules/schema';

/**
 * A connector's other names (RulePack.connectorAliases), one connector a line. Its history, retry
 * limit and counts are kept under the first name, whichever one a screen shows.
 */
export function OptionsConnectorNames(props: {
  aliases: RulePack['connectorAliases'];
  locked: boolean;
  onChange(aliases: RulePack['connectorAliases']): void;
}) {
  // The text as typed survives re-renders from the parent, unfinished lines included.
  const [text, setText] = useState(() => formatConnectorNames(props.aliases));
  const { problems } = parseConnectorNames(text);
  return (
    <div class="field">
      <label for="connector-names">
        Connector names (one connector a line: its name, “=”, then the other names AWRA’s screens
        give it, separated by commas)
      </label>
      <textarea
        id="connector-names"
        rows={Math.min(8, Math.max(2, text.split('\n').length))}
        value={text}
        disabled={props.locked}
        spellcheck={false}
        aria-invalid={problems.length > 0 ? 'true' : undefined}
        aria-describedby={problems.length > 0 ? 'connector-names-problem' : undefined}
        onInput={(e) => {
          const next = (e.currentTarget as HTMLTextAreaElement).value;
          setText(next);
          // Lines that give a connector and its names apply; the others are said to be left out.
          props.onChange(parseConnectorNames(next).aliases);
        }}
      />
      {problems.length > 0 && (
        <ul class="problem" id="connector-names-problem">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
