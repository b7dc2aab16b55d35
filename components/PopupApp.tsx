import { useEffect, useRef, useState } from 'preact/hooks';
import type { EscalationDraft } from '../lib/escalation';
import type { PopupAdapter } from '../lib/popup/adapter';
import { loadContext, type PopupContext } from '../lib/popup/context';
import { draftFor, guardQuery, recordStateQuery } from '../lib/popup/draft';
import { ask } from '../lib/popup/history';
import type { StoredEscalation } from '../lib/popup/stored';
import type { RulePack } from '../lib/rules/schema';
import { EscalationDuplicate } from './EscalationDuplicate';
import { EscalationForm } from './EscalationForm';
import { EscalationHistory } from './EscalationHistory';
import { EscalationRecordPicker } from './EscalationRecordPicker';

type Phase =
  | { kind: 'loading' }
  | { kind: 'duplicate'; item: StoredEscalation; draft: EscalationDraft }
  | { kind: 'form'; draft: EscalationDraft; key: number };

/** The popup: the target tab's failing record, the duplicate guard, the form and the history. */
export function PopupApp(props: { adapter: PopupAdapter; pack: RulePack }) {
  const { adapter, pack } = props;
  const [ctx, setCtx] = useState<PopupContext | null>(null);
  const [selected, setSelected] = useState(0);
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [history, setHistory] = useState<StoredEscalation[] | null>([]);
  // A history entry reopened above the form; the form keeps what the user typed.
  const [reopened, setReopened] = useState<StoredEscalation | null>(null);

  const refreshHistory = () =>
    void ask(adapter, { type: 'escalation-list' }).then((answer) =>
      setHistory(answer?.items ?? null),
    );
  const showForm = (draft: EscalationDraft) =>
    setPhase((p) => ({ kind: 'form', draft, key: p.kind === 'form' ? p.key + 1 : 0 }));

  // The record picked last: a slower answer for one picked before must not fill the form.
  const picked = useRef(0);
  const openRecord = async (context: PopupContext, index: number) => {
    const pick = ++picked.current;
    setSelected(index);
    setPhase({ kind: 'loading' });
    const stateQuery = recordStateQuery(context, index, pack);
    const state = stateQuery ? await ask(adapter, stateQuery) : null;
    if (pick !== picked.current) return;
    const draft = draftFor(context, index, adapter, state);
    const query = guardQuery(draft);
    const found = query ? await ask(adapter, query) : null;
    if (pick !== picked.current) return;
    if (found?.item) setPhase({ kind: 'duplicate', item: found.item, draft });
    else showForm(draft);
  };

  useEffect(() => {
    refreshHistory();
    void loadContext(adapter, pack).then((context) => {
      setCtx(context);
      return openRecord(context, context.selected);
    });
  }, []);

  return (
    <main>
      <h1>Escalate a failed sync</h1>
      {ctx && !ctx.syncScreen && (
        <p class="notice" id="not-sync">
          This tab is not an AWRA sync screen. Fill in the escalation by hand.
        </p>
      )}
      {ctx && ctx.syncScreen && ctx.records.length === 0 && (
        <p class="notice">No failed record on this screen: fill in the escalation by hand.</p>
      )}
      {ctx && ctx.records.length > 1 && (
        <EscalationRecordPicker
          records={ctx.records}
          selected={selected}
          onSelect={(index) => void openRecord(ctx, index)}
        />
      )}
      {reopened && (
        <EscalationDuplicate
          item={reopened}
          reopened
          adapter={adapter}
          pack={pack}
          onChanged={(item) => {
            setReopened(item);
            refreshHistory();
          }}
          onStartNew={() => setReopened(null)}
        />
      )}
      {phase.kind === 'loading' && <p class="muted">Reading the page…</p>}
      {phase.kind === 'duplicate' && (
        <EscalationDuplicate
          item={phase.item}
          adapter={adapter}
          pack={pack}
          onChanged={(item) => {
            setPhase({ ...phase, item });
            refreshHistory();
          }}
          onStartNew={() => showForm(phase.draft)}
        />
      )}
      {phase.kind === 'form' && (
        <EscalationForm
          key={phase.key}
          initial={phase.draft}
          tabId={ctx?.tabId ?? null}
          adapter={adapter}
          pack={pack}
          onSaved={refreshHistory}
        />
      )}
      <EscalationHistory
        items={history}
        adapter={adapter}
        pack={pack}
        onChanged={refreshHistory}
        onOpen={(item) => {
          setReopened(item);
          setTimeout(() => document.getElementById('reopened')?.scrollIntoView(), 0);
        }}
      />
      <p class="muted">
        <a href="options.html" target="_blank">
          Settings
        </a>{' '}
        (sites, role, rules)
      </p>
    </main>
  );
}
