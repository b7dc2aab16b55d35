/**
 * The gate's signals computed from a rule pack, at build time (scripts/gen-gate-signals.ts) and
 * in tests; never in the always-on content script, which only compiles the result.
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';
import type { PageKind } from '../analyze/types';
import type { RulePack } from '../rules/schema';
import type { GateSignalSources, PatternSet } from './signals';

/** Fields whose labels make sync evidence (lib/analyze/record.ts hasSyncEvidence). */
const EVIDENCE_FIELDS = ['status', 'message', 'syncRun', 'retryCount'] as const;
const NOT_ASCII_WORD = /[^a-z0-9#]+/;

/**
 * A pattern gives the same answers on lower-cased text without flags as with `iu` on the text
 * when it names no upper-case letter and uses nothing that needs the `u` flag.
 */
const needsFlags = (source: string) =>
  /[A-Z]/.test(source.replace(/\\./g, '')) || /\\[pPuk]/.test(source);

/**
 * What every match of a pattern contains: a list of groups, each a list of strings (lower case,
 * no white space) one of which is in the match; an empty list when the pattern requires nothing
 * (or cannot be read). The gate looks for these with indexOf before it compiles a pattern, which
 * costs up to half a millisecond the first time in each page.
 */
export function requiredLiterals(source: string): string[][] {
  let pattern: AST.Pattern;
  try {
    pattern = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, {
      unicode: true,
    });
  } catch {
    return [];
  }
  return ofAlternatives(pattern.alternatives);
}

/** Each group: one of its strings is in every match. */
type Required = string[][];

/**
 * One alternative requires all its sequence does; several require one group, the union of each
 * one's best group.
 */
function ofAlternatives(alternatives: AST.Alternative[]): Required {
  if (alternatives.length === 1) return ofSequence(alternatives[0]!.elements);
  const all: string[] = [];
  for (const alternative of alternatives) {
    const best = bestGroup(ofSequence(alternative.elements));
    if (!best) return [];
    all.push(...best);
  }
  return [[...new Set(all)]];
}

const shortest = (group: string[]) => Math.min(...group.map((s) => s.length));
function bestGroup(required: Required): string[] | null {
  let best: string[] | null = null;
  for (const group of required) if (!best || shortest(group) > shortest(best)) best = group;
  return best;
}

/** A sequence requires every part: runs of literal characters and what its groups require. */
function ofSequence(elements: AST.Element[]): Required {
  const required: Required = [];
  let run = '';
  const endRun = () => {
    if (run) required.push([run]);
    run = '';
  };
  for (const element of elements) {
    if (element.type === 'Character' && !/\s/.test(String.fromCodePoint(element.value))) {
      run += String.fromCodePoint(element.value);
      continue;
    }
    endRun();
    required.push(...ofElement(element));
  }
  endRun();
  return required;
}

function ofElement(element: AST.Element): Required {
  switch (element.type) {
    case 'Group':
    case 'CapturingGroup':
      return ofAlternatives(element.alternatives);
    case 'Quantifier':
      return element.min >= 1 ? ofElement(element.element) : [];
    default:
      return [];
  }
}

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
  pack: Pick<RulePack, 'pages' | 'connectors' | 'fields'>,
): GateSignalSources {
  const kinds = Object.keys(pack.pages) as PageKind[];
  const labels = new Set<string>();
  for (const name of EVIDENCE_FIELDS)
    for (const label of pack.fields[name]?.labels ?? []) labels.add(label.toLowerCase());
  return {
    url: patternSet(kinds.flatMap((kind) => pack.pages[kind].urlPatterns)),
    heading: patternSet(
      kinds.flatMap((kind) => [
        ...pack.pages[kind].headingPatterns,
        ...pack.pages[kind].sectionPatterns,
      ]),
    ),
    connectors: [...new Set(pack.connectors.map((name) => name.toLowerCase()))],
    evidence: [...labels].map((label) => label.split(NOT_ASCII_WORD).filter(Boolean)),
  };
}

/** A pack's signals (tests; the content script reads default-signals.ts). */
export const gateSignals = gateSignalSources;
