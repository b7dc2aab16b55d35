/**
 * Literals every match of a pattern contains, read from the pattern at build time
 * (scripts/gen-prefilters.ts): the gate and the message classifier look for them with indexOf
 * before they compile a pattern, which costs milliseconds the first time in each page.
 * Never imported by the extension's scripts (the pattern parser stays out of them).
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';

/**
 * What every match of a pattern contains: a list of groups, each a list of strings (lower case,
 * no white space) one of which is in the match; an empty list when the pattern requires nothing
 * (or cannot be read). The gate looks for these with indexOf before it compiles a pattern, which
 * costs up to half a millisecond the first time in each page.
 */
export function requiredLiterals(source: string): string[][] {
  const pattern = parse(source);
  return pattern ? ofAlternatives(pattern.alternatives) : [];
}

/**
 * A pattern's top-level alternatives ("a|b|c"), each as the offset in the source where it ends
 * and the literals every match of it contains; null when the pattern cannot be read. A pattern
 * matches a text exactly when one of its alternatives, compiled alone with the same flags, does:
 * the classifier compiles only the alternatives whose literals a message holds (a whole rule of
 * a dozen alternatives costs milliseconds to compile the first time in each page). Patterns with
 * back-references are not split (an alternative alone would number its groups otherwise).
 */
export function branchLiterals(source: string): [end: number, required: string[][]][] | null {
  const pattern = parse(source);
  if (!pattern) return null;
  if (/\\(?:[1-9]|k<)/.test(source)) return [[source.length, ofAlternatives(pattern.alternatives)]];
  return pattern.alternatives.map((alternative) => [
    alternative.end,
    ofSequence(alternative.elements),
  ]);
}

/** The pattern as the iu flags read it, or null when it does not compile. */
function parse(source: string): AST.Pattern | null {
  try {
    return new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, {
      unicode: true,
    });
  } catch {
    return null;
  }
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
    // ASCII only, lower case: a literal must be in the lower-cased text of every match, and
    // only ASCII letters lower-case the same as the iu flags fold them (after NFKC).
    if (element.type === 'Character' && element.value < 128 && element.value !== 32) {
      const char = String.fromCharCode(element.value);
      if (!/\s/.test(char)) {
        run += char.toLowerCase();
        continue;
      }
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
