/**
 * How many ways a pattern's automaton (lib/rules/regex-automaton.ts) can read one text: what a
 * backtracking engine pays when a match fails. Refused:
 * - exponential: inside one repeat, a text can go two ways and come back to the same state
 *   ("(?:ab?b?)+", "(a(?:b|bc?))+"): each turn doubles the ways (a count of at most
 *   MAX_DOUBLINGS turns is let through), and spelled-out counts whose ways multiply past
 *   MAX_WAYS ("(?:(?:a|a){5}){5}");
 * - polynomial: repeats one after the other that can take the same text (".*not.*found",
 *   "\w+(?=.*expired)", "(?:\w{1,30}\s?){0,3}"): the ways multiply, an
 *   unbounded repeat counting as the longest message classified (4,000 characters); more than
 *   MAX_WAYS at each position of the message is refused. A repeat of white space alone counts
 *   once: messages, headings and labels are read with white space collapsed.
 * The tests are Allauzen, Mohri and Rastogi's (2008) on the product of the automaton with
 * itself, the polynomial one relaxed to pairs of states (it may refuse a little more than it
 * must). Two atoms read a character in common as lib/rules/first-chars.ts decides.
 */
import { anyShareChar, atomsShareChar, topLevelAlternatives } from './first-chars';
import { MAX_CLASSIFIED_LENGTH } from '../analyze/classify';
import { components } from './graph-components';
import { automatonOf, type Automaton } from './regex-automaton';
import { mayBeAmbiguous, parsePattern } from './regex-tree';
import { spelledWays } from './regex-ways';

/** Product edges examined before a pattern is called too complex to check (about 50 ms). */
const MAX_WORK = 300_000;
/** A count of at most this many turns may repeat an ambiguous part (as regex-safety.ts allows). */
const MAX_DOUBLINGS = 5;
/** Ways to read one text at one position (about 0.3 s on 4,000 characters at 226,981). */
const MAX_WAYS = 5000;
/** What an unbounded repeat counts as: the longest message the classifier reads. */
const UNBOUNDED_TURNS = MAX_CLASSIFIED_LENGTH;

class TooComplex extends Error {}

interface Graph {
  automaton: Automaton;
  /** The loop (strongly connected component) each state is on; -1 when it is on none. */
  loop: Int32Array;
  /** Ways each loop can divide a text with its neighbours (UNBOUNDED_TURNS for x* and x+). */
  choices: Map<number, number>;
  /** Turns each loop allows (UNBOUNDED_TURNS for x* and x+). */
  turns: Map<number, number>;
  /** Each loop's states. */
  states: Map<number, number[]>;
  /** Steps taken so far on the whole pattern (all its alternatives and lookarounds). */
  work: { steps: number };
}

/** Which loop each state is on (-1 for none), its states, and the ways and turns it allows. */
function loopsOf(automaton: Automaton): Pick<Graph, 'loop' | 'choices' | 'turns' | 'states'> {
  const { follow } = automaton;
  const component = components(follow.length, (state) => follow[state]!);
  const size = new Map<number, number>();
  for (const c of component) size.set(c, (size.get(c) ?? 0) + 1);
  const loop = component.map((c, state) =>
    size.get(c)! > 1 || follow[state]!.has(state) ? c : -1,
  ) as Int32Array;
  const states = new Map<number, number[]>();
  loop.forEach((c, state) => {
    if (c === -1) return;
    const members = states.get(c);
    if (members) members.push(state);
    else states.set(c, [state]);
  });
  const choices = new Map<number, number>();
  const turns = new Map<number, number>();
  for (const [c, members] of states) {
    // White space alone: a collapsed text has one such character in a row.
    const space = members.every((state) => !atomsShareChar(automaton.atoms[state]!, '\\S'));
    const most = (of: number[]) =>
      space ? 1 : Math.min(UNBOUNDED_TURNS, Math.max(...members.map((state) => of[state]!)));
    choices.set(c, most(automaton.choices));
    turns.set(c, most(automaton.turns));
  }
  return { loop, choices, turns, states };
}

/** A pair of states (a, b) reading the same characters, as one number. */
const pairKey = (graph: Graph, a: number, b: number) => a * graph.automaton.atoms.length + b;

