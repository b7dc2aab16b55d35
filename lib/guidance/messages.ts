/** Comparing sync messages across retries. */
import { normalizeMessage } from '../analyze/classify';
import type { RetryAttempt } from './types';

/**
 * Same message, ignoring whitespace, invisible characters and typographic quotes: a re-rendered
 * row must not look like a changed message and let a blind retry through.
 */
export function sameMessage(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return normalizeMessage(a) === normalizeMessage(b);
}

/** Our retries made while this message was showing. */
export function attemptsWithMessage(
  attempts: readonly RetryAttempt[],
  message: string | null,
): RetryAttempt[] {
  return attempts.filter((attempt) => sameMessage(attempt.message, message));
}

export function lastAttempt(attempts: readonly RetryAttempt[]): RetryAttempt | null {
  return attempts.reduce<RetryAttempt | null>(
    (latest, attempt) => (latest === null || attempt.at >= latest.at ? attempt : latest),
    null,
  );
}
