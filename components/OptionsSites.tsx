import { useEffect, useState } from 'preact/hooks';
import type { OptionsAdapter } from '../lib/options/adapter';
import { siteFromInput } from '../lib/sites/patterns';

interface SiteRow {
  pattern: string;
  granted: boolean;
}

/** Sites: add an AWRA host (asks the browser for that host only), remove it, see each state. */
export function OptionsSites(props: { adapter: OptionsAdapter }) {
  const { adapter } = props;
  const [rows, setRows] = useState<SiteRow[]>([]);
  const [input, setInput] = useState('');
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);

  const reload = async () => {
    const sites = await adapter.readSites();
    setRows(
      await Promise.all(
        sites.map(async (pattern) => ({ pattern, granted: await adapter.hasHost(pattern) })),
      ),
    );
  };
  useEffect(() => void reload(), []);

  const add = (event: Event) => {
    event.preventDefault();
    const site = siteFromInput(input);
    if (!site.ok) {
      setMessage({ text: site.error, problem: true });
      return;
    }
    // The browser only asks from a click: the request must come before any other await.
    void adapter.requestHost(site.pattern).then(
      async (granted) => {
        if (!granted) {
          setMessage({
            text: `The browser did not grant access to ${site.origin}; nothing was added.`,
            problem: true,
          });
          return;
        }
        const sites = await adapter.readSites();
        if (!sites.includes(site.pattern)) await adapter.writeSites([...sites, site.pattern]);
        setInput('');
        setMessage({
          text: `Added ${site.origin}. Open AWRA tabs on it pick it up when reloaded.`,
          problem: false,
        });
        await reload();
      },
      (error: unknown) =>
        setMessage({ text: `Could not ask for access: ${String(error)}`, problem: true }),
    );
  };

  const remove = async (pattern: string) => {
    const revoked = await adapter.removeHost(pattern);
    await adapter.writeSites((await adapter.readSites()).filter((p) => p !== pattern));
    setMessage({
      text: revoked
        ? `Removed ${pattern} and gave back the browser's access to it.`
        : `Removed ${pattern}. The browser keeps access to it because it was granted with the extension itself.`,
      problem: false,
    });
    await reload();
  };

  return (
    <section id="sites" aria-labelledby="sites-h">
      <h2 id="sites-h">Sites</h2>
      <p class="hint">
        Sync Assist runs on https://*.awraops.com. Add your custom domain or self-hosted AWRA here;
        the browser asks you to allow that one host.
      </p>
      <form class="row" onSubmit={add}>
        <div class="field grow">
          <label for="site-input">AWRA host</label>
          <input
            id="site-input"
            value={input}
            placeholder="erp.example.com"
            spellcheck={false}
            onInput={(e) => setInput((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
        <button type="submit">Add site</button>
      </form>
      <p class={message?.problem ? 'problem' : 'status'} role="status" id="sites-status">
        {message?.text ?? ''}
      </p>
      {rows.length === 0 ? (
        <p class="muted">No sites added.</p>
      ) : (
        <ul class="sites" aria-label="Added sites">
          {rows.map((row) => (
            <li key={row.pattern}>
              <span class="mono">{row.pattern}</span>{' '}
              <span class={row.granted ? 'state ok' : 'state warn'}>
                {row.granted ? 'Active' : 'Waiting for permission'}
              </span>
              <button type="button" class="secondary" onClick={() => void remove(row.pattern)}>
                Remove<span class="sr"> {row.pattern}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
