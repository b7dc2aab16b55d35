/** The duplicate guard: one escalation per record and message a day, added to rather than repeated. */
import { normalizeMessage } from '../analyze/classify';
import { LIMITS, type Escalation } from './model';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Just what the guard compares, so stored rows with extra fields (an id) pass through typed. */
type Comparable = Pick<Escalation, 'recordNumber' | 'message' | 'createdAt'>;

/** Record numbers are compared as AWRA shows them, ignoring case and stray spaces. */
const sameRecord = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The most recent escalation of the same record with the same message (compared after the
 * classifier's normalisation: spacing, quotes and dashes do not count) made within `windowMs`
 * before `now`, or null. An entry dated slightly in the future (clock change) still counts.
 */
export function findRecentDuplicate<T extends Comparable>(
  list: readonly T[],
  query: { recordNumber: string; message: string; now: number },
  windowMs: number = DAY_MS,
): T | null {
  const message = normalizeMessage(query.message);
  let best: T | null = null;
  for (const esc of list) {
    if (query.now - esc.createdAt > windowMs) continue;
    if (!sameRecord(esc.recordNumber, query.recordNumber)) continue;
    if (normalizeMessage(esc.message) !== message) continue;
    if (best === null || esc.createdAt > best.createdAt) best = esc;
  }
  return best;
}

/**
 * "Add to it": the escalation with the user's note appended (trimmed, stamped `now`). A blank note
 * changes nothing; a note over the limit is cut to it (the form should stop that earlier).
 */
export function appendNote<T extends Pick<Escalation, 'notes'>>(
  existing: T,
  note: string,
  now: number,
): T {
  const text = note.trim().slice(0, LIMITS.note).trim();
  if (text === '') return existing;
  return { ...existing, notes: [...existing.notes, { at: now, text }] };
}
