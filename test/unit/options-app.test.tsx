// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '../../components/OptionsApp';
import type { OptionsAdapter } from '../../lib/options/adapter';
import { defaultRulePack } from '../../lib/rules/default';
import type { RulePack } from '../../lib/rules/schema';

/** An options adapter over in-memory storage; `writes` records every saved pack. */
function fakeAdapter(stored: RulePack | null = null) {
  let pack: unknown = stored;
  const listeners = new Set<() => void>();
  const writes: unknown[] = [];
  const adapter: OptionsAdapter = {
    settings: {
      read: async () => ({ stored: pack, storedRole: null, managed: {} }),
      onChange: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    requestHost: async () => true,
    hasHost: async () => true,
    removeHost: async () => true,
    readSites: async () => [],
    writeSites: async () => {},
    writePack: async (next) => {
      pack = next;
      writes.push(next);
      listeners.forEach((l) => l());
    },
    writeRole: async () => {},
    confirm: () => true,
    download: () => {},
  };
  return { adapter, writes };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((ok) => setTimeout(ok, 0));
};
const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

function input(selector: string, value: string) {
  const el = root.querySelector<HTMLInputElement>(selector)!;
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}
const button = (words: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.startsWith(words))!;

/** Renders the page over `adapter`, sets the connector alert's threshold and clicks Save. */
async function saveThreshold(adapter: OptionsAdapter, value: string) {
  render(<OptionsApp adapter={adapter} defaults={defaultRulePack} />, root);
  await flush();
  input('#threshold', value);
  await flush();
  button('Save changes').click();
  await flush();
}

describe('the options page saves only a valid pack', () => {
  it('lists the problems and writes nothing when the edited pack is invalid', async () => {
    const { adapter, writes } = fakeAdapter();
    render(<OptionsApp adapter={adapter} defaults={defaultRulePack} />, root);
    await flush();
    input('#threshold', '');
    input('#support-url', 'help desk');
    await flush();
    expect(root.querySelector('#save-status')?.textContent).toContain('unsaved changes');
    button('Save changes').click();
    await flush();
    const errors = root.querySelector('#save-errors')?.textContent ?? '';
    expect(errors).toContain('escalation.connectorFailureThreshold:');
    expect(errors).toContain('support.url:');
    expect(writes).toEqual([]);
    // The edits are still there to fix.
    expect(root.querySelector<HTMLInputElement>('#support-url')!.value).toBe('help desk');
  });

  it('writes a valid edit with the next revision and shows it saved', async () => {
    const { adapter, writes } = fakeAdapter();
    await saveThreshold(adapter, '8');
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({
      revision: defaultRulePack.revision + 1,
      escalation: { connectorFailureThreshold: 8 },
    });
    expect(root.querySelector('#save-status')?.textContent).toContain('Saved revision 2.');
    expect(root.querySelector('#save-status')?.textContent).not.toContain('unsaved');
  });

  it("saves a field's preferred labels: a new status wording is an edit on this page", async () => {
    const { adapter, writes } = fakeAdapter();
    render(<OptionsApp adapter={adapter} defaults={defaultRulePack} />, root);
    await flush();
    const field = root.querySelector<HTMLSelectElement>('#field-name')!;
    field.value = 'status';
    field.dispatchEvent(new Event('change', { bubbles: true }));
    await flush();
    const preferred = root.querySelector<HTMLTextAreaElement>('#field-preferred-labels')!;
    expect(preferred.value.split('\n')).toContain('sync status');
    input('#field-preferred-labels', `${preferred.value}\nXero status\n`);
    await flush();
    button('Save changes').click();
    await flush();
    const saved = writes[0] as RulePack;
    expect(saved.fields.status.preferredLabels).toEqual([
      ...defaultRulePack.fields.status.preferredLabels,
      'Xero status',
    ]);
  });

  it("saves a connector's other names", async () => {
    const { adapter, writes } = fakeAdapter();
    render(<OptionsApp adapter={adapter} defaults={defaultRulePack} />, root);
    await flush();
    const names = root.querySelector<HTMLTextAreaElement>('#connector-names')!;
    input('#connector-names', `${names.value}\nAcme Pay = AcmePay, Acme\nXero`);
    await flush();
    expect(root.querySelector('#connector-names-problem')?.textContent).toMatch(
      /^Line \d+ is left out/,
    );
    button('Save changes').click();
    await flush();
    expect((writes[0] as RulePack).connectorAliases).toEqual([
      ...defaultRulePack.connectorAliases,
      { connector: 'Acme Pay', aliases: ['AcmePay', 'Acme'] },
    ]);
  });

  it('says when the browser refuses to store, and keeps the edit and the pasted pack', async () => {
    const { adapter, writes } = fakeAdapter();
    adapter.writePack = async () => {
      throw new Error('QuotaExceededError');
    };
    await saveThreshold(adapter, '8');
    expect(root.querySelector('#save-status')?.textContent).toContain(
      'Not saved: the browser could not store the rules (QuotaExceededError)',
    );
    expect(root.querySelector<HTMLInputElement>('#threshold')!.value).toBe('8');
    const pasted = JSON.stringify({ ...defaultRulePack, name: 'Acme' });
    input('#import-text', pasted);
    await flush();
    button('Import pasted JSON').click();
    await flush();
    expect(root.querySelector<HTMLTextAreaElement>('#import-text')!.value).toBe(pasted);
    expect(writes).toEqual([]);
  });
});
