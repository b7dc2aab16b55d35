// @vitest-environment happy-dom
// The popup's logic with a fake browser: which record it starts from, what it prefills from the
// overlay's history, and what the downloaded JSON carries.
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../components/PopupApp';
import { emptyRecord } from '../../lib/analyze/types';
import type { SerializedRecord } from '../../lib/messaging/protocol';
import type { PopupAdapter } from '../../lib/popup/adapter';
import { loadContext, tabFromSearch } from '../../lib/popup/context';
import { draftFor, recordStateQuery } from '../../lib/popup/draft';
import { withScreenshot } from '../../lib/popup/outputs';
import { failingRecords, preselect } from '../../lib/popup/records';
import { defaultRulePack } from '../../lib/rules/default';

const MESSAGE = "Invalid Reference Id: Account 'Sales - M-Pesa' is not mapped in QuickBooks";

function rec(extra: Partial<SerializedRecord>): SerializedRecord {
  return {
    ...emptyRecord(),
    recordNumber: 'INV-1',
    recordType: 'invoice',
    connector: 'QuickBooks Online',
    status: 'failed',
    message: MESSAGE,
    messageType: 'mapping-missing',
    retryCount: 1,
    ...extra,
  };
}

function fakeAdapter(over: Partial<PopupAdapter> & { records?: SerializedRecord[] } = {}) {
  const downloads: { name: string; text: string }[] = [];
  const records = over.records ?? [rec({})];
  const adapter: PopupAdapter = {
    search: '?tab=7',
    userAgent: 'TestBrowser/1.0',
    now: () => Date.UTC(2026, 10, 26, 9, 0),
    activeTabId: async () => 3,
    askGate: async (tabId) => ({
      url: `https://acme.awraops.com/tab/${tabId}`,
      analysis: { page: 'sync-log', records },
    }),
    sendRuntime: async (message) => {
      const type = (message as { type: string }).type;
      if (type === 'escalation-list') return { available: true, items: [] };
      if (type === 'escalation-find-recent') return { available: true, item: null };
      if (type === 'escalation-record-state')
        return {
          available: true,
          retries: 3,
          checksTicked: ['read-message'],
          trigger: 'retry-limit-exceeded',
        };
      if (type === 'escalation-save') return { available: true, id: 1 };
      return undefined;
    },
    takePending: async () => null,
    copyText: async () => undefined,
    captureTab: async () => 'data:image/png;base64,iVBORw0KGgo=',
    download: (name, text) => downloads.push({ name, text }),
    ...over,
  };
  return { adapter, downloads };
}

describe('popup context', () => {
  it('reads ?tab= strictly', () => {
    expect(tabFromSearch('?tab=12')).toBe(12);
    for (const bad of ['', '?tab=', '?tab=0', '?tab=-1', '?tab=1e3', '?tab=12abc']) {
      expect(tabFromSearch(bad)).toBeNull();
    }
  });

  it('asks the ?tab= tab, else the active tab', async () => {
    const asked: number[] = [];
    const askGate = async (tabId: number) => {
      asked.push(tabId);
      return { url: 'u', analysis: { page: 'sync-log', records: [rec({})] } };
    };
    await loadContext(fakeAdapter({ askGate }).adapter, defaultRulePack);
    await loadContext(fakeAdapter({ askGate, search: '' }).adapter, defaultRulePack);
    expect(asked).toEqual([7, 3]);
  });

  it('a tab without a gate, or whose gate answers nonsense, is not a sync screen', async () => {
    for (const askGate of [
      async () => Promise.reject(new Error('Cannot access contents of the page')),
      async () => null,
      async () => ({ url: 'u', analysis: { page: 'sync-hub', records: 'all of them' } }),
      async () => ({ url: 'u', analysis: { page: null, records: [] } }),
    ]) {
      const ctx = await loadContext(fakeAdapter({ askGate }).adapter, defaultRulePack);
      expect(ctx).toMatchObject({ syncScreen: false, records: [] });
    }
  });

  it("preselects the overlay's record and keeps its trigger only for that record", async () => {
    const records = [rec({ recordNumber: 'INV-1' }), rec({ recordNumber: 'INV-2' })];
    const at = Date.UTC(2026, 10, 26, 8, 55);
    const pending = { recordNumber: 'inv-2', connector: null, trigger: 'connector-wide', at };
    const ctx = await loadContext(
      fakeAdapter({ records, takePending: async () => pending }).adapter,
      defaultRulePack,
    );
    expect(ctx.selected).toBe(1);
    expect(ctx.trigger).toBe('connector-wide');
    const gone = { ...pending, recordNumber: 'INV-9' };
    const other = await loadContext(
      fakeAdapter({ records, takePending: async () => gone }).adapter,
      defaultRulePack,
    );
    expect(other).toMatchObject({ selected: 0, trigger: null });
  });

  it("finds the overlay's record by its connector under any name the page gives it", async () => {
    // The overlay names connectors as history keys do: "SMTP email" for a row showing "Email".
    const records = [
      rec({ recordNumber: 'INV-1', connector: 'QBO' }),
      rec({ recordNumber: 'INV-1', connector: 'Email' }),
      rec({ recordNumber: 'INV-1', connector: 'QuickBooks Online', retryCount: 3 }),
    ];
    const at = Date.UTC(2026, 10, 26, 8, 55);
    const pending = {
      recordNumber: 'INV-1',
      connector: 'SMTP email',
      trigger: 'connector-wide',
      at,
    };
    const ctx = await loadContext(
      fakeAdapter({ records, takePending: async () => pending }).adapter,
      defaultRulePack,
    );
    // One QuickBooks record shown twice is one entry, its latest attempt.
    expect(ctx.records.map((r) => [r.connector, r.retryCount])).toEqual([
      ['QuickBooks Online', 3],
      ['Email', 1],
    ]);
    expect(ctx).toMatchObject({ selected: 1, trigger: 'connector-wide' });
  });

  it('else starts from the record last expanded or acted on; a stale pending pick is ignored', async () => {
    const records = [rec({ recordNumber: 'INV-1' }), rec({ recordNumber: 'INV-2' })];
    const askGate = async () => ({
      url: 'u',
      analysis: { page: 'sync-hub', records },
      lastTouched: { connector: 'QuickBooks Online', recordNumber: 'INV-2' },
    });
    const stale = { recordNumber: 'INV-1', connector: null, trigger: 'connector-wide', at: 1 };
    const ctx = await loadContext(
      fakeAdapter({ records, askGate, takePending: async () => stale }).adapter,
      defaultRulePack,
    );
    expect(ctx).toMatchObject({ selected: 1, trigger: null });
  });

  it('lists a record once, at its latest attempt, and skips the ones that synced', () => {
    const records = [
      rec({ retryCount: 0, syncRun: 'SR-1' }),
      rec({ recordNumber: 'INV-2', status: 'succeeded', messageType: null }),
      rec({ retryCount: 2, syncRun: 'SR-3' }),
      rec({ retryCount: 1, syncRun: 'SR-2' }),
    ];
    expect(failingRecords(records, defaultRulePack).map((r) => r.syncRun)).toEqual(['SR-3']);
    expect(preselect(failingRecords(records, defaultRulePack), null, defaultRulePack)).toBe(0);
  });
});

