// @vitest-environment happy-dom
// The hostile page corpus (test/helpers/hostile-pages.ts) through the engine and the real overlay
// controller: every page is read, its payloads stay characters, and the overlay quotes them as
// text. (The same corpus runs in Chromium in test/e2e/hostile-pages.e2e.test.ts.)
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeDocument, serializeAnalysis } from '../../lib/analyze';
import { parseHtml } from '../../lib/cli/html';
import { defaultRulePack } from '../../lib/rules/default';
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
