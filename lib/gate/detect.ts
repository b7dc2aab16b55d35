import { matches, type GateSignals } from './signals';
import { hasIdLike, hasWord, serialisedPath } from './text';

/** Heading-like elements, hidden ones included: a superset of what the engine scores. */
const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role=heading], caption, legend';
const HEADING_LIMIT = 300;
/** Where the engine looks for a connector card's name (lib/analyze/index.ts cardHeading). */
const CARD_HEADINGS =
  'h1, h2, h3, h4, h5, h6, [role=heading], strong, b, [class*=title], [class*=name]';
const CARD_HEADING_LIMIT = 120;
/**
 * Could this page be a sync screen? A few cheap reads (URL, title, heading texts, and only when
 * those are not conclusive one read of the content's text) decide: no layout, no per-row work.
 * It errs towards yes: the full engine, loaded only on a yes, makes the real decision. It must
 * never say no where the engine finds a sync screen: every signal the engine scores is tested
 * here on a superset of its inputs, and the weaker ones (a section heading, a record named by
 * the heading, a connector's card) count when the content also names a field of sync evidence
 * (status, message, sync run, retries), without which the engine finds no sync record.
 */
export function mayBeSyncScreen(doc: Document, url: string | null, signals: GateSignals): boolean {
  const path = serialisedPath(url);
  if (path && matches(signals.url, path)) return true;
  if (matches(signals.heading, doc.title ?? '', HEADING_LIMIT)) return true;
  let weak = false;
  for (const heading of doc.querySelectorAll(HEADINGS)) {
    const text = heading.textContent ?? '';
    if (matches(signals.heading, text, HEADING_LIMIT)) {
      if (heading.tagName === 'H1') return true;
      weak = true;
    }
    // The engine also counts a record named by the main heading ("Invoice INV-20417").
    weak ||= hasIdLike(text.toLowerCase());
  }
  const root = doc.querySelector('main, [role=main]') ?? doc.body;
  if (!root) return false;
  if (!weak && signals.connectors.length > 0) {
    for (const el of root.querySelectorAll(CARD_HEADINGS)) {
      const text = el.textContent ?? '';
      if (text.length > CARD_HEADING_LIMIT) continue;
      const lower = text.toLowerCase();
      for (const name of signals.connectors) weak ||= hasWord(lower, name, false);
      if (weak) break;
    }
  }
  if (!weak) return false;
  // A label of several words counts when each of its words is on the page (a superset of the
  // label itself being there).
  const text = (root.textContent ?? '').toLowerCase();
  for (const words of signals.evidence) {
    let all = true;
    for (const word of words) all &&= hasWord(text, word);
    if (all) return true;
  }
  return false;
}
