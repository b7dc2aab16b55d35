import { MAX_CLASSIFIED_LENGTH } from '../analyze/classify';
import { anyShareChar, atomsShareChar, sameSide } from './first-chars';
import { loops, type PatternNode } from './regex-tree';

/**
 * The most ways a sequence or a spelled-out count can read one text, found on the pattern's
 * tree: the automaton's tests look at loops, and these have none. A spelled count multiplies its
 * body's ways ("(?:(?:a|a){5}){5}": 2^25), twice over for a body that can match nothing
 * ("(?:\w?){5}"); in a sequence, each part of variable length that can start like what follows
 * it divides a text with it: an optional part two ways, a loop as many as its choices, white
 * space once ("\w*\w?\w?\w?\w?\w?x": 4,000 x 2^5). Alternatives that can start alike count
 * as a way each, but only inside a count: a rule's long alternations are tried once a position.
 */
export function spelledWays(pattern: PatternNode): number {
  let most = 1;
  const ways = (node: PatternNode, inCount: boolean): number => {
    switch (node.kind) {
      case 'atom':
      case 'side':
      case 'boundary':
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
function divides(item: PatternNode, rest: PatternNode[]): number {
  if (item.kind !== 'repeat' || item.max === item.min) return 1;
  const own = firstAtoms(item.node).atoms;
  // "\d+\b.*": a repeated character of word characters only (or of others only) followed by
  // "\b" ends where its run does, one way. (A group's last character may be of either kind.)
  if (rest[0]?.kind === 'boundary' && item.node.kind === 'atom' && sameSide(own) !== null) return 1;
  const after = firstAtoms({ kind: 'seq', items: rest });
  if (!anyShareChar(own, after.atoms)) return 1;
  if (item.max === 1) return 2;
  const space = item.node.kind === 'atom' && !atomsShareChar(item.node.source, '\\S');
  return space ? 1 : Math.min(item.max, MAX_CLASSIFIED_LENGTH) - item.min + 1;
}

function optionsOverlap(options: PatternNode[]): boolean {
  const firsts = options.map(firstAtoms);
  if (firsts.some((first) => first.nullable)) return true;
  return firsts.some((x, a) => firsts.slice(a + 1).some((y) => anyShareChar(x.atoms, y.atoms)));
}

function firstAtoms(node: PatternNode): { atoms: string[]; nullable: boolean } {
  switch (node.kind) {
    case 'atom':
      return { atoms: [node.source], nullable: false };
    case 'side':
    case 'boundary':
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
