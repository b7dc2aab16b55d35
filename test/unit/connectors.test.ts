import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../lib/analyze';
import { emptyRecord, type SyncRecord } from '../../lib/analyze/types';
import { parseHtml } from '../../lib/cli/html';
import { summarize } from '../../lib/guidance/summary';
import { formatConnectorNames, parseConnectorNames } from '../../lib/options/connector-names';
import { historyKeyOf, overlayTargets } from '../../lib/overlay/targets';
import { connectorKey } from '../../lib/rules/connectors';
import { defaultRulePack as pack } from '../../lib/rules/default';

describe('one connector under the names different screens give it', () => {
  it.each([
    ['QuickBooks Online', 'QuickBooks Online'],
    ['QBO', 'QuickBooks Online'],
    ['  quickbooks  ', 'QuickBooks Online'],
    ['ＱＢＯ', 'QuickBooks Online'],
    ['Safaricom Daraja', 'M-Pesa (Daraja)'],
    ['Webhook', 'Webhooks'],
    ['SMTP', 'SMTP email'],
    // Not an alias: kept as shown, its spacing collapsed.
    ['Acme  Payments', 'Acme Payments'],
    ['QuickBooks Desktop', 'QuickBooks Desktop'],
  ])('%j is kept under %j', (shown, kept) => {
    expect(connectorKey(shown, pack)).toBe(kept);
  });

  it("follows the pack: an admin's alias applies, and the first group naming an alias keeps it", () => {
    const edited = {
      connectorAliases: [
        { connector: 'Acme Pay', aliases: ['AcmePay', 'QBO'] },
        ...pack.connectorAliases,
      ],
    };
    expect(connectorKey('acmepay', edited)).toBe('Acme Pay');
    expect(connectorKey('QBO', edited)).toBe('Acme Pay');
    expect(connectorKey('QuickBooks', edited)).toBe('QuickBooks Online');
    expect(connectorKey('QBO', { connectorAliases: [] })).toBe('QBO');
  });

  it("a webhook delivery's retry history is one, on Integrations and in Sync Hub", () => {
    const delivery = (main: string, url: string) => {
      const analysis = analyzeDocument(parseHtml(`<main>${main}</main>`, url), url, pack);
      const target = overlayTargets(analysis, pack).find(
        (t) => t.record.recordNumber === 'DLV-7742',
      );
      return [target?.record.connector, target?.historyKey];
    };
    const row = (connector: string) =>
      `<tr><td>DLV-7742</td>${connector}<td>500 Internal Server Error</td><td>Failed</td><td>2</td></tr>`;
    const integrations = delivery(
      `<h1>Integrations</h1><section><h2>Webhook deliveries</h2><table><tbody><tr><th>Delivery</th><th>Response</th><th>Result</th><th>Attempts</th></tr>${row('')}${row('').replace('7742', '7743')}</tbody></table></section>`,
      'https://acme.awraops.com/integrations',
    );
    const syncHub = delivery(
      `<h1>Sync Hub</h1><table><thead><tr><th>Record</th><th>Connector</th><th>Message</th><th>Status</th><th>Retries</th></tr></thead><tbody>${row('<td>Webhooks</td>')}${row('<td>Webhooks</td>').replace('7742', '7743')}</tbody></table>`,
      'https://acme.awraops.com/sync-hub',
    );
    // Each page's own name is what the card and the escalation show; the history is one.
    expect(integrations[0]).toBe('Webhook');
    expect(syncHub[0]).toBe('Webhooks');
    expect(integrations[1]).toEqual({ connector: 'Webhooks', recordNumber: 'DLV-7742' });
    expect(syncHub[1]).toEqual(integrations[1]);
  });

  it('counts a connector once in the summary, under its name, whatever each row calls it', () => {
    const failing = (recordNumber: string, connector: string): SyncRecord => ({
      ...emptyRecord(),
      recordNumber,
      connector,
      status: 'failed',
      messageType: 'mapping-missing',
    });
    const summary = summarize(
      [
        failing('INV-1', 'QBO'),
        failing('INV-2', 'QuickBooks Online'),
        failing('INV-1', 'QuickBooks'),
      ],
      pack,
    );
    expect(summary.total).toBe(2);
    expect(summary.byConnector).toEqual([
      { connector: 'QuickBooks Online', count: 2, recordNumbers: ['INV-1', 'INV-2'] },
    ]);
    expect(historyKeyOf({ connector: null, recordNumber: null, syncRun: null }, pack)).toEqual({
      connector: 'unknown connector',
      recordNumber: 'connector',
    });
    // The store refuses an empty connector: white space alone names none.
    expect(historyKeyOf({ connector: ' \n', recordNumber: 'INV-1', syncRun: null }, pack)).toEqual({
      connector: 'unknown connector',
      recordNumber: 'INV-1',
    });
  });
});

describe("the options page's connector names", () => {
  it('reads back what it writes', () => {
    const text = formatConnectorNames(pack.connectorAliases);
    expect(text.split('\n')[0]).toBe(
      'QuickBooks Online = QuickBooks, QBO, QuickBooks Online (QBO), Intuit QuickBooks',
    );
    expect(parseConnectorNames(text)).toEqual({ aliases: pack.connectorAliases, problems: [] });
  });

  it('keeps the lines that give a connector and its names, and says which are left out', () => {
    const text = ' Acme Pay =AcmePay,  Acme ,\n\nXero\n= QBO\nStripe = \n';
    expect(parseConnectorNames(text)).toEqual({
      aliases: [{ connector: 'Acme Pay', aliases: ['AcmePay', 'Acme'] }],
      problems: [3, 4, 5].map(
        (n) =>
          `Line ${n} is left out: write the connector, "=", then its other names separated by commas.`,
      ),
    });
  });
});
