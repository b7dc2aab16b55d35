/**
 * Whether two alternatives of a repeated group can start with the same character: then each
 * repetition may try both, and a long enough input takes exponential time ("(\d|1)+$",
 * "(a|A)+$" under the i flag, "(x|\w)+$"). Read from the source, checked against a sample of
 * characters with the engine's own matching of each first atom (flags "iu", as rules compile).
 * An alternative that can match nothing overlaps every other.
 */
import { atomEnd, quantifierAt } from './regex-tokens';

interface First {
  /** Sources of the atoms a match can start with (a character, escape, class or "."). */
  atoms: string[];
  /** The alternative can match the empty string. */
  nullable: boolean;
}

const ZERO_WIDTH_GROUP = /^\(\?(?:=|!|<=|<!)/;
const GROUP_HEAD = /^\((?:\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>))?/;

/** Index of the `)` closing the group opened at `open`, or the source's length. */
function closingParen(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length;) {
    const c = source[i]!;
    if (c === '\\' || c === '[') {
      i = atomEnd(source, i);
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
    i++;
  }
  return source.length;
}

/** The alternatives of a group body, split at its own top-level bars. */
export function topLevelAlternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length;) {
    const c = body[i]!;
    if (c === '\\' || c === '[') {
      i = atomEnd(body, i);
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
    i++;
  }
  parts.push(body.slice(start));
  return parts;
}

/** Whether a group body can match the empty string ("a?", "(?:b|)"). */
export const canMatchEmpty = (body: string) => firstOfAlternation(body).nullable;

function firstOfAlternation(body: string): First {
  const firsts = topLevelAlternatives(body).map(firstOfSequence);
  return { atoms: firsts.flatMap((f) => f.atoms), nullable: firsts.some((f) => f.nullable) };
}

/** One item of a sequence: an atom or a group, with its quantifier; anchors and zero-width
 * groups are no items. */
interface Item {
  start: number;
  /** What the item itself can start with, and whether it can match nothing. */
  first: First;
  quantifier: ReturnType<typeof quantifierAt>;
}

function* itemsOf(source: string): Generator<Item> {
  for (let i = 0; i < source.length;) {
    const c = source[i]!;
    // Anchors and word boundaries match no character.
    if (c === '^' || c === '$') {
      i++;
      continue;
    }
    if (c === '\\' && (source[i + 1] === 'b' || source[i + 1] === 'B')) {
      i += 2;
      continue;
    }
    let end: number;
    let first: First;
    if (c === '(') {
      const close = closingParen(source, i);
      end = close + 1;
      if (ZERO_WIDTH_GROUP.test(source.slice(i))) {
        i = end + quantifierAt(source, end).length;
        continue;
      }
      const head = GROUP_HEAD.exec(source.slice(i))![0];
      first = firstOfAlternation(source.slice(i + head.length, close));
    } else {
      end = atomEnd(source, i);
      first = { atoms: [source.slice(i, end)], nullable: false };
    }
    const quantifier = quantifierAt(source, end);
    yield { start: i, first, quantifier };
    i = end + quantifier.length;
  }
}

/** The item can match nothing: it may match the empty string, or it may be left out. */
const skippable = ({ first, quantifier }: Item) =>
  first.nullable || (quantifier.length > 0 && quantifier.min === 0);

function firstOfSequence(source: string): First {
  const atoms: string[] = [];
  for (const item of itemsOf(source)) {
    atoms.push(...item.first.atoms);
    if (!skippable(item)) return { atoms, nullable: false };
  }
  return { atoms, nullable: true };
}

/** Characters tried: ASCII, and letters, digits and spaces beyond it that case folding or \w,
 * \d, \s and Unicode classes treat specially. */
const SAMPLE = [
  ...Array.from({ length: 0x7f }, (_, code) => String.fromCharCode(code)),
  ...'éÉßſKİıÅåЖжΣσς中٣١\u00a0\u2003\u2028\u200b\ufeff😀',
];

