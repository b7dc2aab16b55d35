import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../lib/analyze';
import { parseHtml } from '../../lib/cli/html';
import { defaultRulePack } from '../../lib/rules/default';
import { parseRulePack } from '../../lib/rules/load';
import type { RulePack } from '../../lib/rules/schema';

const page = (main: string, title = 'AWRA OpsHub') =>
  `<!doctype html><html><head><title>${title}</title></head><body>
  <nav><a href="/sync-hub">Sync Hub</a> <a href="/qbo-sync">QBO Sync</a> <a href="/integrations">Integrations</a></nav>
  <main>${main}</main><footer>Having sync trouble? Open Sync Hub.</footer></body></html>`;
const analyze = (html: string, url: string | null = null) =>
  analyzeDocument(parseHtml(html, url), url, defaultRulePack);

const hubTable = (rows: string) =>
  `<h1>Sync Hub</h1><table><thead><tr><th>Record</th><th>Connector</th><th>Status</th><th>Message</th><th>Retries</th></tr></thead><tbody>${rows}</tbody></table>`;

describe('analyzeDocument', () => {
  it('caps a huge message at the pack limit and still classifies it', () => {
    const huge = `Invalid Reference Id: Account 'Sales' is not mapped. ${'x'.repeat(50_000)}`;
    const analysis = analyze(
      page(
        hubTable(
          `<tr><td>INV-1</td><td>QuickBooks Online</td><td>Failed</td><td>${huge}</td><td>1</td></tr>`,
        ),
      ),
    );
    const message = analysis.records[0]!.message!;
    expect(message.length).toBeLessThanOrEqual(defaultRulePack.maxMessageLength + 1);
    expect(analysis.records[0]!.messageType).toBe('mapping-missing');
  });

  it('reads an attempt number as one retry fewer, a retry count as it is, on every row', () => {
    const table = (label: string) =>
      `<h1>Sync Hub</h1><table><thead><tr><th>Record</th><th>Connector</th><th>Status</th><th>Message</th><th>${label}</th></tr></thead><tbody>${[
        1, 2, 3, 2,
      ]
        .map(
          (n) =>
            `<tr><td>INV-${n}</td><td>QuickBooks Online</td><td>Failed</td><td>Timeout</td><td>${n}</td></tr>`,
        )
        .join('')}</tbody></table>`;
    const counts = (label: string) =>
      analyze(page(table(label))).records.map((record) => record.retryCount);
    expect(counts('Attempt #')).toEqual([0, 1, 2, 1]);
    expect(counts('Attempt')).toEqual([0, 1, 2, 1]);
    expect(counts('Retries')).toEqual([1, 2, 3, 2]);
    // The same words in the value when the label says nothing of them.
    const inValue = analyze(
      page(
        hubTable(
          '<tr><td>INV-9</td><td>QuickBooks Online</td><td>Failed</td><td>Timeout</td><td>Attempt 3</td></tr>',
        ),
      ),
    );
    expect(inValue.records[0]!.retryCount).toBe(3);
  });

  it('reads page text as text: markup inside a message stays characters', () => {
    const analysis = analyze(
      page(
        hubTable(
          '<tr><td>INV-2</td><td>QuickBooks Online</td><td>Failed</td><td>&lt;img src=x onerror=alert(1)&gt; rejected</td><td>0</td></tr>',
        ),
      ),
    );
    expect(analysis.records[0]!.message).toBe('<img src=x onerror=alert(1)> rejected');
  });

  it('drops direction marks around values, so a record keeps the number its own page shows', () => {
    const analysis = analyze(
      page(
        hubTable(
          '<tr><td>\u2066INV-20417\u2069</td><td>\u200eQuickBooks Online\u200e</td><td>\u2067Failed\u2069</td><td>Customer is missing</td><td>1</td></tr>',
        ),
      ),
    );
    const [record] = analysis.records;
    expect(record).toMatchObject({
      recordNumber: 'INV-20417',
      recordType: 'invoice',
      connector: 'QuickBooks Online',
      status: 'failed',
    });
  });

  it('takes the connector from a section heading by its known name, a card title whole', () => {
    const record = (heading: string) =>
      analyze(
        page(
          `<h1>Invoice INV-20417</h1><section><h2>${heading}</h2><dl><dt>Sync status</dt><dd>Failed</dd><dt>Message</dt><dd>Customer is missing</dd><dt>Retries</dt><dd>1</dd></dl></section>`,
        ),
        'https://erp.example/finance/invoices/INV-20417',
      ).records[0]!;
    expect(record('QuickBooks Online sync history').connector).toBe('QuickBooks Online');
    expect(record('QuickBooks sync').connector).toBe('QuickBooks');
    expect(record('M-Pesa (Daraja)').connector).toBe('M-Pesa (Daraja)');
  });

  it("keeps screen-reader hints out of a log entry's message", () => {
    const analysis = analyze(
      page(
        `<h1>Invoice INV-20417</h1><h2>Sync log</h2><ul class="log">
        <li><span class="chip">Failed</span> <time>2026-11-18 08:54</time> <p class="msg">Customer is missing <span class="sr-only">(error, press R to retry)</span></p></li>
        <li><span class="chip">Failed</span> <time>2026-11-18 09:10</time> <p class="msg">Account 'Sales' is not mapped <span class="cdk-visually-hidden">(icon)</span></p></li>
        </ul>`,
      ),
      'https://erp.example/finance/invoices/INV-20417',
    );
    expect(analysis.records.map((r) => r.message).sort()).toEqual([
      "Account 'Sales' is not mapped",
      'Customer is missing',
    ]);
  });

  it('reads a folded <details> too: it may hold the only message (shown on a click)', () => {
    const analysis = analyze(
      page(
        `<h1>QBO Sync · INV-20417</h1><dl><dt>Status</dt><dd>Failed</dd><dt>Connector</dt><dd>QuickBooks Online</dd></dl><details><summary>Error details</summary><p>Account 'Sales' is not mapped</p></details>`,
      ),
      'https://erp.example/qbo-sync/INV-20417',
    );
    expect(analysis.records[0]).toMatchObject({ status: 'failed', messageType: 'mapping-missing' });
  });

  it('takes the sync status over the document status beside it', () => {
    const table = analyze(
      page(
        `<h1>Sync Hub</h1><table><thead><tr><th>Record</th><th>Status</th><th>Sync status</th><th>Message</th><th>Retries</th></tr></thead>
        <tbody><tr><td>POS-88213</td><td>Completed</td><td>Failed</td><td>Customer is missing</td><td>1</td></tr></tbody></table>`,
      ),
    );
    expect(table.records[0]).toMatchObject({ recordNumber: 'POS-88213', status: 'failed' });
    const detail = analyze(
      page(
        `<h1>QBO Sync</h1><dl><dt>Invoice</dt><dd>INV-20417</dd><dt>Status</dt><dd>Completed</dd><dt>QuickBooks status</dt><dd>Rejected</dd><dt>Message</dt><dd>Customer is missing</dd></dl>`,
      ),
      'https://erp.example/qbo-sync/INV-20417',
    );
    expect(detail.records[0]).toMatchObject({ recordNumber: 'INV-20417', status: 'failed' });
  });

  it('reads the record from a page title above <main>, and a record page with a provider card is its sync log', () => {
    const html = `<!doctype html><html><head><title>Invoice INV-20417 · AWRA</title></head><body>
      <nav><a href="/sync-hub">Sync Hub</a></nav>
      <div class="page-header"><h1>Invoice INV-20417</h1></div>
      <main><section><h2>Sync log</h2><table><thead><tr><th>When</th><th>Status</th><th>Message</th><th>Retries</th></tr></thead>
      <tbody><tr><td>2026-11-18 08:54</td><td>Failed</td><td>Customer is missing</td><td>1</td></tr></tbody></table></section></main></body></html>`;
    const analysis = analyze(html, 'https://erp.example/sales/invoices/INV-20417');
    expect(analysis.page).toBe('sync-log');
    expect(analysis.records[0]).toMatchObject({ recordNumber: 'INV-20417', recordType: 'invoice' });

    const payment = analyze(
      page(
        `<h1>Payment PAY-8816</h1><article class="card"><h3>Paystack</h3><dl><dt>Status</dt><dd>Failed</dd><dt>Message</dt><dd>Gateway timeout</dd><dt>Retries</dt><dd>0</dd></dl></article>`,
      ),
      'https://erp.example/finance/payments/PAY-8816',
    );
    expect(payment.page).toBe('sync-log');
    expect(payment.records[0]).toMatchObject({ recordNumber: 'PAY-8816', connector: 'Paystack' });
  });

  it("places an ARIA grid's cells by aria-colindex when a row leaves some out", () => {
    const cell = (i: number, text: string) =>
      `<div role="gridcell" aria-colindex="${i}">${text}</div>`;
    const head = (i: number, text: string) =>
      `<div role="columnheader" aria-colindex="${i}">${text}</div>`;
    const analysis = analyze(
      page(`<h1>Sync Hub</h1><div role="grid" aria-colcount="5">
        <div role="row">${head(1, 'Record')}${head(2, 'Connector')}${head(3, 'Status')}${head(4, 'Message')}${head(5, 'Retries')}</div>
        <div role="row">${cell(1, 'INV-1')}${cell(2, 'QuickBooks Online')}${cell(3, 'Succeeded')}${cell(5, '0')}</div>
        <div role="row">${cell(1, 'INV-2')}${cell(2, 'QuickBooks Online')}${cell(3, 'Failed')}${cell(4, 'Customer is missing')}${cell(5, '2')}</div>
      </div>`),
    );
    expect(analysis.records.map((r) => [r.recordNumber, r.message, r.retryCount])).toEqual([
      ['INV-1', null, 0],
      ['INV-2', 'Customer is missing', 2],
    ]);
  });

  it('a narrower label wins only for the sync status: not a record number, a delivery or a connection', () => {
    const detail = (pairs: string) =>
      analyze(
        page(`<h1>QBO Sync</h1><dl>${pairs}<dt>Message</dt><dd>Customer is missing</dd></dl>`),
        'https://erp.example/qbo-sync/INV-20417',
      ).records[0]!;
    const dl = (label: string, value: string) => `<dt>${label}</dt><dd>${value}</dd>`;
    expect(
      detail(dl('Record', 'INV-20417') + dl('Source record', 'SO-11') + dl('Status', 'Failed')),
    ).toMatchObject({ recordNumber: 'INV-20417' });
    expect(
      detail(
        dl('Invoice', 'INV-20417') + dl('Status', 'Failed') + dl('Delivery status', 'Delivered'),
      ).status,
    ).toBe('failed');
    expect(
      detail(
        dl('Invoice', 'INV-20417') + dl('Status', 'Failed') + dl('Connection status', 'Connected'),
      ).status,
    ).toBe('failed');
  });

  it("takes a record page's module from its breadcrumb, never over the record's own", () => {
    const recordPage = (trail: string, extra = '') =>
      `<!doctype html><html><body><nav class="breadcrumb" aria-label="Breadcrumb"><ol>${trail}</ol></nav>
      <main><h1>Bill BILL-3301</h1><section><h2>Sync log</h2><table><thead><tr><th>When</th><th>Status</th><th>Message</th><th>Retries</th>${extra ? '<th>Module</th>' : ''}</tr></thead>
      <tbody><tr><td>2026-11-18 08:54</td><td>Failed</td><td>Vendor is missing</td><td>1</td>${extra}</tr></tbody></table></section></main></body></html>`;
    const url = 'https://erp.example/bills/BILL-3301';
    const module = (html: string) => analyze(html, url).records.map((r) => r.module);
    const trail =
      '<li><a href="/">Home</a></li><li> procurement </li><li><a href="/bills">Bills</a></li><li>BILL-3301</li>';
    expect(module(recordPage(trail))).toEqual(['Procurement']);
    expect(module(recordPage(trail, '<td>Inventory</td>'))).toEqual(['Inventory']);
    // A trail naming no module, and a list screen under a module, give none.
    expect(module(recordPage('<li>Home</li><li>Bills</li><li>BILL-3301</li>'))).toEqual([null]);
    const list = analyze(
      page(
        `<h1>Sync Hub</h1><table><thead><tr><th>Record</th><th>Status</th><th>Message</th></tr></thead><tbody><tr><td>INV-1</td><td>Failed</td><td>Customer is missing</td></tr><tr><td>INV-2</td><td>Failed</td><td>Customer is missing</td></tr></tbody></table>`,
      ).replace(
        '<body>',
        '<body><nav aria-label="Breadcrumb"><ol><li>Finance</li><li>Sync Hub</li></ol></nav>',
      ),
    );
    expect(list.records.map((r) => r.module)).toEqual([null, null]);
    // A QBO Sync detail is one record's page too.
    const detail = analyze(
      page(
        `<h1>Payment PMT-44120</h1><dl><dt>QuickBooks status</dt><dd>Rejected</dd><dt>Message</dt><dd>Deposit account is not mapped</dd></dl>`,
      ).replace(
        '<body>',
        '<body><nav aria-label="Breadcrumb"><ol><li>Finance</li><li>QBO Sync</li><li>PMT-44120</li></ol></nav>',
      ),
      'https://erp.example/qbo-sync/PMT-44120',
    );
    expect(detail.page).toBe('qbo-sync');
    expect(detail.records.map((r) => r.module)).toEqual(['Finance']);
  });

  it("which status label wins is the pack's: a new wording is a rule edit", () => {
    const html = page(
      `<h1>QBO Sync</h1><dl><dt>Invoice</dt><dd>INV-20417</dd><dt>Status</dt><dd>Completed</dd><dt>Xero status</dt><dd>Rejected</dd><dt>Message</dt><dd>Customer is missing</dd></dl>`,
    );
    const url = 'https://erp.example/qbo-sync/INV-20417';
    const status = (pack: RulePack) =>
      analyzeDocument(parseHtml(html, url), url, pack).records[0]?.status;
    expect(status(defaultRulePack)).toBe('succeeded');
    const { fields } = defaultRulePack;
    const edited = parseRulePack({
      ...defaultRulePack,
      fields: {
        ...fields,
        status: {
          ...fields.status,
          preferredLabels: [...fields.status.preferredLabels, 'Xero status'],
        },
      },
    });
    if (!edited.ok) throw new Error(edited.errors.join('\n'));
    expect(status(edited.pack)).toBe('failed');
  });

  it('places grid cells by aria-colindex in any DOM order, and by position when the header has none', () => {
    const cell = (role: string, i: number | null, text: string) =>
      `<div role="${role}"${i === null ? '' : ` aria-colindex="${i}"`}>${text}</div>`;
    const grid = (head: string, row: string) =>
      analyze(
        page(
          `<h1>Sync Hub</h1><div role="grid"><div role="row">${head}</div><div role="row">${row}</div></div>`,
        ),
      ).records[0];
    // Columns moved: DOM order 3, 1, 2, 4 in the header and the row alike.
    const moved = [3, 1, 2, 4];
    const names = ['Record', 'Connector', 'Status', 'Message'];
    const values = ['INV-9', 'QuickBooks Online', 'Failed', 'Customer is missing'];
    expect(
      grid(
        moved.map((i) => cell('columnheader', i, names[i - 1]!)).join(''),
        moved.map((i) => cell('gridcell', i, values[i - 1]!)).join(''),
      ),
    ).toMatchObject({
      recordNumber: 'INV-9',
      connector: 'QuickBooks Online',
      message: 'Customer is missing',
    });
    // A header without numbers (a checkbox column numbered in the rows only): by position.
    expect(
      grid(
        names.map((n) => cell('columnheader', null, n)).join(''),
        values.map((v, i) => cell('gridcell', i + 2, v)).join(''),
      ),
    ).toMatchObject({
      recordNumber: 'INV-9',
      connector: 'QuickBooks Online',
      message: 'Customer is missing',
    });
  });

  it("takes the nearest title above <main>, never the app bar's", () => {
    const html = (top: string) =>
      `<!doctype html><html><head><title>AWRA</title></head><body>${top}
      <main><h2>Last sync</h2><dl><dt>Sync status</dt><dd>Failed</dd><dt>Message</dt><dd>Customer is missing</dd><dt>Connector</dt><dd>QuickBooks Online</dd></dl></main></body></html>`;
    const url = 'https://erp.example/sales/invoices/INV-20417';
    const bar = analyze(html('<div class="topbar"><h1>Branch NBO-02</h1></div>'), url);
    expect(bar.records[0]?.recordNumber ?? null).not.toBe('NBO-02');
    const both = analyze(
      html(
        '<div class="brand"><h1>AWRA</h1></div><div class="page-header"><h1>Invoice INV-20417</h1></div>',
      ),
      url,
    );
    expect(both.records[0]).toMatchObject({ recordNumber: 'INV-20417' });
  });

  it('skips hidden rows, hidden cells, scripts and templates', () => {
    const rows = `<tr><td>INV-3</td><td>QuickBooks Online</td><td>Failed <span style="display:none">Succeeded</span></td><td>Timeout <span aria-hidden="true">(icon)</span></td><td>0</td></tr>
      <tr hidden><td>INV-4</td><td>QuickBooks Online</td><td>Failed</td><td>hidden row</td><td>0</td></tr>
      <tr style="display: none"><td>INV-5</td><td>QuickBooks Online</td><td>Failed</td><td>hidden row</td><td>0</td></tr>`;
    const analysis = analyze(
      page(
        `${hubTable(rows)}<template><p>Status: Failed</p></template><script>document.title = 'x'</script>`,
      ),
    );
    expect(analysis.records.map((r) => r.recordNumber)).toEqual(['INV-3']);
    expect(analysis.records[0]!.status).toBe('failed');
    expect(analysis.records[0]!.message).toBe('Timeout');
  });

  it('uses the URL when there is one, and the content alone when there is none', () => {
    const detail = `<h1>INV-20417</h1><dl><dt>Status</dt><dd>Rejected</dd><dt>Message</dt><dd>Required param missing: CustomerRef</dd></dl>`;
    expect(analyze(page(detail), 'https://acme.awraops.com/qbo-sync/INV-20417').page).toBe(
      'qbo-sync',
    );
    expect(analyze(page(detail, 'QBO Sync · AWRA')).page).toBe('qbo-sync');
  });

  it('gives page null for a page whose chrome alone mentions sync screens', () => {
    const analysis = analyze(
      page('<h1>Invoices</h1><p>Status: Posted</p>'),
      'https://acme.awraops.com/invoices',
    );
    expect(analysis).toEqual({ page: null, records: [] });
  });

  it('does not throw on deep nesting and duplicate ids', () => {
    const deep = `${'<div id="x">'.repeat(60)}Status: Failed${'</div>'.repeat(60)}`;
    expect(() => analyze(page(hubTable('') + deep))).not.toThrow();
  });
});
