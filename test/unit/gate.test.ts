import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../lib/analyze';
import { parseHtml } from '../../lib/cli/html';
import { mayBeSyncScreen } from '../../lib/gate/detect';
import { gateSignals } from '../../lib/gate/sources';
import { defaultRulePack } from '../../lib/rules/default';
import { loadPageFixtures } from '../helpers/fixtures';
import { startMockAwra, type MockAwra } from '../mock-awra/server';
import { join } from 'node:path';

const signals = gateSignals(defaultRulePack);
const corpora = [
  loadPageFixtures(),
  loadPageFixtures(join(import.meta.dirname, '..', 'fixtures', 'holdout')),
].flat();

// The always-on gate loads the engine only where it may be needed: it may say yes on a page the
// engine then rejects, but a no on a real sync screen would hide the overlay there.
describe('the gate before the engine', () => {
  for (const fixture of corpora) {
    const doc = () => parseHtml(fixture.html, fixture.url);
    const page = analyzeDocument(doc(), fixture.url, defaultRulePack).page;
    if (page === null) continue;
    it(`lets ${fixture.name} (${page}) through to the engine`, () => {
      expect(mayBeSyncScreen(doc(), fixture.url, signals)).toBe(true);
    });
  }

  // React and most templating render no white space between elements, so the content's text
  // runs labels into values ("StatusFailed"): the gate must still see what the engine reads.
  for (const fixture of corpora) {
    const html = fixture.html.replace(/>\s+</g, '><');
    const doc = () => parseHtml(html, fixture.url);
    const page = analyzeDocument(doc(), fixture.url, defaultRulePack).page;
    if (page === null) continue;
    it(`lets ${fixture.name} (${page}) through when rendered without white space`, () => {
      expect(mayBeSyncScreen(doc(), fixture.url, signals)).toBe(true);
    });
  }

  it('keeps the engine off most pages that are not sync screens', () => {
    const rejected = corpora
      .filter((f) => f.page === null)
      .filter((f) => !mayBeSyncScreen(parseHtml(f.html, f.url), f.url, signals))
      .map((f) => f.name);
    expect(rejected).toEqual(
      expect.arrayContaining([
        'neg-customer-list',
        'neg-dashboard-widgets',
        'neg-dashboard-sync-health',
        'neg-invoice-sync-now-button',
        'neg-settings-users',
        'neg-login-session-expired',
      ]),
    );
  });

  it('follows page signals an admin adds to the rule pack', () => {
    const html = '<main><h1>Ledger bridge</h1><p>Nothing here yet.</p></main>';
    const edited = gateSignals({
      ...defaultRulePack,
      pages: {
        ...defaultRulePack.pages,
        'sync-hub': {
          ...defaultRulePack.pages['sync-hub'],
          headingPatterns: ['\\bledger bridge\\b'],
        },
      },
    });
    const url = 'https://acme.awraops.com/bridge';
    expect(mayBeSyncScreen(parseHtml(html, url), url, signals)).toBe(false);
    expect(mayBeSyncScreen(parseHtml(html, url), url, edited)).toBe(true);
  });

  // Each weaker signal opens the gate only with sync evidence on the page, and the evidence alone
  // does not: the gate reads the evidence first, so each pair is checked both ways.
  it.each([
    ['a section heading', '<h2>Sync activity</h2>'],
    ['a record named by a heading', '<h1>Invoice INV-20417</h1>'],
    ['a connector card', '<div class="card-title">QuickBooks Online</div>'],
    ['nothing weaker', '<h2>Overview</h2>'],
  ])('needs sync evidence next to %s', (signal, markup) => {
    const url = 'https://acme.awraops.com/overview';
    const decide = (body: string) =>
      mayBeSyncScreen(parseHtml(`<main>${markup}${body}</main>`, url), url, signals);
    expect(decide('\n<p>Opened 3 days ago.</p>')).toBe(false);
    expect(decide('\n<dl><dt>Status</dt> <dd>Failed</dd></dl>')).toBe(signal !== 'nothing weaker');
  });

  it.each([
    ['a sync status', '<dt>Status</dt><dd>Failed</dd>', true],
    ['a retry count', '<dt>Retries</dt><dd>0</dd>', true],
    ['a sync run', '<dt>Sync run</dt><dd>SR-2026-11-0042</dd>', true],
    ['an acronym before a label', '<dt>QBO</dt><dd>Status</dd><dd>Needs attention</dd>', true],
    ['a status that is not a sync status', '<dt>Status</dt><dd>Active</dd>', false],
    ['no label at all', '<dt>Statusbar</dt><dd>shown</dd>', false],
  ])('reads %s run together with its value as React renders it', (_, fields, expected) => {
    const url = 'https://acme.awraops.com/customers/CUS-1044';
    const html = `<main><h1>Customer CUS-1044</h1><dl>${fields}</dl></main>`;
    expect(mayBeSyncScreen(parseHtml(html, url), url, signals)).toBe(expected);
  });

  it('takes a status for sync evidence only when a status word is on the page', () => {
    const url = 'https://acme.awraops.com/customers/CUS-1044';
    const decide = (status: string) =>
      mayBeSyncScreen(
        parseHtml(`<main><h1>Customer CUS-1044</h1><p>Status: ${status}</p></main>`, url),
        url,
        signals,
      );
    expect(decide('Active')).toBe(false);
    expect(decide('Failed')).toBe(true);
    expect(decide('Needs attention')).toBe(true);
  });

  it('reads a sync screen from its URL before its content renders', () => {
    const url = 'https://acme.awraops.com/sync-hub?status=failed';
    expect(mayBeSyncScreen(parseHtml('<main></main>', url), url, signals)).toBe(true);
  });
});

describe('the gate on the mock AWRA app', () => {
  let app: MockAwra;
  beforeAll(async () => {
    app = await startMockAwra({ port: 0 });
  });
  afterAll(() => app.close());

  const gate = async (path: string) => {
    const url = `${app.url}${path}`;
    const html = await (await fetch(url)).text();
    const doc = parseHtml(html, url);
    return {
      gate: mayBeSyncScreen(doc, url, signals),
      page: analyzeDocument(parseHtml(html, url), url, defaultRulePack).page,
    };
  };

  it('lets every sync screen through', async () => {
    for (const path of [
      '/sync-hub',
      '/qbo-sync',
      '/qbo-sync/INV-20417',
      '/integrations',
      '/invoices/INV-20417',
      '/bills/BILL-3107',
      '/payments/PAY-8812',
      '/customers/CUS-1057',
    ]) {
      expect({ path, ...(await gate(path)) }).toMatchObject({ path, gate: true });
    }
  });

  it('stops at the dashboard (its "Sync Hub" card is not a sync screen) and plain lists', async () => {
    for (const path of [
      '/',
      '/invoices',
      '/payments',
      '/customers',
      '/settings',
      '/customers/CUS-1044',
    ]) {
      expect({ path, ...(await gate(path)) }).toEqual({ path, gate: false, page: null });
    }
  });
});
