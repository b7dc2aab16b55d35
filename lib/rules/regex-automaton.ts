/**
 * A pattern's position automaton (Glushkov): one state per atom (a character, escape, class or
 * "."), an edge from each atom to every atom that can come next. Backtracking explores this
 * automaton's paths, so how many paths one text has (lib/rules/regex-ambiguity.ts) is how much
 * work a hostile message can cause. Read from the source with the 'iu' flags rules compile with.
 *
 * A count up to MAX_SPELLED (regex-tree.ts) is spelled out (x{2,4} = x x (x (x)?)?): a loop inside a loop would
 * share its edges and hide the ways the two divide a text ("(?:\w{1,30}\s?){0,3}"). A larger
 * count, and any unbounded repeat, becomes a loop that remembers how many turns it allows.
 * A lookaround's body is a branch that leaves where it stands and leads nowhere: it runs at each
 * place the text before it can end ("\w+(?=.*expired)" runs ".*" at each end of "\w+").
 * A lookbehind's body is read backwards (regex-tree.ts). What the automaton cannot show (ways
 * that spelled counts and optional parts multiply) regex-ways.ts reads from the tree.
 * A word boundary ("\b") between a part that reads only word characters (or only others) and
 * the next part of the same sequence lets that part start only with a character of the other
 * kind: "\d+\b.*" leaves the digits where their run ends, one way.
 * Approximations, each adding paths rather than removing them: anchors, and word boundaries
 * anywhere else, match nothing; a back-reference is any text; a loop needs at most one turn
 * whatever its count.
 */
import { sameSide } from './first-chars';
import { loops, type PatternNode } from './regex-tree';

/** A pattern whose automaton would have more states is not analysed (too complex to check). */
export const MAX_STATES = 4000;

export interface Automaton {
  /** Each state's atom source. */
  atoms: string[];
  /** States that can come next after each state. */
  follow: Set<number>[];
  /**
   * Ways the loops around each state let it divide a text with the states next to it (x{1,30}:
   * 30; Infinity for x* or x+), the most when loops nest; 0 for a state in no loop.
   */
  choices: number[];
  /** Turns the loops around each state allow (x{1,30}: 30); 0 for a state in no loop. */
  turns: number[];
}

/** Edges across a word boundary, from each state: resolved once every edge is known. */
type Across = Map<number, Set<number>>;

interface Built {
  first: number[];
  last: number[];
  nullable: boolean;
}

class TooComplex extends Error {}

function build(node: PatternNode, automaton: Automaton, across: Across): Built {
  switch (node.kind) {
    case 'atom': {
      if (automaton.atoms.length >= MAX_STATES) throw new TooComplex();
      const state = automaton.atoms.push(node.source) - 1;
      automaton.follow.push(new Set());
      automaton.choices.push(0);
      automaton.turns.push(0);
      return { first: [state], last: [state], nullable: false };
    }
    // Alone (an alternative of its own), a boundary guards no edge: read as matching nothing.
    case 'boundary':
      return { first: [], last: [], nullable: true };
    case 'alt': {
      const built = node.options.map((option) => build(option, automaton, across));
      return {
        first: built.flatMap((b) => b.first),
        last: built.flatMap((b) => b.last),
        nullable: built.some((b) => b.nullable),
      };
    }
    case 'side':
      return sequence([node], automaton, across);
    case 'seq':
      return sequence(node.items, automaton, across);
    case 'repeat': {
      const { min, max } = node;
      if (!loops(min, max, node.node.kind === 'atom'))
        return spelled(node.node, min, max, automaton, across);
      // x{2,} = x+, x{0,30} = (x+)?: one copy, going round.
      const from = automaton.atoms.length;
      const built = build(node.node, automaton, across);
      connect(automaton, built.last, built.first);
      // A body that can match nothing may be skipped at any turn: "(?:\w?){25}" is {0,25}.
      const choices = max - (built.nullable ? 0 : min) + 1;
      for (let state = from; state < automaton.atoms.length; state++) {
        automaton.choices[state] = Math.max(automaton.choices[state]!, choices);
        automaton.turns[state] = Math.max(automaton.turns[state]!, max);
      }
      return { ...built, nullable: built.nullable || min === 0 };
    }
  }
}

function connect(automaton: Automaton, from: number[], to: number[]): void {
  for (const a of from) for (const b of to) automaton.follow[a]!.add(b);
}

