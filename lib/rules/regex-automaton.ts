/**
 * A pattern's position automaton (Glushkov): one state per atom (a character, escape, class or
 * "."), an edge from each atom to every atom that can come next. Backtracking explores this
 * automaton's paths, so how many paths one text has (lib/rules/regex-ambiguity.ts) is how much
 * work a hostile message can cause. Read from the source with the 'iu' flags rules compile with.
 *
 * A small count is spelled out (x{2,4} = x x (x (x)?)?); a larger one,
 * and any unbounded repeat, becomes a loop that remembers how many turns it allows (its weight).
 * Approximations, each adding paths rather than removing them: anchors and word boundaries match
 * nothing; a back-reference is any text ([\s\S]*); a lookaround's body is an automaton of its own;
 * a loop needs at most one turn however many its count requires.
 */
import { atomEnd, quantifierAt } from './regex-tokens';

/**
 * Counts up to MAX_SPELLED_SMALL, or allowing at most MAX_SPELLED_CHOICES choices (x{2,4}: 3) up
 * to MAX_SPELLED copies, are spelled out: a loop inside a loop would share its edges and hide
 * the ways the two can divide a text between them ("(?:\w{1,30}\s?){0,3}").
 */
const MAX_SPELLED_SMALL = 5;
const MAX_SPELLED_CHOICES = 3;
const MAX_SPELLED = 100;
/** A pattern whose automaton would have more states is not analysed (too complex to check). */
export const MAX_STATES = 4000;

/** Whether a count x{min,max} becomes a loop rather than copies. */
const loops = (min: number, max: number) =>
  max > MAX_SPELLED_SMALL && (max - min + 1 > MAX_SPELLED_CHOICES || max > MAX_SPELLED);

/**
 * Whether a pattern can have two ways to read a text at all: two loops (or back-references), a
 * loop around a group, or a loop inside a repeated group (copies of it follow one another). A
 * single repeated character ("\s*") cannot; most alternatives of a long rule have no more, and
 * skipping their automata keeps a pack's check short.
 */
export function mayBeAmbiguous(source: string): boolean {
  let count = 0;
  let repeatedGroup = false;
  for (let i = 0; i < source.length;) {
    const c = source[i]!;
    const end = c === '\\' || c === '[' ? atomEnd(source, i) : i + 1;
    if (BACK_REFERENCE.test(source.slice(i, end))) count++;
    const { length, min, max } = quantifierAt(source, end);
    if (length > 0 && loops(min, max)) {
      if (c === ')') return true;
      count++;
    }
    repeatedGroup ||= c === ')' && max > 1;
    i = end + length;
  }
  return count >= 2 || (count === 1 && repeatedGroup);
}

type Node =
  | { kind: 'atom'; source: string }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; options: Node[] }
  | { kind: 'repeat'; node: Node; min: number; max: number };

const EMPTY: Node = { kind: 'seq', items: [] };
const ANY_TEXT: Node = {
  kind: 'repeat',
  node: { kind: 'atom', source: '[\\s\\S]' },
  min: 0,
  max: Infinity,
};
const LOOKAROUND = /^\(\?(?:=|!|<=|<!)/;
const GROUP_HEAD = /^\((?:\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>))?/;
const BACK_REFERENCE = /^\\(?:[1-9]|k<)/;

/** Parses `source` (already known to compile); lookaround bodies go to `lookarounds`. */
function parse(source: string, lookarounds: Node[]): Node {
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
        quantifier.length === 0
          ? item
          : { kind: 'repeat', node: item, min: quantifier.min, max: quantifier.max },
      );
    }
    return items.length === 1 ? items[0]! : { kind: 'seq', items };
  };
  /** The next atom or group, or null for what matches no character (an anchor, a lookaround). */
  const atom = (): Node | null => {
    const c = source[i]!;
    if (c === '(') {
      const rest = source.slice(i);
      const head = GROUP_HEAD.exec(rest)![0];
      i += head.length;
      const body = alternation();
      i++; // ")"
      if (!LOOKAROUND.test(rest)) return body;
      lookarounds.push(body);
      return null;
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
    return BACK_REFERENCE.test(text) ? ANY_TEXT : { kind: 'atom', source: text };
  };
  const node = alternation();
  return i < source.length ? EMPTY : node;
}

