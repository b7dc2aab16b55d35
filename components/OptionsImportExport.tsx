import { useState } from 'preact/hooks';
import type { OptionsAdapter } from '../lib/options/adapter';
import { checkImport, exportPack } from '../lib/options/pack-io';
import type { RulePack } from '../lib/rules/schema';

/** Export the pack, import one (validated in full, errors listed), reset to the built-in pack. */
export function OptionsImportExport(props: {
  adapter: OptionsAdapter;
  pack: RulePack;
  dirty: boolean;
  locked: boolean;
  /** False when the pack could not be stored: the pasted text is kept. */
  onImported(pack: RulePack, note: string): Promise<boolean>;
  onReset(): Promise<unknown>;
}) {
  const { adapter } = props;
  const [errors, setErrors] = useState<string[]>([]);
  const [text, setText] = useState('');

  const tryImport = async (json: string) => {
    const checked = checkImport(json);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    if (props.dirty && !adapter.confirm('Importing replaces your unsaved changes. Import anyway?'))
      return;
    setErrors([]);
    if (await props.onImported(checked.pack, checked.note)) setText('');
  };

  return (
    <section id="import" aria-labelledby="import-h">
      <h2 id="import-h">Import, export and reset</h2>
      <div class="row">
        <button
          type="button"
          onClick={() => {
            const file = exportPack(props.pack);
            adapter.download(file.filename, file.text);
          }}
        >
          Export rules (JSON)
        </button>
        <button
          type="button"
          class="secondary"
          disabled={props.locked}
          onClick={() => {
            if (
              adapter.confirm(
                'Reset every rule and setting on this page to the built-in pack? Your saved rules are removed.',
              )
            )
              void props.onReset();
          }}
        >
          Reset to defaults
        </button>
      </div>
      <div class="field">
        <label for="import-file">Import a rule pack file</label>
        <input
          id="import-file"
          type="file"
          accept=".json,application/json"
          disabled={props.locked}
          onChange={async (e) => {
            const input = e.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            if (file) await tryImport(await file.text());
            input.value = '';
          }}
        />
      </div>
      <div class="field">
        <label for="import-text">…or paste its JSON</label>
        <textarea
          id="import-text"
          rows={3}
          value={text}
          disabled={props.locked}
          spellcheck={false}
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
        />
      </div>
      <button
        type="button"
        class="secondary"
        disabled={props.locked || !text.trim()}
        onClick={() => void tryImport(text)}
      >
        Import pasted JSON
      </button>
      {errors.length > 0 && (
        <div role="alert" id="import-errors" class="problem-box">
          <p>
            Not imported: nothing was changed.{' '}
            {errors.length === 1 ? 'One problem' : `${errors.length} problems`}:
          </p>
          <ul>
            {errors.slice(0, 200).map((error, i) => (
              <li key={i}>{error}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