const matchers = new Map<string, (c: string) => boolean>();
/** Which sample characters an atom matches on its own; an atom that cannot stand alone (a
 * back-reference) is taken to match any. */
function matcherOf(atom: string): (c: string) => boolean {
  let matcher = matchers.get(atom);
  if (!matcher) {
    try {
      const regex = new RegExp(`^(?:${atom})$`, 'iu');
      matcher = (c) => regex.test(c);
    } catch {
      matcher = () => true;
    }
    if (matchers.size < 5000) matchers.set(atom, matcher);
  }
  return matcher;
}

/**
 * Characters an atom names itself (a literal, a class's members and range ends, an escaped code
 * point), with their other case: tried beside the sample, so "(?:ü|Ü)+" or "([0-9٠-٩]|٤)+" is
 * caught whatever the sample holds.
 */
function charsNamedBy(atom: string): string[] {
  const chars: string[] = [];
  const decoded = atom.replace(
    /\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})/g,
    (_, braced, four, two) => String.fromCodePoint(parseInt(braced ?? four ?? two, 16)),
  );
  for (const c of decoded) chars.push(c, c.toLowerCase(), c.toUpperCase());
  return chars;
}

const sampleBits = new Map<string, Uint32Array>();
/** Which sample characters an atom matches, a bit each. */
function sampleBitsOf(atom: string): Uint32Array {
  let bits = sampleBits.get(atom);
  if (!bits) {
    bits = new Uint32Array(Math.ceil(SAMPLE.length / 32));
    const matches = matcherOf(atom);
    for (let k = 0; k < SAMPLE.length; k++) if (matches(SAMPLE[k]!)) bits[k >> 5]! |= 1 << (k & 31);
    if (sampleBits.size < 5000) sampleBits.set(atom, bits);
  }
  return bits;
}

/** Ranges and properties the sample can miss: beyond ASCII, their members fold or belong to
 * scripts the sample does not hold ("\p{sc=Hira}" and "\p{Lo}", "[\u0370-\u03ff]" and U+1FBE).
 * A class of single characters names them all (charsNamedBy). */
const NON_ASCII = String.raw`(?:[^\x00-\x7f]|\\u[0-9a-fA-F]{4}|\\u\{[0-9a-fA-F]+\}|\\x[89a-fA-F][0-9a-fA-F])`;
const BEYOND_SAMPLE = new RegExp(String.raw`\\[pP]\{|^\[.*(?:${NON_ASCII}-|-${NON_ASCII})`);
const planeBits = new Map<string, Uint32Array>();
/** Which characters of the Basic Multilingual Plane an atom matches, a bit each (8 KB). */
function planeBitsOf(atom: string): Uint32Array {
  let bits = planeBits.get(atom);
  if (!bits) {
    bits = new Uint32Array(0x10000 / 32);
    const matches = matcherOf(atom);
    for (let code = 0; code < 0x10000; code++)
      if ((code < 0xd800 || code > 0xdfff) && matches(String.fromCharCode(code)))
        bits[code >> 5]! |= 1 << (code & 31);
    if (planeBits.size < 1000) planeBits.set(atom, bits);
  }
  return bits;
}

const overlapping = (x: Uint32Array, y: Uint32Array) => x.some((word, k) => (word & y[k]!) !== 0);

/**
 * Atoms that may read characters beyond the Basic Multilingual Plane, where none is tried:
 * Unicode properties, negated escapes and classes, ".", and such characters written out. Two of
 * them are taken to share one: "\p{sc=Linb}*\p{sc=Linb}*x" reads Linear B, all of it beyond (a
 * review's finding: 22 s on 1,000 characters, once accepted). Costs a few refusals of atoms that
 * never meet ("\p{L}" and "\P{L}").
 */