export interface Automaton {
  /** Each state's atom source. */
  atoms: string[];
  /** States that can come next after each state. */
  follow: Set<number>[];
  /**
   * Turns the loops around each state allow (x{1,30}: 30; Infinity for x* or x+), the most of
   * them when loops nest; 0 for a state in no loop.
   */
  turns: number[];
}

interface Built {
  first: number[];
  last: number[];
  nullable: boolean;
}

class TooComplex extends Error {}

function build(node: Node, automaton: Automaton): Built {
  const connect = (from: number[], to: number[]) => {
    for (const a of from) for (const b of to) automaton.follow[a]!.add(b);
  };
  switch (node.kind) {
    case 'atom': {
      if (automaton.atoms.length >= MAX_STATES) throw new TooComplex();
      const state = automaton.atoms.push(node.source) - 1;
      automaton.follow.push(new Set());
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
    case 'seq':
      return sequence(
        node.items.map((item) => () => build(item, automaton)),
        connect,
      );
    case 'repeat': {
      const { min, max } = node;
      const choices = max - min + 1;
      const spelled = !loops(min, max);
      // Spelled out: x{1,3} = x (x (x)?)?. A loop: x{2,} = x x+, x{0,30} = (x+)?.
      const copies = spelled ? max : Math.max(Math.min(min, MAX_SPELLED), 1);
      const parts: (() => Built)[] = [];
      for (let k = 0; k < copies; k++)
        parts.push(() => {
          const from = automaton.atoms.length;
          const built = build(node.node, automaton);
          if (!spelled && k === copies - 1) {
            connect(built.last, built.first);
            for (let state = from; state < automaton.atoms.length; state++)
              automaton.turns[state] = Math.max(automaton.turns[state]!, choices);
          }
          return built;
        });
      return repeated(parts, spelled ? min : Math.min(min, copies), connect);
    }
  }
}

function sequence(parts: (() => Built)[], connect: (from: number[], to: number[]) => void): Built {
  const result: Built = { first: [], last: [], nullable: true };
  for (const part of parts) {
    const built = part();
    connect(result.last, built.first);
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
function repeated(
  parts: (() => Built)[],
  min: number,
  connect: (from: number[], to: number[]) => void,
): Built {
  const required = sequence(parts.slice(0, min), connect);
  const first = [...required.first];
  const last = [...required.last];
  let exits = required.last;
  // Whether the optional copy about to be entered can be the first thing read.
  let atStart = required.nullable;
  for (const part of parts.slice(min)) {
    const built = part();
    connect(exits, built.first);
    if (atStart) first.push(...built.first);
    last.push(...built.last);
    exits = built.nullable ? [...exits, ...built.last] : built.last;
    atStart &&= built.nullable;
  }
  return { first, last, nullable: required.nullable };
}

/**
 * The automata of a pattern: the pattern itself, then each lookaround body. Null when the
 * pattern is too complex to check (more than MAX_STATES states once counts are spelled out).
 */
export function automataOf(source: string): Automaton[] | null {
  const lookarounds: Node[] = [];
  const nodes = [parse(source, lookarounds)];
  try {
    const automata: Automaton[] = [];
    let states = 0;
    // Lookarounds found while parsing the pattern's body, and in their own bodies.
    for (let k = 0; k < nodes.length || k - nodes.length < lookarounds.length; k++) {
      const node = k < nodes.length ? nodes[k]! : lookarounds[k - nodes.length]!;
      const automaton: Automaton = { atoms: [], follow: [], turns: [] };
      build(node, automaton);
      states += automaton.atoms.length;
      if (states > MAX_STATES) return null;
      automata.push(automaton);
    }
    return automata;
  } catch (error) {
    if (error instanceof TooComplex) return null;
    throw error;
  }
}
