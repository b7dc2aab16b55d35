import { holdsAll } from '../rules/prefilter';

/**
 * What the always-on gate reads, as plain data: the rule pack's page signals and connector names
 * and the labels of sync evidence, never the message rules, field synonyms or guidance (those
 * load with the overlay, on sync screens). Built-in signals are computed at build time
 * (default-signals.ts), so the gate neither imports the pack nor builds anything from it.
 */
export interface GateSignals {
  /** Every page kind's URL patterns (tested against path + query + hash). */
  url: PatternSet;
  /** Every page kind's heading and section patterns (tested against title and heading texts). */
  heading: PatternSet;
  /** Known connector names, lower case. */
  connectors: string[];
  /**
   * Per label of a field that is sync evidence on its own to the engine (message, sync run, retry
   * count): its words, lower case, split at every character that is not an ASCII letter, digit
   * or "#". Finer than the engine's words, so a label the engine can find has all its pieces on
   * the page.
   */
  evidence: string[][];
  /**
   * The status field's labels, split the same way. A status is evidence to the engine only when
   * its value reads as one of the pack's statuses, so these count only next to `statusWords`: a
   * customer's "Status: Active" is not a sync screen.
   */
  statusLabels: string[][];
  /** The pack's status phrases ("failed", "needs attention"), split the same way. */
  statusWords: string[][];
}

/**
 * A pack's patterns for the gate. `lower`: every pattern is written in lower case, so each runs
 * without the `i` and `u` flags on lower-cased text; with those flags a first test costs
 * milliseconds on every page load (Unicode case folding tables), without them far less.
 */
export interface PatternSet {
  sources: string[];
  lower: boolean;
  /**
   * Per pattern, what each of its matches contains: groups of lower-case strings, one string of
   * every group (lib/gate/sources.ts requiredLiterals); text holding them all counts as a match.
   */
  required: string[][][];
}

/** Patterns that require no literal, compiled once each when a text first needs one. */
const compiled = new Map<string, RegExp>();

/**
 * May any pattern match the text? A pattern whose required literals are all in the text counts
 * as matching without being run: a superset of its matches, which is all the gate needs, and no
 * pattern is compiled (that costs more than the rest of the decision). Only a pattern that
 * requires no literal is run, on the text with white space collapsed and cut to `limit`. Plain
 * loops: on a page load every callback is one more function to compile.
 */
export function matches(set: PatternSet, raw: string, limit = Infinity): boolean {
  const lower = raw.toLowerCase();
  for (let i = 0; i < set.sources.length; i++) {
    const required = set.required[i] ?? [];
    if (required.length > 0) {
      if (holdsAll(lower, required)) return true;
      continue;
    }
    const source = set.sources[i]!;
    let regex = compiled.get(source);
    if (!regex) compiled.set(source, (regex = new RegExp(source, set.lower ? '' : 'iu')));
    const text = (set.lower ? lower : raw).replace(/\s+/g, ' ').trim().slice(0, limit);
    if (text !== '' && regex.test(text)) return true;
  }
  return false;
}
