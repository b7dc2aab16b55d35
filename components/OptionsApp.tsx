import { useEffect, useRef, useState } from 'preact/hooks';
import type { OptionsAdapter } from '../lib/options/adapter';
import { checkSave, isDirty } from '../lib/options/pack-io';
import { loadOptionsState, type OptionsState } from '../lib/options/state';
import type { RulePack } from '../lib/rules/schema';
import { isLocked } from '../lib/settings/layers';
import { OptionsGuidance } from './OptionsGuidance';
import { OptionsImportExport } from './OptionsImportExport';
import { OptionsLimits } from './OptionsLimits';
import { OptionsPages } from './OptionsPages';
import { OptionsRole } from './OptionsRole';
import { OptionsRules } from './OptionsRules';
import { OptionsSavedPage } from './OptionsSavedPage';
import { OptionsSites } from './OptionsSites';
import { OptionsTester } from './OptionsTester';

const SECTIONS = [
  ['sites', 'Sites'],
  ['role', 'My role'],
  ['rules', 'Message rules'],
  ['tester', 'Rule tester'],
  ['guidance', 'Guidance'],
  ['pages', 'Pages and fields'],
  ['limits', 'Retry and escalation'],
  ['saved-page', 'Test a saved page'],
  ['import', 'Import and export'],
] as const;

/**
 * The admin options page. Rule edits collect in a draft that Save validates in full and writes
 * to storage.local, from where open AWRA tabs pick them up; leaving with unsaved edits asks.
 */
export function OptionsApp(props: { adapter: OptionsAdapter; defaults: RulePack }) {
  const { adapter, defaults } = props;
  const [state, setState] = useState<OptionsState | null>(null);
  const [draft, setDraft] = useState<RulePack | null>(null);
  // Bumped when the draft is replaced wholesale, so sections drop what they were typing.
  const [generation, setGeneration] = useState(0);
  const [status, setStatus] = useState('');
  const [saveErrors, setSaveErrors] = useState<string[]>([]);

  const reload = async (replaceDraft: boolean, remount = replaceDraft) => {
    const next = await loadOptionsState(adapter.settings, defaults);
    setState(next);
    if (replaceDraft) setDraft(next.saved);
    if (remount) setGeneration((g) => g + 1);
    return next;
  };

  useEffect(() => {
    void reload(true);
    // Policy or another window's save: refresh what is shown; keep the admin's unsaved draft.
    return adapter.settings.onChange(() => void reload(false));
  }, []);

  const dirty = state !== null && draft !== null && isDirty(state.saved, draft);
  // Read at leave time, not registered per change: effects run after paint, and leaving right
  // after an edit must still ask.
  const dirtyNow = useRef(false);
  dirtyNow.current = dirty;
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirtyNow.current) event.preventDefault();
    };
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, []);

  if (!state || !draft) return <p class="muted">Loading settings…</p>;
  const locked = isLocked(state.settings, 'pack');
  const edit = (change: Partial<RulePack>) => {
    // Functional: two sections changed before a re-render must not undo each other.
    setDraft((current) => (current ? { ...current, ...change } : current));
    setSaveErrors([]);
  };

  /**
   * Writes the pack (null: none, the built-in pack) and shows it; `remount` drops typed text.
   * False when the browser refused the write (storage full or unavailable): nothing on the page
   * is dropped, so the admin can try again.
   */
  const write = async (pack: RulePack | null, note: string, remount = true) => {
    try {
      await adapter.writePack(pack);
    } catch (error) {
      const reason = error instanceof Error && error.message ? ` (${error.message})` : '';
      setStatus(
        `Not saved: the browser could not store the rules${reason}. Nothing was changed; try again.`,
      );
      return false;
    }
    await reload(true, remount);
    setSaveErrors([]);
    setStatus(note);
    return true;
  };
  const save = async () => {
    const checked = checkSave(draft, state.saved.revision);
    if (!checked.ok) {
      setSaveErrors(checked.errors);
      setStatus('Not saved: fix the problems listed.');
      return;
    }
    await write(checked.pack, `${checked.note} Open AWRA tabs use it now.`, false);
  };

  return (
    <div class="layout">
      <header>
        <h1>Sync Assist settings</h1>
        <nav aria-label="Sections">
          <ul>
            {SECTIONS.map(([id, label]) => (
              <li key={id}>
                <a href={`#${id}`}>{label}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main key={generation}>
        {state.settings.problems.length > 0 && (
          <div class="problem-box" role="note" aria-label="Settings problems">
            <p>Some settings were ignored:</p>
            <ul>
              {state.settings.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        {locked && (
          <p class="notice">
            Your organisation’s policy sets the rule pack: it is shown here but cannot be edited.
          </p>
        )}
        <OptionsSites adapter={adapter} />
        <OptionsRole adapter={adapter} pack={state.settings.pack} settings={state.settings} />
        <OptionsRules
          pack={draft}
          locked={locked}
          onChange={(messageRules) => edit({ messageRules })}
        />
        <OptionsTester pack={draft} />
        <OptionsGuidance pack={draft} locked={locked} onChange={(guidance) => edit({ guidance })} />
        <OptionsPages pack={draft} locked={locked} onChange={edit} />
        <OptionsLimits pack={draft} settings={state.settings} onChange={edit} />
        <OptionsSavedPage pack={draft} />
        <OptionsImportExport
          adapter={adapter}
          pack={draft}
          dirty={dirty}
          locked={locked}
          onImported={(pack, note) => write(pack, `${note} Open AWRA tabs use it now.`)}
          onReset={() => write(null, 'Back to the built-in rules.')}
        />
      </main>
      <footer class="savebar" aria-label="Save">
        <p role="status" id="save-status">
          {dirty ? 'You have unsaved changes. ' : ''}
          {status}
        </p>
        {saveErrors.length > 0 && (
          <ul class="problem" id="save-errors">
            {saveErrors.slice(0, 50).map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        )}
        <div class="row">
          <button type="button" disabled={!dirty || locked} onClick={() => void save()}>
            Save changes
          </button>
          <button
            type="button"
            class="secondary"
            disabled={!dirty}
            onClick={() => {
              if (adapter.confirm('Discard your unsaved changes?')) {
                setDraft(state.saved);
                setGeneration((g) => g + 1);
                setStatus('Changes discarded.');
              }
            }}
          >
            Discard changes
          </button>
        </div>
      </footer>
    </div>
  );
}
