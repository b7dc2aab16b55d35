/** Finds and masks personal data (emails, phone numbers, card numbers) before anything is sent. */

export type SensitiveKind = 'email' | 'phone' | 'card';

export interface SensitiveSpan {
  start: number;
  end: number;
  kind: SensitiveKind;
  original: string;
  /** What the span reads as when masked. */
  masked: string;
}

// Bounded repeats keep the scan linear on long messages without an "@".
const EMAIL = /[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}(?![A-Za-z0-9-])/g;
/** Kenya: +254 / 254 / 00254 then 7xx or 1xx, or local 07xx / 01xx; 9 subscriber digits. */
const KENYA =
  /(?<![\w+\-/])(?:(?:\+|00)?254[ -]?(?:\(0\)[ -]?)?|0)[17]\d{2}[ -]?\d{3}[ -]?\d{3}(?!\w)/g;
/**
 * Any "+country" number: digits and separators, checked afterwards (8-15 digits, no doubled
 * separator). One flat character class, so a long digit run cannot make the regex backtrack.
 */
const INTERNATIONAL = /(?<![\w+])\+[1-9][\d .()-]{6,22}\d(?![\w])/g;
/** 13-19 digits, single spaces or dashes between; issuers start 2-6 (keeps ids and epochs out). */
const CARD = /(?<![\w+-])[2-6](?:[ -]?\d){12,18}(?![\w])/g;

const digitsOf = (text: string) => text.replace(/\D/g, '');

/** The Luhn checksum every payment card number satisfies (and most random digit runs do not). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Replaces digits with "*" except the first `keepStart` and last `keepEnd`; separators stay. */
function maskDigits(text: string, keepStart: number, keepEnd: number): string {
  const total = digitsOf(text).length;
  let seen = 0;
  return text.replace(/\d/g, (d) => {
    seen += 1;
    return seen <= keepStart || seen > total - keepEnd ? d : '*';
  });
}

function maskEmail(text: string): string {
  const at = text.indexOf('@');
  return `${text.charAt(0)}***${text.slice(at)}`;
}

/** "+254 7** *** 418": country code and operator digit tell support little; last 3 help match. */
function maskPhone(text: string): string {
  const kenyan = /^(\+|00)?254/.exec(text);
  if (kenyan) return maskDigits(text, (kenyan[1] === '00' ? 5 : 3) + 1, 3);
  if (text.startsWith('0')) return maskDigits(text, 2, 3);
  const countryCode = /^\+(\d{1,4})\D/.exec(text)?.[1]?.length ?? 2;
  return maskDigits(text, countryCode, 3);
}

function collect(text: string, pattern: RegExp, kind: SensitiveKind, accept = (_: string) => true) {
  const spans: Omit<SensitiveSpan, 'masked'>[] = [];
  for (const match of text.matchAll(pattern)) {
    if (accept(match[0]))
      spans.push({
        start: match.index,
        end: match.index + match[0].length,
        kind,
        original: match[0],
      });
  }
  return spans;
}

/**
 * Spans of emails, phone numbers and Luhn-valid card numbers, in text order and never
 * overlapping (an earlier, then longer, span wins). Record numbers (INV-20417), dates, times and
 * amounts do not match: they are short digit runs, lack a "+" or 07/01 prefix, or fail Luhn.
 */
export function findSensitive(text: string): SensitiveSpan[] {
  const found = [
    ...collect(text, EMAIL, 'email'),
    ...collect(text, KENYA, 'phone'),
    ...collect(text, INTERNATIONAL, 'phone', (m) => {
      const n = digitsOf(m).length;
      return n >= 8 && n <= 15 && !/[ .-]{2}|\(\(|\)\)/.test(m);
    }),
    ...collect(text, CARD, 'card', (m) => {
      const digits = digitsOf(m);
      return digits.length >= 13 && digits.length <= 19 && luhnValid(digits);
    }),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const spans: SensitiveSpan[] = [];
  for (const span of found) {
    const last = spans[spans.length - 1];
    if (last && span.start < last.end) continue;
    spans.push({ ...span, masked: mask(span.kind, span.original) });
  }
  return spans;
}

export function mask(kind: SensitiveKind, original: string): string {
  if (kind === 'email') return maskEmail(original);
  if (kind === 'phone') return maskPhone(original);
  return maskDigits(original, 0, 4);
}

/**
 * The text with every span masked except those whose index (into `spans`) is in `unmasked`.
 * Spans must come from findSensitive on this same text.
 */
export function applyRedaction(
  text: string,
  spans: readonly SensitiveSpan[],
  unmasked: ReadonlySet<number> = new Set(),
): string {
  let out = '';
  let from = 0;
  spans.forEach((span, index) => {
    if (unmasked.has(index) || span.start < from) return;
    out += text.slice(from, span.start) + mask(span.kind, text.slice(span.start, span.end));
    from = span.end;
  });
  return out + text.slice(from);
}
