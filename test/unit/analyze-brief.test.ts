// The overlay's brief read (AnalyzeOptions.brief): list rows with a status that gets no badge are
// read only to their status. Whatever the page, the overlay must then show exactly what a full
// read would have shown, and a brief record must never hold a value the full read does not.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeDocument, serializeAnalysis, type Analysis } from '../../lib/analyze';
import { emptyRecord, TEXT_FIELDS, type SyncRecord } from '../../lib/analyze/types';
import { parseHtml } from '../../lib/cli/html';
import { NEEDS_HELP, overlayTargets, UNGUIDED_STATUSES } from '../../lib/overlay/targets';
import { defaultRulePack } from '../../lib/rules/default';
import type { RulePack } from '../../lib/rules/schema';
import { loadPageFixtures } from '../helpers/fixtures';
import { join } from 'node:path';

const pack = defaultRulePack;
const url = 'https://acme.awraops.com/sync-hub';
const cells = (values: string[]) => values.map((v) => `<td>${v}</td>`).join('');
/** A Sync Hub list: its header labels and each row's cells as markup. */
const syncList = (head: string[], rows: string[]) =>
  parseHtml(
    `<main><h1>Sync Hub</h1><table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}` +
      `</tr></thead><tbody>${rows.map((row) => `<tr>${row}</tr>`).join('')}</tbody></table></main>`,
    url,
  );
const RUNS = { numRuns: Number(process.env.FC_RUNS) || 150 };

/** What the overlay draws from an analysis: which records get a badge or card, and how. */
const drawn = (analysis: Analysis) =>
  overlayTargets(analysis, defaultRulePack).map((t) => ({
    key: t.key,
    mode: t.mode,
    record: serializeAnalysis({ page: null, records: [t.record] }).records[0],
  }));

/** `read` has the full read's rows, each with its status; `check` compares the rest. */
function expectSameRows(
  read: Analysis,
  full: Analysis,
  check: (record: SyncRecord, whole: SyncRecord) => void,
): void {
  expect(read.page).toBe(full.page);
  expect(read.records).toHaveLength(full.records.length);
  read.records.forEach((record, index) => {
    const whole = full.records[index]!;
    expect(record.status).toBe(whole.status);
    expect(record.anchor).toBe(whole.anchor);
    check(record, whole);
  });
}

/** Every value the record holds is the full read's. */
const noOtherValue = (record: SyncRecord, whole: SyncRecord) => {
  for (const field of TEXT_FIELDS)
    if (record[field] !== null) expect(record[field], field).toBe(whole[field]);
};

function expectBriefAgrees(doc: Document, url: string | null, rules: RulePack = pack): Analysis {
  const full = analyzeDocument(doc, url, rules);
  const brief = analyzeDocument(doc, url, rules, { brief: UNGUIDED_STATUSES });
  expectSameRows(brief, full, noOtherValue);
  expect(drawn(brief)).toEqual(drawn(full));
  for (const first of [0, 1, 3]) expectSkimAgrees(doc, url, rules, full, first);
  return brief;
}

/**
 * The skimmed read (AnalyzeOptions.skim) of a long list: a skimmed row's record has the status
 * and connector of its full read and nothing else, and is never a kept row (here every other
 * row); every other record is the brief read's; the overlay badges the rows read in full exactly
 * as a full read would.
 */
function expectSkimAgrees(
  doc: Document,
  url: string | null,
  rules: RulePack,
  full: Analysis,
  first: number,
): void {
  const kept = new Set(full.records.filter((_, i) => i % 2 === 1).map((r) => r.anchor!));
  const skim = analyzeDocument(doc, url, rules, {
    brief: UNGUIDED_STATUSES,
    skim: { statuses: NEEDS_HELP, first, keep: kept },
  });
  expectSameRows(skim, full, (record, whole) => {
    if (!record.skimmed) return noOtherValue(record, whole);
    expect(NEEDS_HELP.has(record.status!)).toBe(true);
    expect(kept.has(record.anchor!)).toBe(false);
    expect(record.connector, 'connector').toBe(whole.connector);
    for (const field of TEXT_FIELDS)
      if (field !== 'connector') expect(record[field], field).toBeNull();
  });
  // A skimmed row gets no badge until read; every other row is drawn as the full read draws it.
  const settled = (record: SyncRecord, index: number): SyncRecord =>
    skim.records[index]!.skimmed
      ? { ...emptyRecord(), status: 'succeeded', anchor: record.anchor }
      : record;
  expect(drawn(skim)).toEqual(drawn({ page: full.page, records: full.records.map(settled) }));
  expect(serializeAnalysis(skim).records.every((r) => !('skimmed' in r))).toBe(true);
}

