// The e2e build in real Chromium against the mock AWRA app: what the content script answers.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetAnalysisResponseSchema, type SerializedAnalysis } from '../../lib/messaging/protocol';
import type { MockAwra } from '../mock-awra/server';
import {
  analysisFromContentScript,
  analyzeInPage,
  contentScriptTab,
  launchWithExtension,
  sendToTab,
  withMock,
  type WithExtension,
} from './harness';

let ext: WithExtension;
let mock: MockAwra;
let page: Page;
const pageErrors: string[] = [];
const dialogs: string[] = [];

beforeAll(async () => {
  [mock, ext] = await Promise.all([withMock(), launchWithExtension()]);
  page = await ext.browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

afterAll(async () => {
  await ext?.close();
  await mock?.close();
});

/** Opens a mock screen; returns the content script's answer, checked against the in-page engine. */
async function open(path: string): Promise<SerializedAnalysis> {
  await page.goto(`${mock.url}${path}`, { waitUntil: 'load' });
  const response = await analysisFromContentScript(ext.worker, page);
  expect(GetAnalysisResponseSchema.safeParse(response).success).toBe(true);
  expect(response.url).toBe(page.url());
  expect(response.analysis).toEqual(await analyzeInPage(page, page.url()));
  return response.analysis;
}

const byNumber = (analysis: SerializedAnalysis, recordNumber: string) =>
  analysis.records.filter((r) => r.recordNumber === recordNumber);
const byConnector = (analysis: SerializedAnalysis, connector: string) =>
  analysis.records.filter((r) => r.connector === connector && r.recordNumber === null);

const INV_20417_MESSAGE =
  "Invalid Reference Id: Account 'Sales - M-Pesa' is not mapped in QuickBooks";

describe('content script on the mock AWRA sync screens', () => {
  it('Sync Hub: every seeded item, INV-20417 as a failed QuickBooks mapping', async () => {
    const analysis = await open('/sync-hub');
    expect(analysis.page).toBe('sync-hub');
    expect(analysis.records).toHaveLength(31);
    expect(byNumber(analysis, 'INV-20417')).toEqual([
      expect.objectContaining({
        recordType: 'invoice',
        connector: 'QuickBooks Online',
        syncRun: 'SR-2026-11-0412',
        status: 'failed',
        message: INV_20417_MESSAGE,
        messageType: 'mapping-missing',
        retryCount: 1,
        timestamp: '2026-11-18 08:41',
      }),
    ]);
    const qboFailed = analysis.records.filter(
      (r) => r.connector === 'QuickBooks Online' && r.status === 'failed',
    );
    expect(qboFailed).toHaveLength(9);
    expect(byNumber(analysis, 'PAY-8821')).toEqual([
      expect.objectContaining({
        connector: 'M-Pesa (Daraja)',
        status: 'failed',
        messageType: 'authorization-failed',
        retryCount: 2,
      }),
    ]);
  });

  it('QBO Sync: the QuickBooks list with its failures', async () => {
    const analysis = await open('/qbo-sync');
    expect(analysis.page).toBe('qbo-sync');
    expect(analysis.records).toHaveLength(14);
    expect(analysis.records.every((r) => r.connector === 'QuickBooks Online')).toBe(true);
    expect(byNumber(analysis, 'PAY-8812')).toEqual([
      expect.objectContaining({ status: 'failed', messageType: 'mapping-missing' }),
    ]);
    expect(byNumber(analysis, 'INV-20422')).toEqual([
      expect.objectContaining({ status: 'needs-attention', messageType: 'not-ready' }),
    ]);
    expect(byNumber(analysis, 'BILL-3112')).toEqual([
      expect.objectContaining({
        status: 'failed',
        messageType: 'unknown',
        message: expect.stringContaining('Unexpected element <img src=x onerror=alert(1)> in'),
      }),
    ]);
  });

  it('Integrations: connector cards and webhook deliveries', async () => {
    const analysis = await open('/integrations');
    expect(analysis.page).toBe('integrations');
    const cards = analysis.records.filter((r) => r.recordNumber === null).map((r) => r.connector);
    expect(cards).toEqual([
      'QuickBooks Online',
      'Paystack',
      'M-Pesa (Daraja)',
      'SMTP email',
      'SMS gateway',
      'Webhooks',
    ]);
    expect(byConnector(analysis, 'M-Pesa (Daraja)')).toEqual([
      expect.objectContaining({
        message: '401 Unauthorized: Invalid Access Token (errorCode 404.001.03)',
        messageType: 'authorization-failed',
      }),
    ]);
    expect(byConnector(analysis, 'SMTP email')[0]?.messageType).toBe('authorization-failed');
    expect(byNumber(analysis, 'DLV-7742')).toEqual([
      expect.objectContaining({
        recordType: 'webhook',
        status: 'failed',
        messageType: 'temporary-provider-issue',
        message: '500 Internal Server Error: <script>alert("dlv-7742")</script>',
      }),
    ]);
    expect(byNumber(analysis, 'DLV-7743')[0]).toMatchObject({ status: 'failed' });
  });

  it('Integrations: a connector card with failed records is not reported as succeeded', async () => {
    // Every seeded card shows "Failed records" > 0 and a failure as its last message; its only
    // status-like field is the connection badge ("Connected"), which is not a sync status.
    const analysis = await open('/integrations');
    const succeeded = analysis.records.filter(
      (r) => r.recordNumber === null && r.status === 'succeeded',
    );
    expect(succeeded.map((r) => r.connector)).toEqual([]);
  });

  it("record pages: each sync-log attempt carries the record's own fields", async () => {
    const invoice = await open('/invoices/INV-20417');
    expect(invoice.page).toBe('sync-log');
    expect(invoice.records.map((r) => r.syncRun)).toEqual(['SR-2026-11-0406', 'SR-2026-11-0412']);
    for (const record of invoice.records) {
      expect(record).toMatchObject({
        recordNumber: 'INV-20417',
        recordType: 'invoice',
        connector: 'QuickBooks Online',
        status: 'failed',
        message: INV_20417_MESSAGE,
        messageType: 'mapping-missing',
        customer: 'Kilimo Fresh Ltd',
        branch: 'Nairobi HQ',
        warehouse: 'WH-Nairobi Main',
        amount: 'KES 48,720.00',
      });
    }
    const payment = await open('/payments/PAY-8821');
    expect(payment.page).toBe('sync-log');
    expect(payment.records).toHaveLength(3);
    for (const record of payment.records) {
      expect(record).toMatchObject({
        recordNumber: 'PAY-8821',
        connector: 'M-Pesa (Daraja)',
        status: 'failed',
        messageType: 'authorization-failed',
      });
    }
  });

  it('record pages: retry counts follow the 1-based attempts and the page\'s "Retries"', async () => {
    // "Attempt 1" is the first try (0 retries); the latest attempt matches the summary's
    // "Retries" on the same page (and the Sync Hub row): INV-20417 1, PAY-8821 2.
    const invoice = await open('/invoices/INV-20417');
    expect(invoice.records.map((r) => r.retryCount)).toEqual([0, 1]);
    const payment = await open('/payments/PAY-8821');
    expect(payment.records.map((r) => r.retryCount)).toEqual([0, 1, 2]);
  });

  it('dashboard and a customer without a sync log are not sync screens', async () => {
    expect(await open('/')).toEqual({ page: null, records: [] });
    expect(await open('/customers/CUS-1044')).toEqual({ page: null, records: [] });
  });

  it('raised no page error and opened no dialog (hostile messages stay text)', () => {
    expect(pageErrors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
