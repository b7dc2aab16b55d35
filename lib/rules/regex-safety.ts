/**
 * Refuses message-rule patterns that do not compile or that can take exponential time on a
 * hostile message (catastrophic backtracking). Pure and static: the pattern is read, never run,
 * so the answer does not depend on the machine's speed. Used by the rule-pack schema (so every
 * loader refuses such a pack, naming the path) and by the options page's live pattern check.
 *
 * What is refused (the shapes behind nearly all ReDoS reports):
 * - a repeated group that itself contains a repeated part: `(a+)+`, `(\w+\s?)*`, `(?:x{2,})+`,
 *   except a few copies (at most MAX_BOUNDED_NEST) such as `(?:[\w-]{1,30}\s){0,3}`, left to
 *   the automaton below, which sees whether the copies can share a text;
 * - a repeated group whose alternatives overlap: `(a|a)+`, `(ab|a)*`, `(\w|.)+` (again unless
 *   repeated at most MAX_BOUNDED_NEST times);
 * - a repeated group with an optional end that starts like the group: `(?:ab?|b)+`, `(?:ab?a?)+`
 *   (the same count limit).
 * Optional parts (`?`, `{0,1}`) do not count as repetition. Those shapes are named for what
 * they are; what they miss, the pattern's automaton catches (lib/rules/regex-ambiguity.ts): a
 * repeated part that reads a text two ways at any depth (`(a(?:b|bc?))+`, `(?:ab?b?)+`), and
 * repeats in a row that can share a text (`\s*\s*`, `.*not.*found`), which on the classifier's
 * 4,000-character messages take seconds.
 */

import { canMatchEmpty, firstCharsOverlap, tailOverlap } from './first-chars';
import { ambiguityProblem } from './regex-ambiguity';
import { atomEnd, quantifierAt } from './regex-tokens';

/** Why `source` may not be used as a rule pattern, or null when it may. */
export function patternProblem(source: string): string | null {
  const invalid = compileProblem(source);
  if (invalid) return invalid;
  const problem = slowShape(source);
  if (!problem) return null;
  const bare = withoutEdgeAnyText(source);
  // ".*timeout.*" is how many write "contains timeout": what to write comes first, since the
  // reason itself is about a ".*" the admin did not mean.
  return bare && !compileProblem(bare) && !slowShape(bare)
    ? `write "${bare}" instead: a pattern is looked for anywhere in a message, so a leading or trailing ".*" adds nothing, and as written, ${problem}`
    : problem;
}

/** Why `source` does not compile as a rule pattern ('iu' flags), or null. */
export function compileProblem(source: string): string | null {
  try {
    new RegExp(source, 'iu');
    return null;
  } catch (error) {
    return `invalid regular expression: ${error instanceof Error ? error.message : String(error)}`;
  }
}

const slowShape = (source: string) => backtrackingProblem(source) ?? ambiguityProblem(source);

/**
 * The pattern without a leading ".*" (after "^") and a trailing one (before "$"), or null when it
 * has neither. Rules only test whether a pattern is found in a text of one line (messages and
 * headings are read with white space collapsed), so both find the same texts.
 */