describe('popup draft', () => {
  it("takes the larger retry count and the overlay's ticked checks", async () => {
    const { adapter } = fakeAdapter();
    const ctx = await loadContext(adapter, defaultRulePack);
    expect(recordStateQuery(ctx, 0, defaultRulePack)).toEqual({
      type: 'escalation-record-state',
      // The overlay's history is the tab's site's.
      site: 'https://acme.awraops.com',
      connector: 'QuickBooks Online',
      recordNumber: 'INV-1',
      // What the page shows, for the background to name the trigger the overlay's card would.
      shown: {
        status: 'failed',
        message: MESSAGE,
        messageType: 'mapping-missing',
        retryCount: 1,
        pageFailures: 1,
      },
    });
    const draft = draftFor(ctx, 0, adapter, { retries: 3, checksTicked: ['read-message'] });
    expect(draft).toMatchObject({
      retryCount: 3,
      checksTicked: ['read-message'],
      message: MESSAGE,
    });
    expect(draftFor(ctx, 0, adapter, { retries: 0, checksTicked: [] }).retryCount).toBe(1);
  });
  it.each([null, 'file:///tmp/sync-hub.html', 'u'])(
    'asks no record state for a tab whose URL is %j (no AWRA site)',
    async (url) => {
      const { adapter } = fakeAdapter();
      const ctx = await loadContext(adapter, defaultRulePack);
      expect(recordStateQuery({ ...ctx, url }, 0, defaultRulePack)).toBeNull();
    },
  );

  it("takes the trigger the overlay's card would name, unless the overlay chose one", async () => {
    const { adapter } = fakeAdapter();
    const ctx = await loadContext(adapter, defaultRulePack);
    const state = { retries: 0, checksTicked: [], trigger: 'retry-limit-exceeded' };
    expect(draftFor(ctx, 0, adapter, state).trigger).toBe('retry-limit-exceeded');
    expect(draftFor({ ...ctx, trigger: 'connector-wide' }, 0, adapter, state).trigger).toBe(
      'connector-wide',
    );
    expect(draftFor(ctx, 0, adapter, { ...state, trigger: null }).trigger).toBeNull();
  });

  it('a blank form asks nothing of the background', async () => {
    const ctx = await loadContext(
      fakeAdapter({ askGate: async () => undefined }).adapter,
      defaultRulePack,
    );
    expect(recordStateQuery(ctx, 0, defaultRulePack)).toBeNull();
    expect(draftFor(ctx, 0, fakeAdapter().adapter)).toMatchObject({
      recordNumber: null,
      message: null,
      browser: 'TestBrowser/1.0',
    });
  });

  it('puts the screenshot beside the escalation in the JSON', () => {
    const json = withScreenshot(
      '{"format":"x","escalation":{"a":1}}',
      'data:image/png;base64,AA',
      0,
    );
    expect(JSON.parse(json)).toEqual({
      format: 'x',
      escalation: { a: 1 },
      screenshot: {
        format: 'png',
        capturedAt: '1970-01-01T00:00:00.000Z',
        dataUrl: 'data:image/png;base64,AA',
      },
    });
  });
});

