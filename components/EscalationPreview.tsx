import { FORMAT_LABELS, type FoundSpan } from '../lib/escalation';

const KIND_WORDS = { email: 'Email address', phone: 'Phone number', card: 'Card-like number' };
const fieldWords = (field: FoundSpan['field']) =>
  field === 'note' ? 'a note' : (FORMAT_LABELS[field] ?? field).toLowerCase();

/** "What will be sent": the redacted plain text, with a checkbox to unmask each found span. */
export function EscalationPreview(props: {
  text: string | null;
  spans: FoundSpan[];
  unmasked: ReadonlySet<string>;
  onUnmask(key: string, show: boolean): void;
}) {
  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">What will be sent</h2>
      {props.spans.length > 0 && (
        <fieldset>
          <legend>Masked before sending</legend>
          {props.spans.map((span) => (
            <label class="check" key={span.key}>
              <input
                type="checkbox"
                checked={props.unmasked.has(span.key)}
                onChange={(event) => props.onUnmask(span.key, event.currentTarget.checked)}
              />
              Send {KIND_WORDS[span.kind].toLowerCase()} {span.masked} in {fieldWords(span.field)}{' '}
              unmasked
            </label>
          ))}
        </fieldset>
      )}
      {props.text === null ? (
        <p class="muted">The preview appears once the required fields are filled in.</p>
      ) : (
        <pre id="preview" tabIndex={0} aria-label="Escalation text as it will be sent">
          {props.text}
        </pre>
      )}
    </section>
  );
}