export function withoutEdgeAnyText(source: string): string | null {
  let bare = source;
  const lead = /^\^?\.\*(?![*+?{])/.exec(bare);
  if (lead) bare = bare.slice(lead[0].length);
  const trail = /\.\*\$?$/.exec(bare);
  // "\.*" is a run of dots, not any text: the dot must not be escaped.
  if (trail && /(?:^|[^\\])(?:\\\\)*$/.test(bare.slice(0, trail.index)))
    bare = bare.slice(0, trail.index);
  return bare === source || bare === '' || /^[|)]|[|(]$/.test(bare) ? null : bare;
}

interface Frame {
  /** Index of the group's "(". */
  open: number;
  /** Index of the group's first content character. */
  start: number;
  /** Indexes of this group's own top-level `|`. */
  bars: number[];
  /** How some part inside the group repeats (at any depth). */
  repeats: Repeat;
}

/** No repetition, a bounded count ({1,30}) or an unbounded one (*, +, {2,}). */
type Repeat = 0 | 1 | 2;
const NONE = 0;
const BOUNDED = 1;
const UNBOUNDED = 2;

/** A bounded group may repeat a bounded part at most this many times. */
const MAX_BOUNDED_NEST = 5;

const repeatOf = (max: number): Repeat => (max === Infinity ? UNBOUNDED : max > 1 ? BOUNDED : NONE);

/** Tokens that match almost any character: two alternatives starting with them overlap. */
const BROAD = /^(?:\.|\\[wWsSdDpP]|\[\^)/;

function alternativesOverlap(alternatives: string[]): boolean {
  for (let a = 0; a < alternatives.length; a++) {
    for (let b = a + 1; b < alternatives.length; b++) {
      const [x, y] = [alternatives[a]!, alternatives[b]!];
      if (x === '' || y === '') continue;
      if (x.startsWith(y) || y.startsWith(x)) return true;
      if (BROAD.test(x) && BROAD.test(y)) return true;
      if (x.startsWith('.') || y.startsWith('.')) return true; // "." overlaps everything
    }
  }
  // Any character that can start two alternatives (case folded: "(a|A)+", classes against
  // literals: "(\d|1)+", "([a-z]|a)+", "(x|\w)+"), or an alternative that can match nothing.
  return firstCharsOverlap(alternatives);
}

function backtrackingProblem(source: string): string | null {
  const stack: Frame[] = [{ open: -1, start: 0, bars: [], repeats: NONE }];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '(') {
      const m = /^\((?:\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>))?/.exec(source.slice(i))!;
      stack.push({ open: i, start: i + m[0].length, bars: [], repeats: NONE });
      i += m[0].length;
      continue;
    }
    if (c === '|') {
      stack.at(-1)!.bars.push(i);
      i += 1;
      continue;
    }
    let innerRepeats: Repeat = NONE;
    let closed: Frame | null = null;
    let end: number;
    if (c === ')') {
      closed = stack.length > 1 ? stack.pop()! : null;
      end = i + 1;
      innerRepeats = closed?.repeats ?? NONE;
    } else {
      end = atomEnd(source, i);
    }
    const quantifier = quantifierAt(source, end);
    const outer = repeatOf(quantifier.max);
    if (outer !== NONE && closed) {
      const body = source.slice(closed.start, i);
      // A few copies of a group with a loop ("(?:\\w+\\s){0,4}") are left to the automaton, which
      // sees whether the copies can share a text.
      const nested =
        innerRepeats !== NONE && (outer === UNBOUNDED || quantifier.max > MAX_BOUNDED_NEST);
      if (nested)
        return `nested quantifier in "${source.slice(closed.open, end + quantifier.length)}": a repeated group that contains a repeated part can take exponential time (catastrophic backtracking)`;
      const cuts = [closed.start - 1, ...closed.bars, i];
      const alternatives = cuts.slice(1).map((cut, k) => source.slice(cuts[k]! + 1, cut));
      const many = outer === UNBOUNDED || quantifier.max > MAX_BOUNDED_NEST;
      if (many && closed.bars.length > 0 && alternativesOverlap(alternatives))
        return `overlapping alternatives in repeated group "(${body})": they can take exponential time (catastrophic backtracking)`;
      if (many && tailOverlap(alternatives))
        return `optional end that starts like the group in repeated group "(${body})": it can take exponential time (catastrophic backtracking)`;
    }
    // An exact count ("\\d{3}") reads one way: it does not make its group a repeating one,
    // unless what it counts can match nothing ("(?:\\w?){25}" reads "a" 25 ways).
    const exact =
      quantifier.min === quantifier.max &&
      !(closed && canMatchEmpty(source.slice(closed.start, i)));
    const contributes = exact ? NONE : outer;
    const parent = stack.at(-1)!;
    parent.repeats = Math.max(parent.repeats, innerRepeats, contributes) as Repeat;
    i = end + quantifier.length;
  }
  return null;
}
