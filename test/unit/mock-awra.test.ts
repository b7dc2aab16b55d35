// @vitest-environment node
import { Window } from 'happy-dom';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockAwra, type MockAwra } from '../mock-awra/server';

let app: MockAwra;
const win = new Window();

beforeAll(async () => {
  app = await startMockAwra({ port: 0 });
});
afterAll(async () => {
  await app.close();
  await win.happyDOM.close();
});
beforeEach(() => app.reset());

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(app.url + path, { headers });
  return { res, text: await res.text() };
}

async function dom(path: string) {
  const { res, text } = await get(path);
  expect(res.status).toBe(200);
  return new win.DOMParser().parseFromString(text, 'text/html');
}

async function post(path: string, body: unknown) {
  const res = await fetch(app.url + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const retry = async (record: string) => (await post('/api/retry', { record })).body;

const SCREENS = [
  '/',
  '/sync-hub',
  '/qbo-sync',
  '/qbo-sync/INV-20417',
  '/integrations',
  '/invoices',
  '/invoices/INV-20417',
  '/payments',
  '/payments/PAY-8821',
  '/bills',
  '/bills/BILL-3107',
  '/customers',
  '/customers/CUS-1044',
  '/admin/mappings',
  '/settings',
];

describe('mock AWRA screens', () => {
  it.each(SCREENS)('%s renders with the app chrome', async (path) => {
    const { res, text } = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const doc = new win.DOMParser().parseFromString(text, 'text/html');
    expect(doc.querySelector('header')?.textContent).toContain('AWRA OpsHub');
    expect(doc.querySelector('header .user-role')?.textContent).toBe('Finance User');
    expect(doc.querySelector('header .user-branch')?.textContent).toBe('Nairobi HQ');
    const nav = doc.querySelector('nav[aria-label="Main"]');
    const links = [...(nav?.querySelectorAll('a') ?? [])].map((a) => a.textContent);
    expect(links).toEqual([
      'Dashboard',
      'Sales (Invoices)',
      'Payments',
      'Procurement (Bills)',
      'Customers',
      'Sync Hub',
      'QBO Sync',
      'Integrations',
      'Settings',
    ]);
    expect(doc.querySelector('nav[aria-label="Breadcrumb"] [aria-current="page"]')).not.toBeNull();
    expect(doc.querySelector('footer')?.textContent).toContain(
      'Having sync trouble? Open Sync Hub',
    );
    expect(doc.querySelectorAll('main')).toHaveLength(1);
  });

  it('dashboard only mentions Sync Hub', async () => {
    const doc = await dom('/');
    const main = doc.querySelector('main');
    expect(main?.textContent).toContain('Recent activity');
    expect(main?.querySelector('a[href="/sync-hub"]')?.textContent).toBe('Open Sync Hub');
    expect(main?.querySelector('table, [role=grid], [role=alert], button')).toBeNull();
  });

  it('Sync Hub: table with thead columns, Retry per failed row, filters', async () => {
    const doc = await dom('/sync-hub');
    const heads = [...doc.querySelectorAll('main table thead th')].map((th) => th.textContent);
    expect(heads.slice(0, 8)).toEqual([
      'Record',
      'Type',
      'Connector',
      'Sync run',
      'Status',
      'Message',
      'Retries',
      'Last attempt',
    ]);
    const rows = [...doc.querySelectorAll('main tbody tr')];
    expect(rows.length).toBe(app.state.items.size);
    const failed = rows.filter((r) => r.textContent?.includes('Failed'));
    expect(failed.length).toBeGreaterThanOrEqual(5);
    for (const r of failed) expect(r.querySelector('button')?.textContent).toBe('Retry');
    const qboFailed = failed.filter((r) => r.textContent?.includes('QuickBooks Online'));
    expect(qboFailed.length).toBeGreaterThanOrEqual(5);

    const mpesa = await dom('/sync-hub?connector=mpesa');
    const cells = [...mpesa.querySelectorAll('main tbody tr td:nth-child(3)')];
    expect(cells.length).toBe(4);
    expect(new Set(cells.map((c) => c.textContent))).toEqual(new Set(['M-Pesa (Daraja)']));
    const search = await dom('/sync-hub?q=inv-20417');
    expect(search.querySelectorAll('main tbody tr')).toHaveLength(1);
    const failedOnly = await dom('/sync-hub?status=failed&connector=qbo');
    expect(failedOnly.querySelectorAll('main tbody tr').length).toBe(qboFailed.length);
    expect(failedOnly.querySelector('select[name=status] option[selected]')?.textContent).toBe(
      'Failed',
    );
  });

  it('Sync Hub ?rows=5000 renders 5000 deterministic rows', async () => {
    const a = await get('/sync-hub?rows=5000');
    const b = await get('/sync-hub?rows=5000');
    expect(a.text).toBe(b.text);
    expect(a.text.match(/<tr data-live="row:/g)).toHaveLength(5000);
    const statuses = new Set([...a.text.matchAll(/status-current">([^<]+)</g)].map((m) => m[1]));
    expect(statuses).toContain('Failed');
    expect(statuses).toContain('Succeeded');
    expect(statuses).toContain('Pending');
    const started = Date.now();
    const big = await get('/sync-hub?rows=20000');
    expect(big.text.match(/<tr data-live="row:/g)).toHaveLength(20000);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('QBO Sync: ARIA grid list and a detail page with dl and alert', async () => {
    const doc = await dom('/qbo-sync');
    const grid = doc.querySelector('main [role=grid]');
    const heads = [...(grid?.querySelectorAll('[role=columnheader]') ?? [])].map(
      (h) => h.textContent,
    );
    expect(heads.slice(0, 7)).toEqual([
      'Document',
      'Doc type',
      'Run',
      'QuickBooks status',
      'QuickBooks message',
      'Attempts',
      'When',
    ]);
    expect(grid?.querySelectorAll('[role=row]').length).toBeGreaterThan(10);
    expect(grid?.textContent).toContain('Rejected');
    expect(doc.querySelector('main table')).toBeNull();

    const detail = await dom('/qbo-sync/INV-20417');
    const alert = detail.querySelector('main [role=alert]');
    expect(alert?.textContent).toContain("Account 'Sales - M-Pesa' is not mapped in QuickBooks");
    expect(alert?.querySelector('button')?.textContent).toBe('Retry sync');
    const dts = [...detail.querySelectorAll('main dl dt')].map((d) => d.textContent);
    expect(dts).toEqual(
      expect.arrayContaining(['Document', 'Run', 'QuickBooks status', 'Attempts']),
    );
    expect((await get('/qbo-sync/PAY-8821')).res.status).toBe(404);
  });

  it('Integrations: connector cards and a delivery log with th cells in tbody', async () => {
    const doc = await dom('/integrations');
    const names = [...doc.querySelectorAll('main article h3')].map((h) => h.textContent);
    expect(names).toEqual([
      'QuickBooks Online',
      'Paystack',
      'M-Pesa (Daraja)',
      'SMTP email',
      'SMS gateway',
      'Webhooks',
    ]);
    const mpesa = doc.querySelector('article[data-live="connector:mpesa"]');
    expect(mpesa?.textContent).toContain('Re-authorization required');
    expect(mpesa?.querySelector('button')?.textContent).toBe('Reconnect');
    const table = doc.querySelector('#webhook-deliveries table');
    expect(table?.querySelector('thead')).toBeNull();
    const first = table?.querySelector('tbody tr');
    expect(
      [...(first?.querySelectorAll('th') ?? [])].map((t) => t.textContent).slice(0, 7),
    ).toEqual(['Delivery', 'Event', 'Endpoint', 'Response', 'Result', 'Attempts', 'Sent at']);
    const resend = [...(table?.querySelectorAll('button') ?? [])].map((b) => b.textContent);
    expect(resend).toEqual(['Resend', 'Resend']);
  });

  it('record pages: form controls, label/value spans, sync logs, one page without a log', async () => {
    const inv = await dom('/invoices/INV-20417');
    expect(inv.querySelector('main h1')?.textContent).toBe('Invoice INV-20417');
    const label = inv.querySelector('label[for="f-customer"]');
    expect(label?.textContent).toBe('Customer');
    expect(inv.querySelector('#f-customer')?.getAttribute('value')).toBe('Kilimo Fresh Ltd');
    expect(inv.querySelector('#f-customer')?.hasAttribute('readonly')).toBe(true);
    expect(inv.querySelector('select#f-status option[selected]')?.textContent).toBe('Posted');
    expect(inv.querySelectorAll('main .sync-log ol li')).toHaveLength(2);

    const draft = await dom('/invoices/INV-20422');
    expect(draft.querySelector('select#f-status option[selected]')?.textContent).toBe('Draft');
    expect(draft.querySelector('.sync-log')?.textContent).toContain(
      'Invoice INV-20422 is still a draft and cannot be synced',
    );

    const pay = await dom('/payments/PAY-8821');
    expect(pay.querySelector('main input')).toBeNull();
    expect(pay.querySelectorAll('main .sync-log ul li')).toHaveLength(3);
    expect(pay.querySelector('main .sync-log')?.textContent).toContain(
      'AuthenticationFailed: Token expired (401)',
    );

    const cus = await dom('/customers/CUS-1044');
    expect(cus.querySelector('main h1')?.textContent).toBe('Customer CUS-1044');
    expect(cus.querySelector('main')?.textContent).not.toContain('Sync log');
    expect((await get('/invoices/INV-99999')).res.status).toBe(404);
  });

  it('seed covers every message type', () => {
    const scenarios = new Set([...app.state.items.values()].map((it) => it.scenario));
    for (const type of [
      'missing-required-field',
      'mapping-missing',
      'authorization-failed',
      'duplicate-detected',
      'temporary-provider-issue',
      'not-ready',
      'unknown',
    ]) {
      expect(scenarios).toContain(type);
    }
  });
});

describe('hostile text', () => {
  it('is escaped everywhere it appears', async () => {
    for (const path of [
      '/sync-hub',
      '/qbo-sync',
      '/qbo-sync/BILL-3112',
      '/bills/BILL-3112',
      '/integrations',
    ]) {
      const { text } = await get(path);
      expect(text).not.toContain('<img src=x');
      expect(text).not.toContain('<script>alert');
    }
    const { text } = await get('/bills/BILL-3112');
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const doc = await dom('/integrations');
    expect(doc.querySelector('#webhook-deliveries')?.textContent).toContain(
      '<script>alert("dlv-7742")</script>',
    );
    expect(doc.querySelector('#webhook-deliveries script, main img')).toBeNull();
  });
});

describe('partial responses', () => {
  it('X-Partial returns only the main content and title as JSON', async () => {
    const { res, text } = await get('/sync-hub?connector=qbo', { 'X-Partial': '1' });
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const data = JSON.parse(text) as {
      title: string;
      html: string;
      breadcrumb: string;
      section: string;
    };
    expect(data.title).toBe('Sync Hub · AWRA OpsHub');
    expect(data.section).toBe('sync-hub');
    expect(data.html).toContain('<table');
    expect(data.html).not.toContain('<header');
    expect(data.html).not.toContain('aria-label="Main"');
    expect(data.breadcrumb).toContain('Sync Hub');
  });

  it('assets and API answers carry a charset and no-store', async () => {
    for (const path of ['/app.js', '/app.css', '/favicon.svg', '/api/records/INV-20417', '/nope']) {
      const { res } = await get(path);
      expect(res.headers.get('content-type')).toMatch(/; charset=utf-8$/);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    expect((await get('/nope')).res.status).toBe(404);
  });
});

describe('retry state machine', () => {
  it('a mapping problem stays failed until the mapping is fixed', async () => {
    const before = app.state.find('INV-20417');
    const first = await retry('INV-20417');
    expect(first).toMatchObject({ ok: true, status: 'failed', retries: 2 });
    expect(first.message).toBe(before?.message);
    expect(first.lastAttempt).not.toBe('2026-11-18 08:41');
    const second = await retry('INV-20417');
    expect(second).toMatchObject({ status: 'failed', retries: 3, message: first.message });

    const fix = await post('/api/mappings/fix', { mapping: 'MAP-ACC-01' });
    expect(fix.status).toBe(200);
    const doc = await dom('/admin/mappings');
    expect(doc.querySelector('tr[data-live="mapping:MAP-ACC-01"]')?.textContent).toContain(
      'Linked',
    );
    const third = await retry('INV-20417');
    expect(third).toMatchObject({ status: 'succeeded', retries: 4 });
    const page = await dom('/invoices/INV-20417');
    expect(page.querySelectorAll('.sync-log ol li')).toHaveLength(5);
  });

  it('a temporary provider issue clears on the second retry', async () => {
    expect(await retry('INV-20430')).toMatchObject({ status: 'failed' });
    expect(await retry('INV-20430')).toMatchObject({ status: 'succeeded' });
    expect(await retry('PAY-8815')).toMatchObject({ status: 'failed' });
    expect(await retry('PAY-8815')).toMatchObject({ status: 'succeeded' });
  });

  it('duplicates and missing fields stay failed', async () => {
    for (let i = 0; i < 3; i++) {
      expect(await retry('INV-20391')).toMatchObject({ status: 'failed' });
      expect(await retry('INV-20418')).toMatchObject({ status: 'failed' });
    }
    expect(app.state.find('INV-20391')?.message).toContain(
      'Duplicate Document Number Error (6140)',
    );
  });

  it('authorization stays failed until the connector is reconnected', async () => {
    expect(await retry('PAY-8821')).toMatchObject({ status: 'failed' });
    expect((await post('/api/reconnect', { connector: 'mpesa' })).status).toBe(200);
    expect(await retry('PAY-8821')).toMatchObject({ status: 'succeeded' });
    const doc = await dom('/integrations');
    expect(doc.querySelector('article[data-live="connector:mpesa"]')?.textContent).toContain(
      'Connected',
    );
  });

  it('a draft stays blocked until it is posted', async () => {
    expect(await retry('INV-20422')).toMatchObject({ status: 'needs-attention' });
    await post('/api/post-record', { record: 'INV-20422' });
    expect(await retry('INV-20422')).toMatchObject({ status: 'succeeded' });
  });

  it('generated rows retry too, and reset restores the seed', async () => {
    const doc = await dom('/sync-hub?rows=200&status=failed');
    const record = doc.querySelector('main tbody tr')?.getAttribute('data-record') ?? '';
    expect(record).not.toBe('');
    const out = await retry(record);
    expect(out.ok).toBe(true);
    expect(out.retries).toBe(
      Number(doc.querySelector('main tbody tr td:nth-child(7)')?.textContent) + 1,
    );
    expect((await post('/api/retry', { record: 'INV-00000' })).status).toBe(404);
    app.reset();
    expect(app.state.find('INV-20417')?.retries).toBe(1);
    expect(app.state.overrides.size).toBe(0);
  });

  it('fragment returns one row in the markup of each list', async () => {
    const hub = JSON.parse((await get('/api/fragment?record=INV-20417&view=hub')).text) as {
      html: string;
    };
    expect(hub.html).toMatch(/^<tr data-live="row:INV-20417"/);
    const qbo = JSON.parse((await get('/api/fragment?record=INV-20417&view=qbo&index=5')).text) as {
      html: string;
    };
    expect(qbo.html).toContain('role="row"');
    expect(qbo.html).toContain('aria-rowindex="5"');
    const dlv = JSON.parse((await get('/api/fragment?record=DLV-7742&view=delivery')).text) as {
      html: string;
    };
    expect(dlv.html).toContain('Resend');
    expect(dlv.html).not.toContain('<script>');
  });

  it('mutate changes one row and returns its new markup', async () => {
    const { body } = await post('/api/mutate', { query: '?rows=1000' });
    expect(body.ok).toBe(true);
    expect(String(body.html)).toMatch(/^<tr data-live="row:/);
    const after = await get(`/api/records/${String(body.record)}`);
    expect(JSON.parse(after.text)).toMatchObject({ status: body.status });
  });
});
