/** Reading a pattern's source token by token (lib/rules/regex-safety.ts, first-chars.ts). */

/** The quantifier at `i`: its length (0 if none) and the repetitions it allows. */
export function quantifierAt(
  source: string,
  i: number,
): { length: number; min: number; max: number } {
  const c = source[i];
  let length = 0;
  let min = 1;
  let max = 1;
  if (c === '*' || c === '+') [length, min, max] = [1, c === '*' ? 0 : 1, Infinity];
  else if (c === '?') [length, min] = [1, 0];
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
    if (!m) return { length: 0, min: 1, max: 1 };
    length = m[0].length;
    min = Number(m[1]);
    max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
  }
  if (length > 0 && source[i + length] === '?') length += 1; // lazy: same backtracking
  return { length, min, max };
}

/** Where the atom starting at `i` ends (exclusive): an escape, a class or one character. */
export function atomEnd(source: string, i: number): number {
  if (source[i] === '\\') {
    const m = /^\\(?:[pPu]\{[^}]*\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[a-zA-Z]|k<[^>]*>|.)/su.exec(
      source.slice(i),
    );
    return i + (m?.[0].length ?? 1);
  }
  if (source[i] === '[') {
    let j = i + 1;
    if (source[j] === '^') j++;
    if (source[j] === ']') j++;
    while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
    return j + 1;
  }
  return i + 1;
}
