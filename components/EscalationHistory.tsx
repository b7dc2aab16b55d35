import { useState } from 'preact/hooks';
import { toCsv, toJson, type Escalation } from '../lib/escalation';
import type { PopupAdapter } from '../lib/popup/adapter';
import { ask } from '../lib/popup/history';
import { fileName } from '../lib/popup/outputs';
import { fromStored, storedText, type StoredEscalation } from '../lib/popup/stored';
import type { RulePack } from '../lib/rules/schema';

/** Past escalations: copy again, delete one or all, export all. */
export function EscalationHistory(props: {
  items: StoredEscalation[] | null;
  adapter: PopupAdapter;
  pack: RulePack;
  onChanged(): void;
  onOpen(item: StoredEscalation): void;
}) {
  const { adapter, items } = props;
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');
  const copy = async (item: StoredEscalation) => {
    await adapter.copyText(storedText(item, props.pack)).then(
      () => setStatus(`Copied ${item.recordNumber} again.`),
      () => setStatus('The browser did not allow copying.'),
    );
  };
  const remove = async (item: StoredEscalation) => {
    const answer = await ask(adapter, { type: 'escalation-delete', id: item.id });
    setStatus(answer?.deleted ? `Deleted ${item.recordNumber}.` : 'Nothing was deleted.');
    props.onChanged();
  };
  const removeAll = async () => {
    const answer = await ask(adapter, { type: 'escalation-delete-all' });
    setConfirming(false);
    setStatus(answer ? `Deleted ${answer.deleted} escalations.` : 'Nothing was deleted.');
    props.onChanged();
  };
  const exportAll = (kind: 'json' | 'csv') => {
    const list = (items ?? []).map(fromStored).filter((e): e is Escalation => e !== null);
    const text = kind === 'json' ? toJson(list) : toCsv(list);
    adapter.download(fileName(null, kind), text, kind === 'json' ? 'application/json' : 'text/csv');
    setStatus(`Exported ${list.length} escalations as ${kind.toUpperCase()}.`);
  };
  return (
    <section aria-labelledby="history-title" id="history">
      <h2 id="history-title">History</h2>
      {items === null && <p class="muted">History is unavailable.</p>}
      {items?.length === 0 && <p class="muted">No escalations yet.</p>}
      {items && items.length > 0 && (
        <>
          <ul class="history">
            {items.map((item) => (
              <li key={item.id} data-id={item.id}>
                <strong>{item.recordNumber}</strong>
                {item.connector ? ` · ${item.connector}` : ''}
                <span class="muted"> · {new Date(item.createdAt).toLocaleString()}</span>
                <div class="actions">
                  <button type="button" onClick={() => props.onOpen(item)}>
                    Open<span class="sr"> {item.recordNumber}</span>
                  </button>
                  <button type="button" onClick={() => void copy(item)}>
                    Copy again<span class="sr"> {item.recordNumber}</span>
                  </button>
                  <button type="button" onClick={() => void remove(item)}>
                    Delete<span class="sr"> {item.recordNumber}</span>
                  </button>
                </div>
              </li>
            ))}
          </ul>
          <div class="actions">
            <button type="button" onClick={() => exportAll('json')}>
              Export all as JSON
            </button>
            <button type="button" onClick={() => exportAll('csv')}>
              Export all as CSV
            </button>
            <button type="button" onClick={() => setConfirming(true)}>
              Delete all
            </button>
          </div>
          {confirming && (
            <div class="alert" role="group" aria-label="Confirm delete all">
              <p>Delete all {items.length} escalations? This cannot be undone.</p>
              <div class="actions">
                <button type="button" onClick={() => void removeAll()}>
                  Yes, delete all
                </button>
                <button type="button" onClick={() => setConfirming(false)}>
                  Keep them
                </button>
              </div>
            </div>
          )}
        </>
      )}
      <p role="status">{status}</p>
    </section>
  );
}