describe('brief read of settled rows', () => {
  const fixtures = [
    ...loadPageFixtures(),
    ...loadPageFixtures(join(import.meta.dirname, '..', 'fixtures', 'holdout')),
  ];
  for (const fixture of fixtures) {
    it(`${fixture.name}: the overlay draws what a full read draws`, () => {
      expectBriefAgrees(parseHtml(fixture.html, fixture.url), fixture.url);
    });
  }

  it('a settled row is read no further than its status; failing rows in full', () => {
    const doc = syncList(
      ['Record', 'Connector', 'Status', 'Message'],
      [
        cells(['INV-1', 'QuickBooks Online', 'Succeeded', 'Posted']),
        cells(['INV-2', 'QuickBooks Online', 'Failed', 'Customer is missing an email address']),
      ],
    );
    const brief = expectBriefAgrees(doc, url);
    expect(brief.records[0]).toMatchObject({ status: 'succeeded', recordNumber: null });
    expect(brief.records[1]).toMatchObject({
      status: 'failed',
      recordNumber: 'INV-2',
      connector: 'QuickBooks Online',
      messageType: 'missing-required-field',
    });
  });
});

describe('skimmed read of a long list', () => {
  const failing = (n: number, connector = 'M-Pesa (Daraja)') =>
    cells([`INV-${n}`, connector, 'Failed', 'Customer is missing an email address']);
  const skim = (first: number, keep: Element[] = []) => ({
    brief: UNGUIDED_STATUSES,
    skim: { statuses: NEEDS_HELP, first, keep: new Set(keep) },
  });

  it('reads the first failing rows in full and the rest to their status and connector', () => {
    const doc = syncList(
      ['Record', 'Connector', 'Status', 'Message'],
      [
        failing(1),
        cells(['INV-2', 'Paystack', 'Succeeded', 'Posted']),
        failing(3),
        failing(4, 'Paystack'),
        failing(5, '—'),
      ],
    );
    const { records } = analyzeDocument(doc, url, pack, skim(2));
    expect(records.map((r) => [r.recordNumber, r.status, r.connector, r.skimmed ?? false])).toEqual(
      [
        ['INV-1', 'failed', 'M-Pesa (Daraja)', false],
        [null, 'succeeded', null, false],
        ['INV-3', 'failed', 'M-Pesa (Daraja)', false],
        [null, 'failed', 'Paystack', true],
        [null, 'failed', null, true],
      ],
    );
    expect(records[3]!.messageType).toBeNull();
  });

  it('reads a kept row in full wherever it is, without using up the rows read in full', () => {
    const doc = syncList(
      ['Record', 'Connector', 'Status', 'Message'],
      [failing(1), failing(2), failing(3)],
    );
    const rows = [...doc.querySelectorAll('tbody tr')];
    const { records } = analyzeDocument(doc, url, pack, skim(1, [rows[2]!]));
    expect(records.map((r) => r.recordNumber)).toEqual(['INV-1', null, 'INV-3']);
    expect(records[1]!.skimmed).toBe(true);
  });

  it('a row without a connector cell takes the screen’s connector, as its full read does', () => {
    const doc = parseHtml(
      `<main><h1>QuickBooks Online sync</h1><table><thead><tr><th>Record</th><th>Status</th>` +
        `<th>Message</th></tr></thead><tbody><tr>${cells(['INV-1', 'Failed', 'Duplicate'])}</tr>` +
        `<tr>${cells(['INV-2', 'Failed', 'Duplicate'])}</tr></tbody></table></main>`,
      'https://acme.awraops.com/qbo-sync',
    );
    const full = analyzeDocument(doc, 'https://acme.awraops.com/qbo-sync', pack);
    const { records } = analyzeDocument(doc, 'https://acme.awraops.com/qbo-sync', pack, skim(0));
    expect(records.map((r) => r.skimmed)).toEqual([true, true]);
    expect(records.map((r) => r.connector)).toEqual(full.records.map((r) => r.connector));
    expect(records[0]!.connector).toBe('QuickBooks Online');
  });

  it('a table whose connector could come from either of two columns is read in full', () => {
    const doc = syncList(
      ['Record', 'Connector', 'Status', 'Provider', 'Message'],
      [cells(['INV-1', 'M-Pesa (Daraja)', 'Failed', 'Paystack', 'Timed out'])],
    );
    const { records } = analyzeDocument(doc, url, pack, skim(0));
    expect(records[0]).toMatchObject({ recordNumber: 'INV-1' });
    expect(records[0]!.skimmed).toBeUndefined();
  });
});

