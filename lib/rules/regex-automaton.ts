/**
 * A pattern's position automaton (Glushkov): one state per atom (a character, escape, class or
 * "."), an edge from each atom to every atom that can come next. Backtracking explores this
 * automaton's paths, so how many paths one text has (lib/rules/regex-ambiguity.ts) is how much
 * work a hostile message can cause. Read from the source with the 'iu' flags rules compile with.
 *
 * A count up to MAX_SPELLED is spelled out (x{2,4} = x x (x (x)?)?): a loop inside a loop would
 * share its edges and hide the ways the two divide a text ("(?:\w{1,30}\s?){0,3}"). A larger
 * count, and any unbounded repeat, becomes a loop that remembers how many turns it allows.
 * A lookaround's body is a branch that leaves where it stands and leads nowhere: it runs at each
 * place the text before it can end ("\w+(?=.*expired)" runs ".*" at each end of "\w+").
 * A lookbehind's body is read backwards. What the automaton cannot show (ways that spelled
 * counts and optional parts multiply) spelledWays reads from the tree.
 * Approximations, each adding paths rather than removing them: anchors and word boundaries match
 * nothing; a back-reference is any text; a loop needs at most one turn whatever its count.
 */
import { MAX_CLASSIFIED_LENGTH } from '../analyze/classify';
import { atomsShareChar } from './first-chars';
import { atomEnd, quantifierAt } from './regex-tokens';

const MAX_SPELLED = 5;
/** A pattern whose automaton would have more states is not analysed (too complex to check). */
export const MAX_STATES = 4000;

/**
 * Whether a count becomes a loop rather than copies: any count above MAX_SPELLED, and a count of
 * one character that allows a choice ("\\w{0,5}" divides a text with a "\\w*" before it in six
 * ways, which its loop's weight says).
 */
const loops = (min: number, max: number, atom: boolean) =>
  max > MAX_SPELLED || (atom && max > 1 && max > min);

export type PatternNode = Node;
type Node =
  | { kind: 'atom'; source: string }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; options: Node[] }
  | { kind: 'repeat'; node: Node; min: number; max: number }
  /** A lookaround's body. */
  | { kind: 'side'; node: Node };

const EMPTY: Node = { kind: 'seq', items: [] };
const LOOKAROUND = /^\(\?(?:=|!|<=|<!)/;
const GROUP_HEAD = /^\((?:\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>))?/;
const BACK_REFERENCE = /^\\(?:[1-9]|k<)/;

/**
 * Whether a pattern may read a text more than one way at all: two loops or optional parts (a
 * back-reference is a loop), a loop around a group, or a group repeated more than once. A single repeated character
 * ("\s*") cannot; most alternatives of a long rule have no more, and skipping their analysis
 * keeps a pack's check short.
 */
export function mayBeAmbiguous(source: string): boolean {
  let count = 0;
  for (let i = 0; i < source.length;) {
    const c = source[i]!;
    const end = c === '\\' || c === '[' ? atomEnd(source, i) : i + 1;
    if (BACK_REFERENCE.test(source.slice(i, end))) count++;
    const { length, min, max } = quantifierAt(source, end);
    if (c === ')' && max > 1) return true;
    // A loop, or an optional part ("\\w?"), may divide a text with what comes next.
    if (length > 0 && (loops(min, max, true) || (min === 0 && max === 1))) count++;
    if (count >= 2) return true;
    i = end + length;
  }
  return false;
}

/** Parses `source`, already known to compile. */
export function parsePattern(source: string): Node {
  let i = 0;
  const alternation = (): Node => {
    const options = [sequence()];
    while (source[i] === '|') {
      i++;
      options.push(sequence());
    }
    return options.length === 1 ? options[0]! : { kind: 'alt', options };
  };
  const sequence = (): Node => {
    const items: Node[] = [];
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      const item = atom();
      const quantifier = quantifierAt(source, i);
      i += quantifier.length;
      if (item === null) continue;
      items.push(
        quantifier.length === 0 || item.kind === 'side'
          ? item
          : { kind: 'repeat', node: item, min: quantifier.min, max: quantifier.max },
      );
    }
    return items.length === 1 ? items[0]! : { kind: 'seq', items };
  };
  /** The next atom or group, or null for what matches no character (an anchor). */
  const atom = (): Node | null => {
    const c = source[i]!;
    if (c === '(') {
      const rest = source.slice(i);
      const head = GROUP_HEAD.exec(rest)![0];
      i += head.length;
      const body = alternation();
      i++; // ")"
      if (!LOOKAROUND.test(rest)) return body;
      // A lookbehind reads backwards from where it stands, over the text just read.
      return { kind: 'side', node: rest.startsWith('(?<') ? reversed(body) : body };
    }
    if (c === '^' || c === '$') {
      i++;
      return null;
    }
    if (c === '\\' && (source[i + 1] === 'b' || source[i + 1] === 'B')) {
      i += 2;
      return null;
    }
    const start = i;
    i = atomEnd(source, i);
    // An astral character is one atom under the u flag, two code units in the source.
    if (i === start + 1 && /[\ud800-\udbff]/.test(c) && /[\udc00-\udfff]/.test(source[i] ?? ''))
      i++;
    const text = source.slice(start, i);
    // A back-reference reads any text; its own source names it (and matches any character).
    if (BACK_REFERENCE.test(text))
      return { kind: 'repeat', node: { kind: 'atom', source: text }, min: 0, max: Infinity };
    return { kind: 'atom', source: text };
  };
  const node = alternation();
  return i < source.length ? EMPTY : node;
}

