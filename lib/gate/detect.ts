import { urlPath } from '../analyze/detect';
import { idTokens } from '../analyze/values';
import { SYNC_WORDS, type GateSignals } from './signals';

/** Heading-like elements, hidden ones included: a superset of what the engine scores. */
const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role=heading], caption, legend';
const HEADING_LIMIT = 300;
/** Where the engine looks for a connector card's name (lib/analyze/index.ts cardHeading). */
const CARD_HEADINGS =
  'h1, h2, h3, h4, h5, h6, [role=heading], strong, b, [class*=title], [class*=name]';
const CARD_HEADING_LIMIT = 120;

const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/**
 * Could this page be a sync screen? A few cheap reads (URL, title, heading texts) decide: no
 * layout, no per-row work. It errs towards yes: the full engine, loaded only on a yes, makes the
 * real decision (and may still find no sync screen). It must never say no where the engine would
 * find one: every signal the engine scores is tested here on a superset of the same inputs.
 */
export function mayBeSyncScreen(doc: Document, url: string | null, signals: GateSignals): boolean {
  const path = urlPath(url);
  if (path && signals.url.some((r) => r.test(path))) return true;
  const title = squash(doc.title).slice(0, HEADING_LIMIT);
  if (title && signals.heading.some((r) => r.test(title))) return true;
  const headings = doc.querySelectorAll(HEADINGS);
  let recordHeading = false;
  for (const heading of headings) {
    const text = squash(heading.textContent).slice(0, HEADING_LIMIT);
    if (!text) continue;
    if (signals.heading.some((r) => r.test(text))) return true;
    // The engine also counts a record named by the main heading ("Invoice INV-20417").
    if (!recordHeading) recordHeading = idTokens(text).some((t) => /[A-Z]/i.test(t));
  }
  // Left: a record page or connector cards without a sync heading. A record page needs sync
  // content, so its text (one read, no layout) must hold a sync word; a connector card is named
  // by a short heading-like element, as the engine reads it.
  const root = doc.querySelector('main, [role=main]') ?? doc.body;
  if (!root) return false;
  if (recordHeading && SYNC_WORDS.test(root.textContent ?? '')) return true;
  if (!signals.connectors) return false;
  for (const el of root.querySelectorAll(CARD_HEADINGS)) {
    const text = el.textContent ?? '';
    if (text.length <= CARD_HEADING_LIMIT && signals.connectors.test(text)) return true;
  }
  return false;
}
