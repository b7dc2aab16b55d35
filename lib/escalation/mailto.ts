/** An email draft to the support address, short enough for every mail client to open. */
import type { RulePack } from '../rules/schema';
import { subjectLine } from './labels';
import type { Escalation } from './model';
import { toPlainText } from './plain-text';

/** Mail clients and browsers truncate or refuse longer mailto links (some cap near 2,000). */
export const MAILTO_MAX_LENGTH = 1900;
export const SHORTENED_NOTE = '(message shortened; full text in the attached JSON)';
const SUBJECT_MAX = 150;

// encodeURIComponent throws on a lone surrogate, which a page can hand us.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** RFC 6068 wants CRLF line breaks in a body. */
const encode = (text: string) =>
  encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD').replace(/\r\n?|\n/g, '\r\n'));

/** A plain address is kept readable; anything odd is percent-encoded rather than trusted. */
const address = (email: string) =>
  /^[A-Za-z0-9._+-]+@[A-Za-z0-9.-]+$/.test(email.trim()) ? email.trim() : encode(email.trim());

/** Cuts before `end` without splitting a surrogate pair. */
const cut = (text: string, end: number) =>
  /[\uD800-\uDBFF]/.test(text.charAt(end - 1)) ? text.slice(0, end - 1) : text.slice(0, end);

/** The largest prefix length of `text` (0..text.length) whose built URL fits, or -1. */
function longestFitting(text: string, build: (prefix: string) => string): number {
  if (build(cut(text, 0)).length > MAILTO_MAX_LENGTH) return -1;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (build(cut(text, mid)).length <= MAILTO_MAX_LENGTH) low = mid;
    else high = mid - 1;
  }
  return low;
}

export interface MailtoDraft {
  url: string;
  /** The body was cut to fit: tell the user to attach the JSON download. */
  shortened: boolean;
}

/**
 * mailto: to the pack's support address, subject "Sync failure: {connector} {recordNumber}", body
 * the plain-text escalation. When too long, the exact message is cut first (it is usually the long
 * part) with SHORTENED_NOTE; if the rest still does not fit, the body's tail is cut too.
 */
export function mailtoDraft(esc: Escalation, pack: RulePack): MailtoDraft {
  const head = `mailto:${address(pack.support.email)}?subject=${encode(
    cut(subjectLine(esc), SUBJECT_MAX),
  )}&body=`;
  const full = head + encode(toPlainText(esc, pack));
  if (full.length <= MAILTO_MAX_LENGTH) return { url: full, shortened: false };

  const withMessage = (message: string) =>
    toPlainText({ ...esc, message: `${message}…\n${SHORTENED_NOTE}` }, pack);
  const kept = longestFitting(esc.message, (prefix) => head + encode(withMessage(prefix)));
  if (kept >= 0)
    return { url: head + encode(withMessage(cut(esc.message, kept))), shortened: true };

  // Even without the message the text is too long (very long answers): cut the body's end.
  const body = withMessage('');
  const withTail = (prefix: string) => `${prefix}…\n${SHORTENED_NOTE}`;
  const fits = Math.max(
    0,
    longestFitting(body, (prefix) => head + encode(withTail(prefix))),
  );
  return { url: head + encode(withTail(cut(body, fits))), shortened: true };
}

export function mailtoUrl(esc: Escalation, pack: RulePack): string {
  return mailtoDraft(esc, pack).url;
}