/** The node read from its end: what a lookbehind does. */
function reversed(node: Node): Node {
  switch (node.kind) {
    case 'atom':
    case 'side':
      return node;
    case 'seq':
      return { kind: 'seq', items: node.items.map(reversed).reverse() };
    case 'alt':
      return { kind: 'alt', options: node.options.map(reversed) };
    case 'repeat':
      return { ...node, node: reversed(node.node) };
  }
}

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

interface Built {
  first: number[];
  last: number[];
  nullable: boolean;
}

class TooComplex extends Error {}

function build(node: Node, automaton: Automaton): Built {
  switch (node.kind) {
    case 'atom': {
      if (automaton.atoms.length >= MAX_STATES) throw new TooComplex();
      const state = automaton.atoms.push(node.source) - 1;
      automaton.follow.push(new Set());
      automaton.choices.push(0);
      automaton.turns.push(0);
      return { first: [state], last: [state], nullable: false };
    }
    case 'alt': {
      const built = node.options.map((option) => build(option, automaton));
      return {
        first: built.flatMap((b) => b.first),
        last: built.flatMap((b) => b.last),
        nullable: built.some((b) => b.nullable),
      };
    }
    case 'side':
      return sequence([node], automaton);
    case 'seq':
      return sequence(node.items, automaton);
    case 'repeat': {
      const { min, max } = node;
      if (!loops(min, max, node.node.kind === 'atom'))
        return spelled(node.node, min, max, automaton);
      // x{2,} = x+, x{0,30} = (x+)?: one copy, going round.
      const from = automaton.atoms.length;
      const built = build(node.node, automaton);
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

function sequence(items: Node[], automaton: Automaton): Built {
  const result: Built = { first: [], last: [], nullable: true };
  for (const item of items) {
    if (item.kind === 'side') {
      // Entered from wherever the text so far can end; its own end leads nowhere.
      const built = build(item.node, automaton);
      connect(automaton, result.last, built.first);
      if (result.nullable) result.first.push(...built.first);
      continue;
    }
    const built = build(item, automaton);
    connect(automaton, result.last, built.first);
    if (result.nullable) result.first.push(...built.first);
    result.last = built.nullable ? [...result.last, ...built.last] : built.last;
    result.nullable &&= built.nullable;
  }
  return result;
}

/**
 * `min` required copies, then optional ones, each entered only from the one before it (x{0,2}
 * reads "x" one way, not two): the states backtracking really has.
 */
function spelled(node: Node, min: number, max: number, automaton: Automaton): Built {
  const required = sequence(Array<Node>(min).fill(node), automaton);
  const first = [...required.first];
  const last = [...required.last];
  let exits = required.last;
  // Whether the optional copy about to be entered can be the first thing read.
  let atStart = required.nullable;
  for (let k = min; k < max; k++) {
    const built = build(node, automaton);
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
export function automatonOf(pattern: Node): Automaton | null {
  const automaton: Automaton = { atoms: [], follow: [], choices: [], turns: [] };
  try {
    build(pattern, automaton);
    return automaton;
  } catch (error) {
    if (error instanceof TooComplex) return null;
    throw error;
  }
}

/**
 * The most ways a sequence or a spelled-out count can read one text, found on the pattern's
 * tree: the automaton's tests look at loops, and these have none. A spelled count multiplies its
 * body's ways ("(?:(?:a|a){5}){5}": 2^25), twice over for a body that can match nothing
 * ("(?:\w?){5}"); in a sequence, each part of variable length that can start like what follows
 * it divides a text with it: an optional part two ways, a loop as many as its choices, white
 * space once ("\w*\w?\w?\w?\w?\w?x": 4,000 x 2^5). Alternatives that can start alike count
 * as a way each, but only inside a count: a rule's long alternations are tried once a position.
 */
export function spelledWays(pattern: Node): number {
  let most = 1;
  const ways = (node: Node, inCount: boolean): number => {
    switch (node.kind) {
      case 'atom':
      case 'side':
        return 1;
      case 'seq': {
        let total = 1;
        node.items.forEach((item, k) => {
          total *= ways(item, inCount) * divides(item, node.items.slice(k + 1));
        });
        most = Math.max(most, total);
        return total;
      }
      case 'alt': {
        const each = node.options.map((option) => ways(option, inCount));
        return inCount && optionsOverlap(node.options)
          ? each.reduce((a, b) => a + b, 0)
          : Math.max(...each);
      }
      case 'repeat': {
        const body = ways(node.node, inCount || node.max > 1);
        const empty = firstAtoms(node.node).nullable;
        // A loop round a body that can match nothing: each turn may read or not.
        if (loops(node.min, node.max, node.node.kind === 'atom'))
          return empty ? 2 ** Math.min(node.max, MAX_CLASSIFIED_LENGTH) : body;
        const total = (body * (empty ? 2 : 1)) ** node.max;
        most = Math.max(most, total);
        return total;
      }
    }
  };
  most = Math.max(most, ways(pattern, false));
  return most;
}

/** In how many ways a part of variable length can divide a text with the parts after it. */
function divides(item: Node, rest: Node[]): number {
  if (item.kind !== 'repeat' || item.max === item.min) return 1;
  const after = firstAtoms({ kind: 'seq', items: rest });
  const own = firstAtoms(item.node).atoms;
  if (!own.some((a) => after.atoms.some((b) => atomsShareChar(a, b)))) return 1;
  if (item.max === 1) return 2;
  const space = item.node.kind === 'atom' && !atomsShareChar(item.node.source, '\\S');
  return space ? 1 : Math.min(item.max, MAX_CLASSIFIED_LENGTH) - item.min + 1;
}

function optionsOverlap(options: Node[]): boolean {
  const firsts = options.map(firstAtoms);
  if (firsts.some((first) => first.nullable)) return true;
  return firsts.some((x, a) =>
    firsts.slice(a + 1).some((y) => x.atoms.some((p) => y.atoms.some((q) => atomsShareChar(p, q)))),
  );
}

function firstAtoms(node: Node): { atoms: string[]; nullable: boolean } {
  switch (node.kind) {
    case 'atom':
      return { atoms: [node.source], nullable: false };
    case 'side':
      return { atoms: [], nullable: true };
    case 'alt': {
      const each = node.options.map(firstAtoms);
      return { atoms: each.flatMap((f) => f.atoms), nullable: each.some((f) => f.nullable) };
    }
    case 'repeat': {
      const body = firstAtoms(node.node);
      return { atoms: body.atoms, nullable: body.nullable || node.min === 0 };
    }
    case 'seq': {
      const atoms: string[] = [];
      for (const item of node.items) {
        const first = firstAtoms(item);
        atoms.push(...first.atoms);
        if (!first.nullable) return { atoms, nullable: false };
      }
      return { atoms, nullable: true };
    }
  }
}
