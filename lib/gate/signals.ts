import type { PageKind } from '../analyze/types';
import type { RulePack } from '../rules/schema';

/**
 * What the always-on gate reads: only the rule pack's page signals and connector names, never
 * the message rules, field synonyms or guidance (those load with the overlay, on sync screens).
 */
export interface GateSignals {
  /** Every page kind's URL patterns (tested against path + query + hash). */
  url: RegExp[];
  /** Every page kind's heading and section patterns (tested against title and heading texts). */
  heading: RegExp[];
  /** Known connector names as whole words, or null when the pack lists none. */
  connectors: RegExp | null;
}

/**
 * Words of sync content the engine's evidence rests on (a sync run, a retry or attempt count, a
 * delivery, an integration log): used only when no page signal matched, to decide whether a
 * record page or a page of connector cards may still hold a sync log.
 */
export const SYNC_WORDS =
  /\b(?:sync|synced|syncing|synchroni[sz]ation|retry|retries|retried|attempts?|deliver(?:y|ies)|integration|posting|export(?:ed)?)\b/i;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function gateSignals(pack: Pick<RulePack, 'pages' | 'connectors'>): GateSignals {
  const kinds = Object.keys(pack.pages) as PageKind[];
  const compile = (sources: string[]) => sources.map((source) => new RegExp(source, 'iu'));
  return {
    url: kinds.flatMap((kind) => compile(pack.pages[kind].urlPatterns)),
    heading: kinds.flatMap((kind) =>
      compile([...pack.pages[kind].headingPatterns, ...pack.pages[kind].sectionPatterns]),
    ),
    connectors: pack.connectors.length
      ? new RegExp(
          `(?:^|[^\\p{L}\\p{N}])(?:${pack.connectors.map(escape).join('|')})(?![\\p{L}\\p{N}])`,
          'iu',
        )
      : null,
  };
}
