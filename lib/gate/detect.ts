import { urlPath } from '../analyze/detect';
import { idTokens } from '../analyze/values';
import type { GateSignals } from './signals';

/** Heading-like elements, hidden ones included: a superset of what the engine scores. */
const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role=heading], caption, legend';
const HEADING_LIMIT = 300;
/** Where the engine looks for a connector card's name (lib/analyze/index.ts cardHeading). */
const CARD_HEADINGS =
  'h1, h2, h3, h4, h5, h6, [role=heading], strong, b, [class*=title], [class*=name]';
const CARD_HEADING_LIMIT = 120;
const WORD_BREAK = /[^\p{L}\p{N}#]+/u;

const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

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
  const path = urlPath(url);
  if (path && signals.url.some((r) => r.test(path))) return true;
  const title = squash(doc.title).slice(0, HEADING_LIMIT);
  if (title && signals.heading.some((r) => r.test(title))) return true;
  let weak = false;
  for (const heading of doc.querySelectorAll(HEADINGS)) {
    const text = squash(heading.textContent).slice(0, HEADING_LIMIT);
    if (!text) continue;
    if (signals.heading.some((r) => r.test(text))) {
      if (heading.tagName === 'H1') return true;
      weak = true;
    }
    // The engine also counts a record named by the main heading ("Invoice INV-20417").
    weak ||= idTokens(text).some((t) => /[A-Z]/i.test(t));
  }
  const root = doc.querySelector('main, [role=main]') ?? doc.body;
  if (!root) return false;
  if (!weak && signals.connectors) {
    for (const el of root.querySelectorAll(CARD_HEADINGS)) {
      const text = el.textContent ?? '';
      if (text.length <= CARD_HEADING_LIMIT && signals.connectors.test(text)) {
        weak = true;
        break;
      }
    }
  }
  if (!weak) return false;
  // Whole words: "run" is a label, "running" is not. A label of several words counts when each
  // of its words is on the page (a superset of the label itself being there).
  const words = new Set((root.textContent ?? '').toLowerCase().split(WORD_BREAK));
  return signals.evidence.some((label) => label.split(WORD_BREAK).every((w) => !w || words.has(w)));
}
