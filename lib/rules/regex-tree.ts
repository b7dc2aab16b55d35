/**
 * A rule pattern read into a tree (atoms, sequences, alternatives, repeats, lookarounds) for the
 * backtracking checks (lib/rules/regex-automaton.ts, regex-ways.ts). Read from the source with
 * the 'iu' flags rules compile with; the source is known to compile.
 */
import { atomEnd, quantifierAt } from './regex-tokens';

/** Group counts up to this are spelled out into copies; larger ones become loops. */
const MAX_SPELLED = 5;

/**
 * Whether a count becomes a loop rather than copies: any count above MAX_SPELLED, and a count of
 * one character that allows a choice ("\w{0,5}" divides a text with a "\w*" before it in six
 * ways, which its loop's weight says).
 */
export const loops = (min: number, max: number, atom: boolean) =>
  max > MAX_SPELLED || (atom && max > 1 && max > min);

export type PatternNode =
  | { kind: 'atom'; source: string }
  | { kind: 'seq'; items: PatternNode[] }
  | { kind: 'alt'; options: PatternNode[] }
  | { kind: 'repeat'; node: PatternNode; min: number; max: number }
  /** A lookaround's body. */
  | { kind: 'side'; node: PatternNode }
  /** "\b": reads nothing; the characters on either side are one a word character, one not. */
  | { kind: 'boundary' };

const EMPTY: PatternNode = { kind: 'seq', items: [] };
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
    // A loop, or an optional part ("\w?"), may divide a text with what comes next.
    if (length > 0 && (loops(min, max, true) || (min === 0 && max === 1))) count++;
    if (count >= 2) return true;
    i = end + length;
  }
  return false;
}

/** Parses `source`, already known to compile. */
export function parsePattern(source: string): PatternNode {
  let i = 0;
  const alternation = (): PatternNode => {
    const options = [sequence()];
    while (source[i] === '|') {
      i++;
      options.push(sequence());
    }
    return options.length === 1 ? options[0]! : { kind: 'alt', options };
  };
  const sequence = (): PatternNode => {
    const items: PatternNode[] = [];
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
  /** The next atom or group, or null for what matches no character and asks nothing of it. */
  const atom = (): PatternNode | null => {
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
      return source[i - 1] === 'b' ? { kind: 'boundary' } : null;
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
function reversed(node: PatternNode): PatternNode {
  switch (node.kind) {
    case 'atom':
    case 'side':
    case 'boundary':
      return node;
    case 'seq':
      return { kind: 'seq', items: node.items.map(reversed).reverse() };
    case 'alt':
      return { kind: 'alt', options: node.options.map(reversed) };
    case 'repeat':
      return { ...node, node: reversed(node.node) };
  }
}
