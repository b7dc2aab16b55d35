import { useState } from 'preact/hooks';
import { analyzeSavedPage, type SavedPageResult } from '../lib/options/saved-page';
import type { RulePack } from '../lib/rules/schema';

/** The page as an inert document: DOMParser never runs its scripts or loads its resources. */
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** Test a saved page: an AWRA page saved as HTML, analysed with the rules as edited. */
export function OptionsSavedPage(props: { pack: RulePack }) {
  const [url, setUrl] = useState('');
  const [result, setResult] = useState<SavedPageResult | null>(null);
  const [file, setFile] = useState<File | null>(null);

  const run = async (chosen: File | null, pageUrl: string) => {
    if (!chosen) return;
    const bytes = new Uint8Array(await chosen.arrayBuffer());
    setResult(analyzeSavedPage(bytes, pageUrl, props.pack, parse));
  };

  return (
    <section id="saved-page" aria-labelledby="saved-page-h">
      <h2 id="saved-page-h">Test a saved page</h2>
      <p class="hint">
        Save an AWRA screen with Save page as… (HTML only) and choose it: you see its Analysis as
        the analyze command prints it, with the rules as edited here.
      </p>
      <div class="field">
        <label for="saved-url">Page address (optional, as the CLI's --url)</label>
        <input
          id="saved-url"
          type="url"
          value={url}
          spellcheck={false}
          placeholder="https://yourco.awraops.com/sync-hub"
          onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)}
          onChange={() => void run(file, url)}
        />
      </div>
      <div class="field">
        <label for="saved-file">Saved page (.html)</label>
        <input
          id="saved-file"
          type="file"
          accept=".html,.htm,text/html"
          onChange={(e) => {
            const chosen = (e.currentTarget as HTMLInputElement).files?.[0] ?? null;
            setFile(chosen);
            void run(chosen, url);
          }}
        />
      </div>
      {result && !result.ok && (
        <p class="problem" role="alert" id="saved-error">
          {result.error}
        </p>
      )}
      {result?.ok && (
        <pre id="saved-analysis" tabIndex={0} aria-label="Analysis">
          {result.json}
        </pre>
      )}
    </section>
  );
}
