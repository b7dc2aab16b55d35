import { describe, expect, it } from 'vitest';
import {
  MAILTO_MAX_LENGTH,
  SHORTENED_NOTE,
  mailtoDraft,
  mailtoUrl,
  toCsv,
  toPlainText,
  validateEscalation,
  type Escalation,
} from '../../lib/escalation';
import { defaultRulePack as pack } from '../../lib/rules/default';

const NOW = Date.parse('2026-11-04T10:00:00Z');

function escalation(overrides: Record<string, unknown> = {}): Escalation {
  const result = validateEscalation(
    {
      connector: 'QuickBooks Online',
      recordNumber: 'INV-20417',
      syncRun: 'SR-2026-11-0425',
      status: 'failed',
      message: 'Account "Sales Income" is not mapped to a QuickBooks account.',
      retryCount: 2,
      module: 'Sales',
      branch: 'Nairobi CBD',
      user: 'jane.doe',
      failedAt: '04 Nov 2026 10:42',
      browser: 'Chrome 131 on Windows',
      expectedResult: 'The invoice appears in QuickBooks.',
      whatChanged: 'New income account added on Monday.',
      blocks: ['financial-close', 'billing'],
      totalsMismatch: true,
      checksTicked: ['read-message', 'check-mappings'],
      trigger: 'retry-limit-exceeded',
      createdAt: NOW,
      pageUrl: 'https://acme.awraops.com/sync-hub',
      ...overrides,
    },
    pack,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe('mailtoUrl', () => {
  it('addresses support with an encoded subject and plain-text body', () => {
    const esc = escalation({ message: 'Tax & "VAT 16%" = wrong?\nline two #1' });
    const url = mailtoUrl(esc, pack);
    const [head, query] = url.split('?') as [string, string];
    expect(head).toBe('mailto:support@awraops.com');
    const params = new URLSearchParams(query);
    expect(params.get('subject')).toBe('Sync failure: QuickBooks Online INV-20417');
    expect(params.get('body')).toBe(toPlainText(esc, pack).replace(/\n/g, '\r\n'));
    expect(query).not.toMatch(/[ "#\n]/);
    expect(query.split('&')).toHaveLength(2);
    expect(url).toContain('%0D%0A');
  });

  it('caps a long message with a note and stays under the limit', () => {
    const esc = escalation({ message: 'é💥 '.repeat(3000) });
    const draft = mailtoDraft(esc, pack);
    expect(draft.shortened).toBe(true);
    expect(draft.url.length).toBeLessThanOrEqual(MAILTO_MAX_LENGTH);
    const body = new URLSearchParams(draft.url.split('?')[1]).get('body') ?? '';
    expect(body).toContain(`…\r\n${SHORTENED_NOTE}`);
    expect(body).toContain('Record number: INV-20417');
    expect(body).toContain('Expected result: The invoice appears in QuickBooks.');
  });

  it('still fits when the answers alone are too long', () => {
    const long = 'ü'.repeat(2000);
    const draft = mailtoDraft(escalation({ expectedResult: long, whatChanged: long }), pack);
    expect(draft.shortened).toBe(true);
    expect(draft.url.length).toBeLessThanOrEqual(MAILTO_MAX_LENGTH);
  });

  it('survives a lone surrogate from the page', () => {
    expect(() => mailtoUrl(escalation({ message: 'bad \uD800 text' }), pack)).not.toThrow();
  });
});

describe('toCsv', () => {
  it('quotes per RFC 4180 and guards formula-like cells', () => {
    const csv = toCsv([
      escalation({
        message: 'He said "no", then\nleft',
        customer: '=HYPERLINK("http://evil")',
        vendor: '+cmd',
        amount: '-1,200.00',
        user: '@sum',
      }),
    ]);
    const [header, row, end] = csv.split('\r\n');
    expect(
      header?.startsWith('Created (UTC),Connector,Record number,Sync run,Status,Exact message'),
    ).toBe(true);
    expect(end).toBe('');
    expect(row).toContain(',"He said ""no"", then\nleft",');
    expect(row).toContain(',"\'=HYPERLINK(""http://evil"")",');
    expect(row).toContain(",'+cmd,");
    expect(row).toContain(`,"'-1,200.00",`);
    expect(row).toContain(",'@sum,");
    expect(row).toContain(',INV-20417,');
  });

  it('guards formulas wherever a reader may start a cell: after ";", a tab or a line break', () => {
    const csv = toCsv([
      escalation({
        message: 'Timeout;=cmd|\' /C calc\'!A0; +1; ok\n=HYPERLINK("x")',
        vendor: 'V\r@SUM(1)',
        customer: 'Acme\t=1+1',
      }),
    ]);
    expect(csv).toContain(`,"Timeout;'=cmd|' /C calc'!A0; +1; ok\n'=HYPERLINK(""x"")",`);
    expect(csv).toContain(',"Acme\t\'=1+1","V\r\'@SUM(1)",');
    // The least careful readers: with ";" or a tab as the separator, a quote opens a cell only
    // at the cell's start; and any line break ends a row.
    for (const separator of [';', '\t']) {
      const cells: string[] = [];
      for (const line of csv.split(/\r\n|\r|\n/)) {
        for (let at = 0; at <= line.length;) {
          const quoted =
            line[at] === '"'
              ? new RegExp(`^"(?:[^"]|"")*"(?=${separator}|$)`).exec(line.slice(at))
              : null;
          const next = line.indexOf(separator, at);
          const end = quoted ? at + quoted[0].length : next < 0 ? line.length : next;
          cells.push(line.slice(at, end));
          at = end + 1;
        }
      }
      expect(cells.length).toBeGreaterThan(3);
      expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    }
  });
});
