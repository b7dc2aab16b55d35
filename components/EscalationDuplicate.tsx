import { useState } from 'preact/hooks';
import type { PopupAdapter } from '../lib/popup/adapter';
import { ask } from '../lib/popup/history';
import { storedText, type StoredEscalation } from '../lib/popup/stored';
import type { RulePack } from '../lib/rules/schema';

/**
 * A saved escalation, to add to: shown by the duplicate guard (this record and message were
 * escalated in the last 24 hours) and when the user reopens one from the history.
 */
export function EscalationDuplicate(props: {
  item: StoredEscalation;
  /** Opened from the history rather than found by the duplicate guard. */
  reopened?: boolean;
  adapter: PopupAdapter;
  pack: RulePack;
  onChanged(item: StoredEscalation): void;
  onStartNew(): void;
}) {
  const id = props.reopened ? 'reopened' : 'duplicate';
  const [note, setNote] = useState('');
  const [status, setStatus] = useState('');
  const add = async () => {
    if (note.trim() === '') {
      setStatus('Write the note first.');
      return;
    }
    const answer = await ask(props.adapter, {
      type: 'escalation-add-note',
      id: props.item.id,
      text: note,
    });
    if (answer?.item) {
      props.onChanged(answer.item);
      setNote('');
      setStatus('Note added.');
    } else setStatus('The note could not be added: history is unavailable.');
  };
  return (
    <section aria-labelledby={`${id}-title`} id={id}>
      <h2 id={`${id}-title`}>
        {props.reopened ? `Escalation of ${props.item.recordNumber}` : 'Already escalated'}
      </h2>
      <p class="notice">
        {props.item.recordNumber} {props.reopened ? 'was' : 'with this message was'} escalated on{' '}
        {new Date(props.item.createdAt).toLocaleString()}.{' '}
        {props.reopened
          ? 'Copy it again from the history, or add what happened since.'
          : 'Add to it rather than sending another.'}
      </p>
      <pre id={`${id}-text`} tabIndex={0} aria-label="The earlier escalation">
        {storedText(props.item, props.pack)}
      </pre>
      <div class="field">
        <label for={`${id}-note`}>Add a note</label>
        <textarea
          id={`${id}-note`}
          value={note}
          maxLength={2000}
          onInput={(event) => setNote(event.currentTarget.value)}
        />
      </div>
      <div class="actions">
        <button type="button" class="primary" onClick={() => void add()}>
          Add a note
        </button>
        <button type="button" onClick={props.onStartNew}>
          {props.reopened ? 'Close' : 'Start a new one anyway'}
        </button>
      </div>
      <p role="status">{status}</p>
    </section>
  );
}
