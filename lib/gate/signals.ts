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
  /**
   * The labels of the fields the engine's sync evidence rests on (status, message, sync run,
   * retry count), lower case: a page whose text holds none of them cannot hold a sync record.
   * Plain substrings, not one big regular expression: that costs tens of milliseconds a page.
   */
  evidence: string[];
}

/** Fields whose labels make sync evidence (lib/analyze/record.ts hasSyncEvidence). */
const EVIDENCE_FIELDS = ['status', 'message', 'syncRun', 'retryCount'] as const;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function gateSignals(pack: Pick<RulePack, 'pages' | 'connectors' | 'fields'>): GateSignals {
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
    evidence: evidenceWords(pack.fields),
  };
}

function evidenceWords(fields: RulePack['fields']): string[] {
  const words = new Set<string>();
  for (const name of EVIDENCE_FIELDS)
    for (const label of fields[name]?.labels ?? []) words.add(label.toLowerCase());
  return [...words];
}
