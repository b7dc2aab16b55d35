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
 * Could this page be a sync screen? A few cheap reads (URL, title, the main headings' texts, and
 * one read of the content's text) decide: no layout, no per-row work. It errs towards yes: the
 * full engine, loaded only on a yes, makes the real decision. It must never say no where the
 * engine finds a sync screen: every signal the engine scores is tested here on a superset of its
 * inputs, and the weaker ones (a section heading, a record named by a heading, a connector's
 * card) count when the content also names a field of sync evidence (message, sync run, retries,
 * or a status with a status word), without which the engine finds no sync record.
 *
 * Order matters on a page load: the evidence is read before the weaker signals, so a page
 * without it (most AWRA pages) never reads its other headings. In the extension's isolated world
 * every element read pays for its first wrapper: on the mock's dashboard this order took
 * the content script's task from 3.4 to 2.7 ms (traced, lower quartile of 30 loads each).
 */
export function mayBeSyncScreen(doc: Document, url: string | null, signals: GateSignals): boolean {
  const path = serialisedPath(url);
  if (path && matches(signals.url, path)) return true;
  if (matches(signals.heading, doc.title ?? '', HEADING_LIMIT)) return true;
  const mainHeadings = doc.getElementsByTagName('h1');
  for (let i = 0; i < mainHeadings.length; i++) {
    if (matches(signals.heading, mainHeadings[i]!.textContent ?? '', HEADING_LIMIT)) return true;
  }
  const root = doc.querySelector('main, [role=main]') ?? doc.body;
  if (!root || !namesEvidence(root.textContent ?? '', signals)) return false;
  for (const heading of doc.querySelectorAll(HEADINGS)) {
    const text = heading.textContent ?? '';
    // The engine also counts a record named by the main heading ("Invoice INV-20417"); an h1's
    // page signals were matched above.
    if (heading.tagName !== 'H1' && matches(signals.heading, text, HEADING_LIMIT)) return true;
    if (hasIdLike(text.toLowerCase())) return true;
  }
  if (signals.connectors.length === 0) return false;
  for (const el of root.querySelectorAll(CARD_HEADINGS)) {
    const text = el.textContent ?? '';
    if (text.length > CARD_HEADING_LIMIT) continue;
    const lower = text.toLowerCase();
    for (const name of signals.connectors) if (hasWord(lower, name, false, text)) return true;
  }
  return false;
}

/**
 * Does the text name a field of sync evidence? A label of several words counts when each of its
 * words is in the text (a superset of the label itself being there); a status label only with a
 * status phrase in the text as well.
 */
function namesEvidence(raw: string, signals: GateSignals): boolean {
  const text = raw.toLowerCase();
  for (const words of signals.evidence) if (hasAllWords(text, raw, words)) return true;
  for (const words of signals.statusLabels) {
    if (!hasAllWords(text, raw, words)) continue;
    for (const phrase of signals.statusWords) if (hasAllWords(text, raw, phrase)) return true;
    return false;
  }
  return false;
}

function hasAllWords(text: string, raw: string, words: string[]): boolean {
  for (const word of words) if (!hasWord(text, word, true, raw)) return false;
  return true;
}