describe('brief read where a status cell is not the last word', () => {
  it('a generic status label: an earlier cell reading as a status wins, so the row is read in full', () => {
    const doc = syncList(
      ['Record', 'Last sync', 'State'],
      [cells(['INV-1', 'Failed', 'Succeeded'])],
    );
    const brief = expectBriefAgrees(doc, url, weakStatePack);
    expect(brief.records[0]).toMatchObject({ status: 'failed', recordNumber: 'INV-1' });
  });

  it('a cell spanning columns before the status: cell N is not column N, read in full', () => {
    const doc = syncList(
      ['Record', 'Connector', 'Status', 'Message'],
      [`<td colspan="2">INV-1</td>${cells(['Failed', 'Succeeded'])}`],
    );
    const brief = expectBriefAgrees(doc, url);
    expect(brief.records[0]).toMatchObject({ status: 'failed' });
  });
});

// Sync tables with the markup that could make a status cell ambiguous: cells spanning columns,
// hidden cells and sections, two status-like columns, generic labels, empty and long cells.
const LABELS = ['Record', 'Connector', 'Status', 'Message', 'State', 'Last sync', 'Retries', 'Run'];
const VALUES = [
  'Succeeded',
  'Failed',
  'Pending',
  'Queued',
  'Skipped',
  'Cancelled',
  'Retrying',
  'Needs attention',
  'Completed',
  'INV-20417',
  'QuickBooks Online',
  'M-Pesa',
  'Customer is missing an email address',
  'Rate limit exceeded, try again later',
  'SR-2026-11-0421',
  '2',
  '—',
  '',
  'x'.repeat(300),
];
const cellArbitrary = fc.record({
  text: fc.constantFrom(...VALUES),
  span: fc.constantFrom(1, 1, 1, 1, 2, 3),
  hidden: fc.constantFrom('', '', '', '', ' hidden', ' class="sr-only"', ' style="display:none"'),
  header: fc.boolean(),
});
const tableArbitrary = fc.record({
  head: fc.uniqueArray(fc.constantFrom(...LABELS), { minLength: 2, maxLength: 6 }),
  rows: fc.array(fc.array(cellArbitrary, { minLength: 1, maxLength: 7 }), { maxLength: 8 }),
  hiddenBody: fc.boolean(),
});

// An admin's pack may call a status label generic: another cell may then give the row's status.
const weakStatePack: RulePack = {
  ...pack,
  fields: {
    ...pack.fields,
    status: { ...pack.fields.status, weakLabels: ['state', 'result'] },
  },
};

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

describe('brief read on random sync tables', () => {
  it('agrees with the full read whatever spans, hidden cells and labels the table has', () => {
    fc.assert(
      fc.property(tableArbitrary, fc.boolean(), ({ head, rows, hiddenBody }, weakState) => {
        const body = rows
          .map(
            (cells) =>
              `<tr>${cells
                .map(({ text, span, hidden, header }) => {
                  const tag = header ? 'th' : 'td';
                  const colspan = span > 1 ? ` colspan="${span}"` : '';
                  return `<${tag}${colspan}${hidden}><span class="chip">${esc(text)}</span></${tag}>`;
                })
                .join('')}</tr>`,
          )
          .join('');
        const html =
          `<main><h1>Sync Hub</h1><table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}` +
          `</tr></thead><tbody${hiddenBody ? ' hidden' : ''}>${body}</tbody>` +
          `<tbody>${body}</tbody></table></main>`;
        expectBriefAgrees(parseHtml(html, url), url, weakState ? weakStatePack : pack);
      }),
      RUNS,
    );
  });
});
