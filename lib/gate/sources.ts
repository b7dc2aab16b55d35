/**
 * The gate's signals computed from a rule pack, at build time (scripts/gen-prefilters.ts) and
 * in tests; never in the always-on content script, which reads the result as it is.
 */
import type { PageKind } from '../analyze/types';
import { requiredLiterals } from '../rules/literals';
import type { RulePack } from '../rules/schema';
import type { GateSignals, PatternSet } from './signals';

/**
 * Fields whose labels make sync evidence (lib/analyze/record.ts hasSyncEvidence); the status
 * field's only with a status the pack knows.
 */
const EVIDENCE_FIELDS = ['message', 'syncRun', 'retryCount'] as const;
const NOT_ASCII_WORD = /[^a-z0-9#]+/;

/**
 * A pattern gives the same answers on lower-cased text without flags as with `iu` on the text
 * when it names no upper-case letter and uses nothing that needs the `u` flag.
 */
const needsFlags = (source: string) =>
  /[A-Z]/.test(source.replace(/\\./g, '')) || /\\[pPuk]/.test(source);

function patternSet(sources: string[]): PatternSet {
  const lower = sources.every((source) => !needsFlags(source));
  return {
    sources,
    lower,
    // Literals are looked for in lower-cased text: only patterns written in lower case have them.
    required: sources.map((source) => (lower ? requiredLiterals(source) : [])),
  };
}

export function gateSignalSources(
  pack: Pick<RulePack, 'pages' | 'connectors' | 'fields' | 'statuses'>,
): GateSignals {
  const kinds = Object.keys(pack.pages) as PageKind[];
  const labels = new Set<string>();
  for (const name of EVIDENCE_FIELDS)
    for (const label of labelsOf(pack.fields[name])) labels.add(label.toLowerCase());
  return {
    url: patternSet(kinds.flatMap((kind) => pack.pages[kind].urlPatterns)),
    heading: patternSet(
      kinds.flatMap((kind) => [
        ...pack.pages[kind].headingPatterns,
        ...pack.pages[kind].sectionPatterns,
      ]),
    ),
    connectors: [...new Set(pack.connectors.map((name) => name.toLowerCase()))],
    evidence: withoutSupersets([...labels].map(asciiWords)),
    statusLabels: withoutSupersets(lowerCased(labelsOf(pack.fields.status)).map(asciiWords)),
    statusWords: withoutSupersets(lowerCased(Object.values(pack.statuses).flat()).map(asciiWords)),
  };
}

/** A field's labels, its preferred ones included. */
const labelsOf = (spec: RulePack['fields'][keyof RulePack['fields']] | undefined) =>
  spec ? [...spec.labels, ...spec.preferredLabels] : [];
const asciiWords = (text: string) => text.split(NOT_ASCII_WORD).filter(Boolean);
const lowerCased = (texts: string[]) => [...new Set(texts.map((text) => text.toLowerCase()))];

/**
 * The gate asks whether every word of some list is in the text: a list holding all of another's
 * words ("sync status" and "status") can never be the only one to say yes. Dropped, the always-on
 * script carries less and the answers stay the same.
 */
export function withoutSupersets(lists: string[][]): string[][] {
  const holds = (list: string[], other: string[]) => other.every((word) => list.includes(word));
  return lists.filter(
    (list, index) =>
      !lists.some(
        (other, at) => at !== index && holds(list, other) && (!holds(other, list) || at < index),
      ),
  );
}

/** A pack's signals (tests; the content script reads default-signals.ts). */
export const gateSignals = gateSignalSources;
