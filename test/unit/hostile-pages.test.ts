// @vitest-environment happy-dom
// The hostile page corpus (test/helpers/hostile-pages.ts) through the engine and the real overlay
// controller: every page is read, its payloads stay characters, and the overlay quotes them as
// text. (The same corpus runs in Chromium in test/e2e/hostile-pages.e2e.test.ts.)
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeDocument, serializeAnalysis } from '../../lib/analyze';
import { compilePack } from '../../lib/analyze/compile';
import { scorePageKinds } from '../../lib/analyze/detect';
import { parseHtml } from '../../lib/cli/html';
import { defaultRulePack } from '../../lib/rules/default';
import { parseRulePack } from '../../lib/rules/load';
import { expectValidAnalysis } from '../helpers/analysis-checks';
import { hostilePages, HUGE_MESSAGE, PAGE_TITLE } from '../helpers/hostile-pages';
import { expandBadges, loadPage, runOverlay } from '../helpers/overlay-dom';

const pack = defaultRulePack;
const pages = hostilePages();
/** What the card quotes of a message: the card shortens long messages itself. */
const quoted = (message: string) => (message.length > 400 ? `${message.slice(0, 400)}…` : message);

describe('engine on the hostile corpus', () => {
  it.each(pages.map((p) => [p.name, p] as const))('%s: every record read, text kept', (_, p) => {
    const doc = parseHtml(p.html, p.url);
    const analysis = analyzeDocument(doc, p.url, pack);
    expectValidAnalysis(analysis, doc, pack);
    expect(analysis.page).not.toBeNull();
    const read = serializeAnalysis(analysis).records.map((r) => ({
      recordNumber: r.recordNumber,
      message: r.message,
    }));
    expect(read.map((r) => r.recordNumber)).toEqual(p.records.map((r) => r.recordNumber));
    p.records.forEach((want, i) => {
      if (want.message !== null) expect(read[i]!.message).toBe(want.message);
    });
    // Nothing of the payloads became an element.
    expect(doc.querySelectorAll('main script, main img, main svg, main iframe')).toHaveLength(0);
  });

  it('one-megabyte-message: the message is capped at the pack limit and still classified', () => {
    const p = pages.find((page) => page.name === 'one-megabyte-message')!;
    const [record] = analyzeDocument(parseHtml(p.html, p.url), p.url, pack).records;
    expect(record!.message).toBe(`${HUGE_MESSAGE.slice(0, pack.maxMessageLength)}…`);
    expect(record!.messageType).toBe('mapping-missing');
  });
});

describe('overlay on the hostile corpus (happy-dom)', () => {
  let stop = () => {};
  afterEach(() => stop());

  it.each(pages.map((p) => [p.name, p] as const))(
    '%s: the card quotes the message as text and nothing active is added',
    async (_, p) => {
      loadPage(p.html);
      const title = document.title;
      const expected = serializeAnalysis(analyzeDocument(document, p.url, pack)).records;
      const overlay = await runOverlay(p.url);
      stop = overlay.stop;
      await expandBadges();
      const cards = overlay.hosts().filter((h) => h.quote !== null);
      expect(cards.map((h) => h.quote)).toEqual(expected.map((r) => quoted(r.message!)));
      for (const host of overlay.hosts()) expect(host.active).toBe(0);
      expect(document.title).toBe(title);
      expect([PAGE_TITLE, 'Sync Hub – AWRA']).toContain(title);
      expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
    },
  );
});

describe('hostile links and headings against an admin pack', () => {
  /** The built-in pack with admin page patterns for the sync log. */
  const packWith = (signals: Partial<Record<'url' | 'heading' | 'section', string[]>>) => {
    const pack = structuredClone(defaultRulePack);
    const log = pack.pages['sync-log'];
    log.urlPatterns.push(...(signals.url ?? []));
    log.headingPatterns.push(...(signals.heading ?? []));
    log.sectionPatterns.push(...(signals.section ?? []));
    const parsed = parseRulePack(pack);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    return compilePack(parsed.pack);
  };
  const score = (
    compiled: ReturnType<typeof compilePack>,
    url: string,
    headings: { level: number; text: string }[] = [],
  ) =>
    scorePageKinds(
      {
        url,
        title: '',
        headings: headings.map((h) => ({ ...h, el: document.createElement('h2') })),
        recordHeading: false,
        connectorCards: false,
      },
      compiled,
    )['sync-log'];

  it('page patterns read at most 4,000 characters of a link, the main heading and a section', () => {
    // The pattern check accepts patterns that are slow only on longer texts (as message rules
    // read at most 4,000 characters): a link's hash or a heading is as long as its author likes.
    const a = 'a'.repeat(5000);
    const within = packWith({ url: ['a{3990}'], heading: ['b{3990}'], section: ['c{3990}'] });
    const beyond = packWith({ url: ['a{4001}'], heading: ['b{4001}'], section: ['c{4001}'] });
    const link = `https://acme.awraops.com/x#${a}`;
    const headings = [
      { level: 1, text: 'b'.repeat(5000) },
      { level: 2, text: 'c'.repeat(5000) },
    ];
    expect(score(within, link, headings)).toBe(3 + 4 + 2);
    expect(score(beyond, link, headings)).toBe(0);
  });

  it('a crafted link with a half-megabyte hash is read at once', () => {
    // '/sync/.*/failed' passes the check; on 480 kB of "/sync/" it took 34 s before the cap.
    const compiled = packWith({ url: ['/sync/.*/failed'] });
    const url = `https://acme.awraops.com/sync-hub#${'/sync/'.repeat(80_000)}`;
    const doc = parseHtml('<main><h1>Sync Hub</h1><p>No failures.</p></main>', url);
    expect(analyzeDocument(doc, url, compiled.pack).records).toEqual([]);
  });
});
