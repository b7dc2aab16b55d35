/**
 * The gate's text checks: loops and indexOf, no patterns. Compiling a pattern (a Unicode class
 * above all) costs more on each page load than the gate's whole decision; each check here says
 * yes wherever the engine's own reading would (test/unit/gate-signals.test.ts).
 */

/**
 * Path, query and hash of an http(s) URL as the browser serialises it (location.href), as
 * lib/analyze/detect.ts urlPath reads them, without parsing: new URL costs more than the gate.
 */
export function serialisedPath(href: string | null): string | null {
  if (!href || !(href.startsWith('https://') || href.startsWith('http://'))) return null;
  const at = href.indexOf('/', href.indexOf('//') + 2);
  const rest = at < 0 ? '/' : href.slice(at);
  // An empty query or fragment ("?", "#") reads as none, as URL.search and URL.hash say.
  const hashAt = rest.indexOf('#');
  const beforeHash = hashAt < 0 ? rest : rest.slice(0, hashAt);
  const hash = hashAt < 0 || hashAt === rest.length - 1 ? '' : rest.slice(hashAt);
  const queryAt = beforeHash.indexOf('?');
  const path = queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt);
  const query = queryAt < 0 || queryAt === beforeHash.length - 1 ? '' : beforeHash.slice(queryAt);
  return `${path}${query}${hash}`;
}

const isIdChar = (code: number) =>
  (code >= 97 && code <= 122) ||
  (code >= 48 && code <= 57) ||
  code === 45 ||
  code === 46 ||
  code === 47 ||
  code === 95;

/**
 * A superset of the engine's record numbers (lib/analyze/values.ts idTokens, those with a
 * letter): a run of ASCII letters, digits and -_/. holding both a letter and a digit. A loop, not
 * a pattern: compiling one costs more than the gate's whole decision.
 */
export function hasIdLike(lower: string): boolean {
  let letter = false;
  let digit = false;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (!isIdChar(code)) {
      letter = digit = false;
      continue;
    }
    if (code >= 97 && code <= 122) letter = true;
    else if (code >= 48 && code <= 57) digit = true;
    if (letter && digit) return true;
  }
  return false;
}

/** a-z and 0-9 (and "#" where the engine's words hold it): word characters, in ASCII. */
const isWordChar = (code: number, hash: boolean) =>
  (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (hash && code === 35);

const isUpper = (code: number) => code >= 65 && code <= 90;
const isLowerOrDigit = (code: number) => (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
const isLetter = (code: number) => (code >= 97 && code <= 122) || isUpper(code);
const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * Does the original text break words at `at` although no separator stands there? An element's
 * text read as part of its container's textContent runs into the next one's when the markup has
 * no white space between them (as React renders it): "<dt>Status</dt><dd>Failed</dd>" reads
 * "StatusFailed", "<dt>Retries</dt><dd>0</dd>" "Retries0". A lower case letter or digit before an
 * upper case one, a letter next to a digit, and an acronym's end before a capitalised word
 * ("QBOStatus") are read as breaks.
 */
function isCaseBreak(raw: string, at: number): boolean {
  const before = raw.charCodeAt(at - 1);
  const after = raw.charCodeAt(at);
  if (isUpper(after) && isLowerOrDigit(before)) return true;
  if ((isLetter(before) && isDigit(after)) || (isDigit(before) && isLetter(after))) return true;
  return isUpper(before) && isUpper(after) && isLowerOrDigit(raw.charCodeAt(at + 1));
}

/**
 * Is `word` in the lower-cased text as a whole word? Any non-ASCII character counts as a word
 * break, which makes this a superset of the engine's Unicode words without compiling a Unicode
 * class (milliseconds on every page load). With `raw`, the text before lower-casing, a change of
 * case or from letters to digits also counts (isCaseBreak); only where lower-casing kept every
 * character's place (it does for any text without the few letters that lower-case to two).
 */
export function hasWord(text: string, word: string, hash = true, raw?: string): boolean {
  const cased = raw !== undefined && raw.length === text.length ? raw : null;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const end = at + word.length;
    if (
      (!isWordChar(text.charCodeAt(at - 1), hash) || (cased && isCaseBreak(cased, at))) &&
      (!isWordChar(text.charCodeAt(end), hash) || (cased && isCaseBreak(cased, end)))
    )
      return true;
  }
  return false;
}
