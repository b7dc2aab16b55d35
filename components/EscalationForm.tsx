import { useMemo, useState } from 'preact/hooks';
import {
  findSensitiveInEscalation,
  validateEscalation,
  type EscalationDraft,
  type EscalationField as FieldName,
} from '../lib/escalation';
import type { PopupAdapter } from '../lib/popup/adapter';
import { ask } from '../lib/popup/history';
import { buildOutputs, fileName, saveRequest, withScreenshot } from '../lib/popup/outputs';
import type { RulePack } from '../lib/rules/schema';
import { EscalationAskedFields } from './EscalationAskedFields';
import { EscalationOutputs, type OutputKind } from './EscalationOutputs';
import { EscalationPageFields } from './EscalationPageFields';
import { EscalationPreview } from './EscalationPreview';

const DONE: Record<OutputKind, string> = {
  text: 'Copied as text and saved to history.',
  markdown: 'Copied as Markdown and saved to history.',
  email: 'Email draft opened and saved to history.',
  json: 'JSON downloaded and saved to history.',
};

/** The escalation form: page fields, the user's answers, preview and outputs. */
export function EscalationForm(props: {
  initial: EscalationDraft;
  /** The tab being escalated, for the optional screenshot. */
  tabId: number | null;
  adapter: PopupAdapter;
  pack: RulePack;
  onSaved(): void;
}) {
  const { adapter, pack } = props;
  const [draft, setDraft] = useState<EscalationDraft>(props.initial);
  const [attempted, setAttempted] = useState(false);
  const [unmasked, setUnmasked] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState('');
  const [lastSaved, setLastSaved] = useState<string | null>(null);
  const [screenshot, setScreenshot] = useState(false);

  const result = useMemo(() => validateEscalation(draft, pack), [draft, pack]);
  const outputs = useMemo(
    () => (result.ok ? buildOutputs(result.value, unmasked, pack) : null),
    [result, unmasked, pack],
  );
  const spans = useMemo(() => (result.ok ? findSensitiveInEscalation(result.value) : []), [result]);
  const problems = attempted && !result.ok ? result.problems : {};

  const change = (name: FieldName, value: string) => setDraft((d) => ({ ...d, [name]: value }));
  const unmask = (key: string, show: boolean) =>
    setUnmasked((keys) => {
      const next = new Set(keys);
      if (show) next.add(key);
      else next.delete(key);
      return next;
    });

  const save = async () => {
    if (!outputs || outputs.json === lastSaved) return true;
    const saved = await ask(adapter, saveRequest(outputs.redacted));
    if (saved) {
      setLastSaved(outputs.json);
      props.onSaved();
    }
    return saved !== null;
  };

  const output = async (kind: OutputKind) => {
    if (!outputs) {
      setAttempted(true);
      setStatus('Fix the marked fields first: nothing was copied or saved.');
      const first = result.ok ? null : Object.keys(result.problems)[0];
      if (first) setTimeout(() => document.getElementById(`f-${first}`)?.focus(), 0);
      return;
    }
    let note = '';
    try {
      if (kind === 'text') await adapter.copyText(outputs.text);
      if (kind === 'markdown') await adapter.copyText(outputs.markdown);
      if (kind === 'json') {
        let json = outputs.json;
        if (screenshot) {
          const shot = await adapter.captureTab(props.tabId).catch(() => null);
          if (shot) json = withScreenshot(json, shot, adapter.now());
          else
            note =
              ' The browser did not allow a screenshot of the tab (open Sync Assist from its toolbar button on the AWRA tab), so the file has none.';
        }
        adapter.download(fileName(outputs.redacted.recordNumber, 'json'), json, 'application/json');
      }
    } catch {
      setStatus('The browser did not allow copying: select the preview text and copy it.');
      return;
    }
    const saved = await save();
    const done = saved ? DONE[kind] : `${DONE[kind].split(' and ')[0]}; history is unavailable.`;
    setStatus(done + note);
  };

  return (
    <form onSubmit={(event) => event.preventDefault()} noValidate aria-label="Escalation">
      <EscalationPageFields draft={draft} problems={problems} onChange={change} />
      <EscalationAskedFields
        draft={draft}
        problems={problems}
        pack={pack}
        onChange={change}
        onBlocks={(blocks) => setDraft((d) => ({ ...d, blocks }))}
        onTotals={(totalsMismatch) => setDraft((d) => ({ ...d, totalsMismatch }))}
      />
      <EscalationPreview
        text={outputs?.text ?? null}
        spans={spans}
        unmasked={unmasked}
        onUnmask={unmask}
      />
      <EscalationOutputs
        outputs={outputs}
        status={status}
        screenshot={screenshot}
        onScreenshot={setScreenshot}
        onOutput={(k) => void output(k)}
      />
    </form>
  );
}
