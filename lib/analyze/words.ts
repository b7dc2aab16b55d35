/**
 * Whole-word search without a pattern: the same answers as /(?:^|[^\p{L}\p{N}])word(?![\p{L}\p{N}])/u
 * on text already in lower case, without building a Unicode class per word (a millisecond each
 * on a page). Letters and digits outside ASCII are told by one shared pattern, built only when
 * a word has such a neighbour.
 */
let letterOrDigit: RegExp | null = null;

function isLetterOrDigit(code: number): boolean {
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  letterOrDigit ??= /^[\p{L}\p{N}]$/u;
  return letterOrDigit.test(String.fromCodePoint(code));
}

/** The code point that ends just before `index` (a surrogate pair read whole). */
function codePointBefore(text: string, index: number): number {
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(index - 2)!;
  }
  return low;
}

/** Where `word` first stands as a whole word in `text`, or -1. */
export function wordStart(text: string, word: string): number {
  if (word === '') return -1;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const end = at + word.length;
    if (at > 0 && isLetterOrDigit(codePointBefore(text, at))) continue;
    if (end < text.length && isLetterOrDigit(text.codePointAt(end)!)) continue;
    return at;
  }
  return -1;
}