/**
 * Pairs reachable from `starts` reading the same text in both states, each state kept to its
 * own set of allowed states; `visit` sees each pair once, and stops the walk by returning true.
 */
function explore(
  graph: Graph,
  starts: [number, number][],
  allowedA: (state: number) => boolean,
  allowedB: (state: number) => boolean,
  visit: (a: number, b: number) => boolean,
): void {
  const { atoms, follow } = graph.automaton;
  const seen = new Set(starts.map(([a, b]) => pairKey(graph, a, b)));
  const queue = [...starts];
  while (queue.length > 0) {
    const [a, b] = queue.pop()!;
    if (visit(a, b)) return;
    for (const a2 of follow[a]!) {
      if (!allowedA(a2)) continue;
      for (const b2 of follow[b]!) {
        if (++graph.work.steps > MAX_WORK) throw new TooComplex();
        if (!allowedB(b2) || !atomsShareChar(atoms[a2]!, atoms[b2]!)) continue;
        const key = pairKey(graph, a2, b2);
        if (seen.has(key)) continue;
        seen.add(key);
        queue.push([a2, b2]);
      }
    }
  }
}

/**
 * Exponential: two paths from a state back to itself reading the same text, i.e. in the
 * product, a pair of equal states that reaches a pair of different ones and comes back to a pair
 * of equal ones (which, on the same loop, lead back to the first along one path). Found on the
 * first step from a pair of different states to a pair of equal ones; returns the atoms of
 * those two different states, or null.
 */
function exponential(graph: Graph): [string, string] | null {
  const { atoms, follow } = graph.automaton;
  const { loop } = graph;
  for (const [c, turns] of graph.turns) {
    if (turns <= MAX_DOUBLINGS) continue;
    const sameLoop = (state: number) => loop[state] === c;
    const diagonal = graph.states.get(c)!.map((state): [number, number] => [state, state]);
    let split: [string, string] | null = null;
    explore(graph, diagonal, sameLoop, sameLoop, (a, b) => {
      if (a === b) return false;
      for (const next of follow[a]!)
        if (follow[b]!.has(next) && sameLoop(next)) split = [atoms[a]!, atoms[b]!];
      return split !== null;
    });
    if (split) return split;
  }
  return null;
}

/** States reachable from `from` (itself included), following edges forward or backward. */
function reach(graph: Graph, from: number[], edges: Set<number>[]): Uint8Array {
  const seen = new Uint8Array(graph.automaton.atoms.length);
  const stack = [...from];
  for (const state of from) seen[state] = 1;
  while (stack.length > 0)
    for (const to of edges[stack.pop()!]!) {
      if (++graph.work.steps > MAX_WORK) throw new TooComplex();
      if (!seen[to]) {
        seen[to] = 1;
        stack.push(to);
      }
    }
  return seen;
}

function reversed(automaton: Automaton): Set<number>[] {
  const edges = automaton.follow.map(() => new Set<number>());
  automaton.follow.forEach((tos, from) => tos.forEach((to) => edges[to]!.add(from)));
  return edges;
}

/**
 * Whether a text can go around loop `first`, and from it to loop `second`, and around `second`:
 * states p and q on them with a text that p reads around its loop while another path reads it
 * from p to q, and a text that q reads around its loop while another path reads it from p to q.
 */
function shareText(
  graph: Graph,
  first: number,
  second: number,
  after: Uint8Array,
  before: Uint8Array,
): boolean {
  const { loop } = graph;
  const firstStates = graph.states.get(first)!;
  if (!after[graph.states.get(second)![0]!]) return false;
  // The states a path from the first loop to the second can pass through.
  const between = (state: number) => after[state] === 1 && before[state] === 1;
  const inFirst = (state: number) => loop[state] === first;
  const inSecond = (state: number) => loop[state] === second;
  for (const p of firstStates) {
    const ends: number[] = [];
    explore(graph, [[p, p]], inFirst, between, (a, b) => {
      if (a === p && inSecond(b)) ends.push(b);
      return false;
    });
    for (const q of ends) {
      let closes = false;
      explore(graph, [[p, q]], between, inSecond, (a, b) => (closes = a === q && b === q));
      if (closes) return true;
    }
  }
  return false;
}

