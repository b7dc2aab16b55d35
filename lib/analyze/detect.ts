import { MAX_CLASSIFIED_LENGTH } from './classify';
import type { Heading } from './collect';
import type { CompiledPack } from './compile';
import { PAGE_KINDS, type PageKind } from './types';

export interface PageSignalsInput {
  url: string | null;
  title: string;
  headings: Heading[];
  /** The main heading names a record (an identifier such as INV-20417). */
  recordHeading: boolean;
  /** Records came from cards named after connectors. */
  connectorCards: boolean;
}

/**
 * A pack's page patterns read at most this much of a text, as its message rules do: the pattern
 * check (lib/rules/regex-ambiguity.ts) accepts patterns that are slow only on longer texts, and a
 * link's hash or a heading can be as long as anyone sending the link or writing a page likes.
 */
const signalText = (text: string) =>
  text.length > MAX_CLASSIFIED_LENGTH ? text.slice(0, MAX_CLASSIFIED_LENGTH) : text;

/** Path, query and hash of a URL; null for unknown or non-web URLs (a page saved to disk). */
export function urlPath(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return `${parsed.pathname}${parsed.search}${parsed.hash}`;
  } catch {
    return null;
  }
}

export function mainHeading(headings: Heading[]): Heading | null {
  return (
    headings.find((h) => h.level === 1) ??
    headings.reduce<Heading | null>((best, h) => (!best || h.level < best.level ? h : best), null)
  );
}

/**
 * Scores each page kind from its signals: the URL (3), the main heading (4), the title (2),
 * the best section heading (2 for a kind's section words, 1 for its heading words). The caller decides
 * whether the page holds sync content at all; chrome never reaches here.
 */
export function scorePageKinds(
  input: PageSignalsInput,
  compiled: CompiledPack,
): Record<PageKind, number> {
  const scores = { 'sync-hub': 0, 'qbo-sync': 0, integrations: 0, 'sync-log': 0 } as Record<
    PageKind,
    number
  >;
  const url = urlPath(input.url);
  const path = url && signalText(url);
  const main = mainHeading(input.headings);
  const mainText = main && signalText(main.text);
  const title = input.title.slice(0, 300);
  for (const kind of PAGE_KINDS) {
    const signals = compiled.pages[kind];
    if (path && signals.url.some((r) => r.test(path))) scores[kind] += 3;
    if (mainText && signals.heading.some((r) => r.test(mainText))) scores[kind] += 4;
    if (title && signals.heading.some((r) => r.test(title))) scores[kind] += 2;
    let section = 0;
    for (const heading of input.headings) {
      if (heading === main || section === 2) continue;
      const text = signalText(heading.text);
      if (signals.section.some((r) => r.test(text))) section = 2;
      else if (signals.heading.some((r) => r.test(text))) section = 1;
    }
    scores[kind] += section;
  }
  if (input.recordHeading) scores['sync-log'] += 1;
  if (input.connectorCards) scores.integrations += 1;
  return scores;
}

/** The highest-scoring kind; a tie goes to `onTie` when it is among the best, else the first. */
export function bestKind(
  scores: Record<PageKind, number>,
  onTie: PageKind | null = null,
): PageKind | null {
  let best: PageKind | null = null;
  for (const kind of PAGE_KINDS)
    if (scores[kind] > 0 && (!best || scores[kind] > scores[best])) best = kind;
  return best && onTie && scores[onTie] === scores[best] ? onTie : best;
}