describe('popup form (rendered)', () => {
  const root = () => document.body.querySelector('#app')!;
  afterEach(() => {
    render(null, root());
    document.body.innerHTML = '';
  });

  async function mount(adapter: PopupAdapter) {
    document.body.innerHTML = '<div id="app"></div>';
    render(<PopupApp adapter={adapter} pack={defaultRulePack} />, root());
    await vi.waitFor(() => expect(document.querySelector('#f-recordNumber')).not.toBeNull());
  }
  const input = (id: string) => document.getElementById(id) as HTMLInputElement;
  const button = (words: string) =>
    [...document.querySelectorAll('button')].find((b) => b.textContent?.startsWith(words))!;
  /** Types a value and waits for the preview to show it (a user sees it before clicking on). */
  async function fill(id: string, value: string) {
    input(id).value = value;
    input(id).dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() =>
      expect(document.querySelector('#preview')?.textContent).toContain(value),
    );
  }

  it('prefills from the page and the overlay, then downloads the JSON with the screenshot', async () => {
    const { adapter, downloads } = fakeAdapter();
    await mount(adapter);
    expect(input('f-recordNumber').value).toBe('INV-1');
    await vi.waitFor(() => expect(input('f-retryCount').value).toBe('3'));
    expect((document.querySelector('#f-trigger') as HTMLSelectElement).value).toBe(
      'retry-limit-exceeded',
    );
    // Shown in full under the select, which the narrow popup cuts.
    expect(document.querySelector('#f-trigger-text')?.textContent).toBe(
      defaultRulePack.escalation.triggers.find((t) => t.id === 'retry-limit-exceeded')!.text,
    );
    expect(document.querySelector('#checks-done')?.textContent).toContain(
      defaultRulePack.firstChecks.find((c) => c.id === 'read-message')!.text,
    );
    await fill('f-expectedResult', 'The invoice posts');
    input('f-screenshot').click();
    await vi.waitFor(() => expect(input('f-screenshot').checked).toBe(true));
    button('Download JSON').click();
    await vi.waitFor(() => expect(downloads).toHaveLength(1));
    const file = JSON.parse(downloads[0]!.text);
    expect(file.escalation).toMatchObject({
      recordNumber: 'INV-1',
      expectedResult: 'The invoice posts',
    });
    expect(file.screenshot.dataUrl).toBe('data:image/png;base64,iVBORw0KGgo=');
    await vi.waitFor(() =>
      expect(document.querySelector('#output-status')?.textContent).toBe(
        'JSON downloaded and saved to history.',
      ),
    );
  });

  it('a record picked while the one before still loads is the one the form shows', async () => {
    let releaseFirst = () => {};
    let first = true;
    const { adapter } = fakeAdapter({
      records: [rec({ recordNumber: 'INV-1' }), rec({ recordNumber: 'INV-2', retryCount: 0 })],
      sendRuntime: async (message) => {
        const type = (message as { type: string }).type;
        if (type === 'escalation-record-state' && first) {
          first = false; // the opening record's answer comes late
          await new Promise<void>((ok) => (releaseFirst = ok));
        }
        if (type === 'escalation-list') return { available: true, items: [] };
        if (type === 'escalation-find-recent') return { available: true, item: null };
        if (type === 'escalation-record-state')
          return { available: true, retries: 0, checksTicked: [], trigger: null };
        return undefined;
      },
    });
    document.body.innerHTML = '<div id="app"></div>';
    render(<PopupApp adapter={adapter} pack={defaultRulePack} />, root());
    const picker = await vi.waitFor(() => {
      const el = document.querySelector<HTMLSelectElement>('#record-picker');
      expect(el).not.toBeNull();
      return el!;
    });
    picker.value = '1';
    picker.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(input('f-recordNumber')?.value).toBe('INV-2'));
    releaseFirst();
    await new Promise((ok) => setTimeout(ok, 50));
    expect(input('f-recordNumber').value).toBe('INV-2');
    expect(picker.value).toBe('1');
  });

  it('says when history is unavailable, and still copies', async () => {
    const copied: string[] = [];
    const { adapter } = fakeAdapter({
      sendRuntime: async () => ({ available: false, reason: 'IndexedDB is unavailable' }),
      copyText: async (text) => void copied.push(text),
    });
    await mount(adapter);
    await fill('f-expectedResult', 'The invoice posts');
    button('Copy as text').click();
    await vi.waitFor(() =>
      expect(document.querySelector('#output-status')?.textContent).toBe(
        'Copied as text; history is unavailable.',
      ),
    );
    expect(copied[0]).toContain(MESSAGE);
    expect(document.querySelector('#history')?.textContent).toContain('History is unavailable.');
  });
});
