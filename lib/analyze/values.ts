import type { CompiledPack } from './compile';
import type { Status } from './types';
import { normalizeLabel } from './text';
import { wordStart } from './words';

/** Lists repeat the same status and type words on every row: each text is read once per pack. */
interface Memo {
  status: Map<string, Status | null>;
  type: Map<string, string | null>;
  ordinal: Map<string, boolean>;
}
const memo = new WeakMap<CompiledPack, Memo>();
const MEMO_LIMIT = 5000;
function remembered<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  const hit = cache.get(key);
  if (hit !== undefined || cache.has(key)) return hit as T;
  const value = compute();
  if (cache.size >= MEMO_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}
function memoOf(compiled: CompiledPack): Memo {
  let found = memo.get(compiled);
  if (!found)
    memo.set(compiled, (found = { status: new Map(), type: new Map(), ordinal: new Map() }));
  return found;
}

/** Normalises status text: the earliest known phrase wins, the longest at equal positions. */
export function normalizeStatus(text: string | null, compiled: CompiledPack): Status | null {
  if (!text) return null;
  return remembered(memoOf(compiled).status, text, () => statusOf(text, compiled));
}

function statusOf(text: string, compiled: CompiledPack): Status | null {
  const value = text.toLowerCase().slice(0, 200);
  let best: { index: number; length: number; status: Status } | null = null;
  for (const { phrase, status } of compiled.statusPhrases) {
    const index = wordStart(value, phrase);
    if (index < 0) continue;
    if (!best || index < best.index || (index === best.index && phrase.length > best.length)) {
      best = { index, length: phrase.length, status };
    }
  }
  return best?.status ?? null;
}

/** Does a label ("Attempt", "Attempt #") number the attempt rather than count the retries? */
export function isAttemptOrdinal(label: string, compiled: CompiledPack): boolean {
  return remembered(memoOf(compiled).ordinal, label, () =>
    compiled.attemptOrdinals.has(normalizeLabel(label)),
  );
}

const NONE = /^(none|no|never|no retries|not retried|zero|-|—|–)$/i;

function isDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** "2", "2 retries", "Attempt 3 of 5", "None" -> a count; unreadable -> null. */
export function parseRetryCount(text: string | null): number | null {
  if (!text) return null;
  // A list's retry column holds a bare count: read without a pattern.
  if (text.length <= 6 && isDigits(text)) return Number(text);
  const value = text.trim();
  if (NONE.test(value)) return value.length > 1 && /^[a-z]/i.test(value) ? 0 : null;
  const match = /\d{1,6}/.exec(value);
  return match ? Number(match[0]) : null;
}

/** Identifier-shaped tokens: INV-20417, PAY-8812, SR-2026-11-0042, BILL3021, DLV_0091. */
const ID_TOKEN =
  /(?:^|[^\p{L}\p{N}_#-])#?((?:[A-Z][A-Za-z]{0,7}[-_/.]?)?(?:[A-Z0-9]+[-_/.])*\d[A-Z0-9]*(?:[-_/.][A-Z0-9]+)*)(?![\p{L}\p{N}_-])/gu;

/** All identifier-like tokens in a text (with at least one letter prefix or 3+ digits). */
export function idTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const match of text.slice(0, 500).matchAll(ID_TOKEN)) {
    const token = match[1]!;
    if (
      /^[A-Z]/i.test(token)
        ? /\d/.test(token)
        : /^\d[\d-]{2,}$/.test(token) && !/^\d{4}-\d{2}-\d{2}/.test(token)
    ) {
      tokens.push(token);
    }
  }
  return tokens;
}

/**
 * Direction marks and isolates (LRM, RLM, ALM, LRE-RLO, LRI-PDI): invisible, put around values by
 * RTL pages and i18n libraries. A record's identity (number, connector, sync run) is read without
 * them: "\u2066INV-20417\u2069" is the record its own page calls INV-20417, with its retry
 * history. A message keeps them (it is quoted as shown; the classifier ignores them).
 */
const DIRECTION_MARK = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const DIRECTION_MARKS = new RegExp(DIRECTION_MARK.source, 'g');

export function withoutDirectionMarks(text: string): string;
export function withoutDirectionMarks(text: string | null): string | null;
export function withoutDirectionMarks(text: string | null): string | null {
  if (text === null) return null;
  return DIRECTION_MARK.test(text) ? text.replace(DIRECTION_MARKS, '').trim() : text;
}

/**
 * The record number inside a cell or value: the value itself when it is one token,
 * else its first identifier-shaped token ("Invoice INV-20417 (KES 12,000)" -> "INV-20417").
 */
export function extractRecordNumber(text: string | null): string | null {
  if (!text) return null;
  const trimmed = withoutDirectionMarks(text).trim();
  const value = trimmed.startsWith('#') ? trimmed.replace(/^#\s*/, '') : trimmed;
  if (value.length === 0) return null;
  if (!/\s/.test(value) && value.length <= 60) return value;
  const tokens = idTokens(value);
  return tokens.find((t) => /[A-Z]/i.test(t)) ?? tokens[0] ?? (value.length <= 40 ? value : null);
}

/** Canonical record type from a word ("Sales invoice" -> invoice) or null. */
export function recordTypeFromWords(text: string | null, compiled: CompiledPack): string | null {
  if (!text) return null;
  return remembered(memoOf(compiled).type, text, () => typeOf(text, compiled));
}

function typeOf(text: string, compiled: CompiledPack): string | null {
  const value = text.toLowerCase().slice(0, 200);
  let best: { index: number; name: string } | null = null;
  for (const type of compiled.recordTypes) {
    for (const word of type.words) {
      const start = wordStart(value, word);
      if (start < 0) continue;
      // Where a pattern's match would start: at the character before the word, if any.
      const index = start > 0 ? start - 1 : 0;
      if (!best || index < best.index) best = { index, name: type.name };
    }
  }
  return best?.name ?? null;
}

/** Canonical record type from a record number's prefix ("INV-20417" -> invoice) or null. */
export function recordTypeFromNumber(
  recordNumber: string | null,
  compiled: CompiledPack,
): string | null {
  if (!recordNumber) return null;
  const prefix = /^([A-Za-z]+)(?=[-_/.]?\d|[-_/.][A-Za-z0-9])/
    .exec(recordNumber.trim())?.[1]
    ?.toUpperCase();
  if (!prefix) return null;
  return compiled.recordTypes.find((type) => type.prefixes.has(prefix))?.name ?? null;
}
