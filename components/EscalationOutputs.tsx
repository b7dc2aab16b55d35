import type { Outputs } from '../lib/popup/outputs';

export type OutputKind = 'text' | 'markdown' | 'email' | 'json';

/** Copy, email and download; each validates first (the form shows problems when it fails). */
export function EscalationOutputs(props: {
  outputs: Outputs | null;
  status: string;
  screenshot: boolean;
  onScreenshot(on: boolean): void;
  onOutput(kind: OutputKind): void;
}) {
  const { outputs } = props;
  return (
    <section aria-labelledby="outputs-title">
      <h2 id="outputs-title">Send it</h2>
      <div class="actions">
        <button type="button" class="primary" onClick={() => props.onOutput('text')}>
          Copy as text
        </button>
        <button type="button" onClick={() => props.onOutput('markdown')}>
          Copy as Markdown
        </button>
        {outputs ? (
          <a
            class="button"
            href={outputs.mailto}
            target="_blank"
            rel="noopener noreferrer"
            onClick={() => props.onOutput('email')}
          >
            Email support
          </a>
        ) : (
          <button type="button" onClick={() => props.onOutput('email')}>
            Email support
          </button>
        )}
        <button type="button" onClick={() => props.onOutput('json')}>
          Download JSON
        </button>
      </div>
      <label class="check">
        <input
          type="checkbox"
          id="f-screenshot"
          checked={props.screenshot}
          onChange={(event) => props.onScreenshot(event.currentTarget.checked)}
        />
        Add a screenshot of the tab to the JSON (shown as it is: nothing in it is masked)
      </label>
      {outputs?.shortened && (
        <p class="notice">
          The email is shortened to fit a mail link: download the JSON and attach it.
        </p>
      )}
      <p role="status" id="output-status">
        {props.status}
      </p>
    </section>
  );
}