/**
 * Polynomial: a chain of loops, each sharing a text with the one before, whose turns multiply
 * to more than MAX_WAYS ways of reading one text at one position; null when there is none.
 */
function polynomial(graph: Graph): { ways: number; loops: number[] } | null {
  // Tarjan numbers components sinks first: from the highest number down, every loop comes
  // after the loops that can reach it.
  const loops = [...graph.choices.keys()].sort((a, b) => b - a);
  const backward = reversed(graph.automaton);
  const after = new Map<number, Uint8Array>();
  const before = new Map<number, Uint8Array>();
  const best = new Map<number, { ways: number; loops: number[] }>();
  for (const [k, second] of loops.entries()) {
    const choices = graph.choices.get(second)!;
    let chain = { ways: choices, loops: [second] };
    for (const first of loops.slice(0, k)) {
      const previous = best.get(first)!;
      if (previous.ways * choices <= chain.ways || !loopsShareChar(graph, first, second)) continue;
      if (!after.has(first))
        after.set(first, reach(graph, graph.states.get(first)!, graph.automaton.follow));
      if (!before.has(second))
        before.set(second, reach(graph, graph.states.get(second)!, backward));
      if (!shareText(graph, first, second, after.get(first)!, before.get(second)!)) continue;
      chain = { ways: previous.ways * choices, loops: [...previous.loops, second] };
      if (chain.ways > MAX_WAYS) return chain;
    }
    best.set(second, chain);
  }
  return null;
}

/** Whether a character can be read on both loops (a text both go round is made of such). */
function loopsShareChar(graph: Graph, first: number, second: number): boolean {
  const { atoms } = graph.automaton;
  const [x, y] = [graph.states.get(first)!, graph.states.get(second)!];
  return anyShareChar(
    x.map((state) => atoms[state]!),
    y.map((state) => atoms[state]!),
  );
}

/** A loop as the pattern writes it, near enough for a message: its first state's atom. */
function loopAtom(graph: Graph, c: number): string {
  return graph.automaton.atoms[graph.states.get(c)![0]!]!;
}

/**
 * Why the pattern's backtracking can blow up on a hostile message, or null. Expects a source
 * that compiles with the 'iu' flags.
 */
export function ambiguityProblem(source: string): string | null {
  const work = { steps: 0 };
  // Top-level alternatives never follow one another: each is read on its own.
  for (const alternative of topLevelAlternatives(source)) {
    if (!mayBeAmbiguous(alternative)) continue;
    const problem = alternativeProblem(alternative, work);
    if (problem) return problem;
  }
  return null;
}

function alternativeProblem(source: string, work: { steps: number }): string | null {
  const pattern = parsePattern(source);
  const automaton = automatonOf(pattern);
  const tooComplex = `"${source.length > 60 ? `${source.slice(0, 57)}...` : source}" is too complex to check for catastrophic backtracking: split it into simpler rules or bound its repeats`;
  if (!automaton) return tooComplex;
  try {
    const graph: Graph = { automaton, ...loopsOf(automaton), work };
    const split = exponential(graph);
    if (split)
      return `a repeated part can read the same text two ways (at "${split[0]}" and "${split[1]}"): it can take exponential time (catastrophic backtracking)`;
    const chain = polynomial(graph);
    if (chain) {
      const atoms = chain.loops.map((c) => `"${loopAtom(graph, c)}"`).join(' and ');
      return `repeats that can read the same text one after the other (${atoms}) try ${waysText(chain.ways)} ways at each position of a long message (catastrophic backtracking): bound them more tightly, as in [^.;]{0,60}, or separate them by a character neither reads or by \\b after a run of word characters, as in \\d+\\b`;
    }
  } catch (error) {
    if (error instanceof TooComplex) return tooComplex;
    throw error;
  }
  const ways = spelledWays(pattern);
  if (ways > MAX_WAYS)
    return `its parts can read the same text ${waysText(ways)} ways (catastrophic backtracking): repeat fewer of them, or make each start differently from what follows it`;
  return null;
}

const waysText = (ways: number) =>
  ways >= 1e6 ? 'millions of' : `about ${Math.round(ways).toLocaleString('en')}`;