const MAY_READ_ASTRAL =
  /\\[pPWSD]|^\.$|^\[\^|[\ud800-\udbff]|\\u\{[0-9a-fA-F]{5,}\}|\\u[dD][89abAB]/;

const shared = new Map<string, boolean>();
/**
 * Whether one character can match both atoms: the sample and the two atoms' own characters tried,
 * the Basic Multilingual Plane for ranges and properties beyond the sample, and beyond it, as
 * MAY_READ_ASTRAL says.
 */
export function atomsShareChar(a: string, b: string): boolean {
  const key = `${a}\u0000${b}`;
  let answer = shared.get(key);
  if (answer === undefined) {
    const [x, y] = [sampleBitsOf(a), sampleBitsOf(b)];
    const both = (c: string) => matcherOf(a)(c) && matcherOf(b)(c);
    answer =
      overlapping(x, y) ||
      charsNamedBy(a).some(both) ||
      charsNamedBy(b).some(both) ||
      ((BEYOND_SAMPLE.test(a) || BEYOND_SAMPLE.test(b)) &&
        overlapping(planeBitsOf(a), planeBitsOf(b))) ||
      (MAY_READ_ASTRAL.test(a) && MAY_READ_ASTRAL.test(b));
    if (shared.size < 20000) shared.set(key, answer);
  }
  return answer;
}

/** Whether an atom of one list and an atom of the other can match one character. */
export const anyShareChar = (xs: readonly string[], ys: readonly string[]) =>
  xs.some((a) => ys.some((b) => atomsShareChar(a, b)));

/**
 * An atom of ASCII word characters only, as written: "\d", "\w", "x", "[A-Z0-9_]". Asked of the
 * source, since the characters tried (the sample, and the Basic Multilingual Plane for Unicode
 * classes) leave out most beyond it: "[\w\p{RI}]" also reads flags, which are no word characters.
 */
const WORD_ONLY = /^(?:\\[dw]|[A-Za-z0-9_]|\[(?:\\[dw]|[A-Za-z0-9_-])+\])$/;

/**
 * Which side of a word boundary ("\b") every character the atoms can match stands on: "word"
 * (\w), "other", or null when they can match both kinds, or when that is not sure. Word
 * characters are few (ASCII letters, digits, "_", and with "iu" "ſ" and the Kelvin sign), all
 * among the characters tried, so "other" is exact; "word" also asks the source (WORD_ONLY).
 */
export function sameSide(atoms: readonly string[]): 'word' | 'other' | null {
  if (atoms.length === 0) return null;
  if (!anyShareChar(atoms, ['\\w'])) return 'other';
  if (atoms.every((atom) => WORD_ONLY.test(atom)) && !anyShareChar(atoms, ['\\W'])) return 'word';
  return null;
}

const overlaps = (x: First, y: First) => anyShareChar(x.atoms, y.atoms);

export function firstCharsOverlap(alternatives: string[]): boolean {
  const firsts = alternatives.map(firstOfSequence);
  if (firsts.some((first) => first.nullable)) return true;
  for (let a = 0; a < firsts.length; a++)
    for (let b = a + 1; b < firsts.length; b++) if (overlaps(firsts[a]!, firsts[b]!)) return true;
  return false;
}

/**
 * The first characters of every optional tail of a sequence: the rest after an item from which
 * on everything may be skipped ("ab?" may stop after "a" or go on with "b").
 */
function optionalTails(source: string): First[] {
  const items = [...itemsOf(source)];
  const tails: First[] = [];
  for (let p = items.length - 1; p >= 1 && skippable(items[p]!); p--)
    tails.push(firstOfSequence(source.slice(items[p]!.start)));
  return tails;
}

/**
 * Whether an alternative of a repeated group can stop before an optional tail that starts like
 * the group itself: "(?:ab?|b)+" reads "abb" as ab·b or a·b·b, and each such place doubles the
 * ways a long enough input can be split.
 */
export function tailOverlap(alternatives: string[]): boolean {
  const firsts = alternatives.map(firstOfSequence);
  const group: First = { atoms: firsts.flatMap((f) => f.atoms), nullable: false };
  for (const alternative of alternatives)
    for (const tail of optionalTails(alternative)) if (overlaps(tail, group)) return true;
  return false;
}
