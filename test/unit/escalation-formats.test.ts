// @vitest-environment happy-dom
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import {
  toJson,
  toMarkdown,
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

describe('toPlainText', () => {
  it("follows the guide's escalation format, then the support capture fields present", () => {
    const lines = toPlainText(escalation(), pack).split('\n');
    expect(lines.slice(0, 8)).toEqual([
      'Connector: QuickBooks Online',
      'Record number: INV-20417',
      'Sync run: SR-2026-11-0425',
      'Status: failed',
      'Exact message: Account "Sales Income" is not mapped to a QuickBooks account.',
      'Retry count: 2',
      'Expected result: The invoice appears in QuickBooks.',
      'What changed recently: New income account added on Monday.',
    ]);
    expect(lines.slice(8)).toEqual([
      '',
      'Module: Sales',
      'Branch: Nairobi CBD',
      'User: jane.doe',
      'Time of the issue: 04 Nov 2026 10:42',
      'Browser or device: Chrome 131 on Windows',
      'What it blocks: financial close, billing',
      'Totals: A retry succeeded but the outside totals still do not match.',
      'Why escalate: The retry limit was reached and the same message came back.',
      'First checks done:',
      '- Read the visible message before retrying.',
      '- Check the required mappings: account, tax, customer, vendor, item, warehouse and payment method.',
      'Page: https://acme.awraops.com/sync-hub',
      'Reported: 2026-11-04 10:00 UTC',
    ]);
  });

  it('marks what the page did not show and keeps "{placeholders}" in values literal', () => {
    const text = toPlainText(
      escalation({ syncRun: null, whatChanged: null, message: 'Bad {recordNumber} $& $1' }),
      pack,
    );
    expect(text).toContain('Sync run: (not shown)');
    expect(text).toContain('What changed recently: (none given)');
    expect(text).toContain('Exact message: Bad {recordNumber} $& $1');
  });
});

/** CommonMark: the first line after the opening fence made of >= as many backticks closes it. */
function fencedContent(markdown: string): string {
  const lines = markdown.split('\n');
  const open = lines.findIndex((line) => /^`{3,}text$/.test(line));
  const fence = /^`+/.exec(lines[open] ?? '')?.[0] ?? '```';
  const close = lines.findIndex(
    (line, i) => i > open && new RegExp(`^ {0,3}\`{${fence.length},}\\s*$`).test(line),
  );
  return lines.slice(open + 1, close).join('\n');
}

describe('toMarkdown', () => {
  it('puts the exact message in a fence no backtick run inside can close', () => {
    const message = 'Before\n```\n## injected heading\n````\n[click](https://evil.example)\n`````';
    const markdown = toMarkdown(escalation({ message }), pack);
    expect(markdown).toContain('``````text\n');
    expect(fencedContent(markdown)).toBe(message);
  });

  it('uses a plain triple fence when the message has no backticks', () => {
    expect(toMarkdown(escalation(), pack)).toContain('```text\nAccount "Sales Income"');
  });

  it('escapes table cells so page text cannot add cells, links or HTML', () => {
    const markdown = toMarkdown(escalation({ customer: 'A | B <img src=x> [x](y)\nnext' }), pack);
    expect(markdown).toContain('| Customer | A \\| B \\<img src\\=x\\> \\[x\\]\\(y\\) next |');
    expect(markdown).toContain('| Record number | INV\\-20417 |');
    expect(markdown.startsWith('## Sync failure: QuickBooks Online INV\\-20417\n')).toBe(true);
  });
});

describe('toMarkdown rendered as GitHub-flavoured Markdown', () => {
  /** A GFM renderer (tables, autolinks of bare URLs, www. and e-mail addresses). */
  const render = (markdown: string) => new Marked({ gfm: true }).parse(markdown) as string;
  const html = (markdown: string) => {
    const doc = new DOMParser().parseFromString(render(markdown), 'text/html');
    const links = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    const cell = (label: string) =>
      [...doc.querySelectorAll('tr')]
        .find((row) => row.cells[0]?.textContent === label)
        ?.cells[1]?.textContent.trim();
    return { doc, links, cell };
  };

  it.each([
    ['customer', 'Customer', 'Renew at https://evil.example/awra-login now'],
    ['vendor', 'Vendor', 'see www.evil.example/reset | or `this`'],
    ['branch', 'Branch', 'mail billing@evil.example'],
    ['user', 'User', '@org/everyone'],
    ['connector', 'Connector', 'xmpp:evil@evil.example'],
    ['warehouse', 'Warehouse', 'Acme _www.evil.example/login'],
    ['module', 'Module', 'see https://evil.example/pay\\|ok \\\\| `x`'],
  ])('page text in %s links nowhere and reads as written', (field, label, value) => {
    const { links, cell } = html(toMarkdown(escalation({ [field]: value }), pack));
    expect(links).toEqual(['https://acme.awraops.com/sync-hub']);
    // A zero-width space may part a backslash from a "|" (some renderers end the cell there).
    expect(cell(label)?.replace(/\u200b/g, '')).toBe(value);
  });

  it("the user's paragraphs and the heading link nowhere either", () => {
    const markdown = toMarkdown(
      escalation({
        whatChanged: 'Support said: go to https://evil.example/fix\nthen `www.a.example`',
        recordNumber: 'INV-1@evil.example',
      }),
      pack,
    );
    const { doc, links } = html(markdown);
    expect(links).toEqual(['https://acme.awraops.com/sync-hub']);
    expect(doc.body.textContent).toContain('Support said: go to https://evil.example/fix');
    expect(doc.body.textContent).toContain('then `www.a.example`');
    expect(doc.querySelector('h2')?.textContent).toBe(
      'Sync failure: QuickBooks Online INV-1@evil.example',
    );
  });

  it("the page's address is a working link, taken as written", () => {
    const url = 'https://acme.awraops.com/sync-hub?status=failed&q=a_b-c#row-1';
    const { links, cell } = html(toMarkdown(escalation({ pageUrl: url }), pack));
    expect(links).toEqual([url]);
    expect(cell('Page')).toBe(url);
  });

  it('plain values still read as written, escaped', () => {
    const { cell } = html(
      toMarkdown(escalation({ customer: 'A | B <img src=x> *x* [x](y)' }), pack),
    );
    expect(cell('Customer')).toBe('A | B <img src=x> *x* [x](y)');
  });
});

describe('toJson', () => {
  it('round-trips one escalation or a list', () => {
    const esc = escalation();
    expect(JSON.parse(toJson(esc))).toEqual({
      format: 'sync-assist-escalation',
      version: 1,
      escalation: esc,
    });
    expect(JSON.parse(toJson([esc, esc])).escalations).toHaveLength(2);
  });
});