function sequence(items: PatternNode[], automaton: Automaton, across: Across): Built {
  const result: Built = { first: [], last: [], nullable: true };
  // States a "\b" stands after, until a part that must read a character follows.
  let beforeBoundary = new Set<number>();
  for (const item of items) {
    if (item.kind === 'boundary') {
      beforeBoundary = new Set([...beforeBoundary, ...result.last]);
      continue;
    }
    if (item.kind === 'side') {
      // Entered from wherever the text so far can end; its own end leads nowhere.
      const built = build(item.node, automaton, across);
      connect(automaton, result.last, built.first);
      if (result.nullable) result.first.push(...built.first);
      continue;
    }
    const built = build(item, automaton, across);
    for (const a of result.last) {
      if (!beforeBoundary.has(a)) connect(automaton, [a], built.first);
      else for (const b of built.first) across.get(a)?.add(b) ?? across.set(a, new Set([b]));
    }
    if (result.nullable) result.first.push(...built.first);
    result.last = built.nullable ? [...result.last, ...built.last] : built.last;
    result.nullable &&= built.nullable;
    if (!built.nullable) beforeBoundary = new Set();
  }
  return result;
}

/**
 * `min` required copies, then optional ones, each entered only from the one before it (x{0,2}
 * reads "x" one way, not two): the states backtracking really has.
 */
function spelled(
  node: PatternNode,
  min: number,
  max: number,
  automaton: Automaton,
  across: Across,
): Built {
  const required = sequence(Array<PatternNode>(min).fill(node), automaton, across);
  const first = [...required.first];
  const last = [...required.last];
  let exits = required.last;
  // Whether the optional copy about to be entered can be the first thing read.
  let atStart = required.nullable;
  for (let k = min; k < max; k++) {
    const built = build(node, automaton, across);
    connect(automaton, exits, built.first);
    if (atStart) first.push(...built.first);
    last.push(...built.last);
    exits = built.nullable ? [...exits, ...built.last] : built.last;
    atStart &&= built.nullable;
  }
  return { first, last, nullable: required.nullable };
}

/**
 * A pattern's automaton, or null when it is too complex to check (more than MAX_STATES states
 * once counts are spelled out).
 */
export function automatonOf(pattern: PatternNode): Automaton | null {
  const automaton: Automaton = { atoms: [], follow: [], choices: [], turns: [] };
  const across: Across = new Map();
  try {
    build(pattern, automaton, across);
    crossBoundaries(automaton, across);
    return automaton;
  } catch (error) {
    if (error instanceof TooComplex) return null;
    throw error;
  }
}

/** Read with the "iu" flags, as everywhere in these checks. */
const NOT_WORD = String.raw`\W`;
const WORD = String.raw`\w`;

/**
 * Edges across a word boundary: from a state that reads only word characters, the next state may
 * read only a character that is not one (and the other way round). A next state that reads only
 * the allowed kind is entered as it is, one that reads only the other kind not at all, and one
 * that may read both (or is not sure to read one kind) as a copy that reads only the allowed
 * kind, with the same edges onwards. From a state that may read both kinds the edge stays.
 */
function crossBoundaries(automaton: Automaton, across: Across): void {
  const copies = new Map<string, number>();
  const copied = new Map<number, number>();
  const copyOf = (b: number, allowed: string) => {
    const key = `${b} ${allowed}`;
    let copy = copies.get(key);
    if (copy === undefined) {
      if (automaton.atoms.length >= MAX_STATES) throw new TooComplex();
      copy = automaton.atoms.push(`${automaton.atoms[b]!}(?<=${allowed})`) - 1;
      automaton.follow.push(new Set());
      automaton.choices.push(automaton.choices[b]!);
      automaton.turns.push(automaton.turns[b]!);
      copies.set(key, copy);
      copied.set(copy, b);
    }
    return copy;
  };
  for (const [a, targets] of across) {
    const side = sameSide([automaton.atoms[a]!]);
    for (const b of targets) {
      if (side === null) {
        automaton.follow[a]!.add(b);
        continue;
      }
      const next = sameSide([automaton.atoms[b]!]);
      if (automaton.follow[a]!.has(b) || next === side) continue;
      automaton.follow[a]!.add(next === null ? copyOf(b, side === 'word' ? NOT_WORD : WORD) : b);
    }
  }
  // Edges onwards once every other edge is in (a copy's own next states may be copies).
  for (const [copy, b] of copied)
    for (const next of automaton.follow[b]!) automaton.follow[copy]!.add(next);
}
