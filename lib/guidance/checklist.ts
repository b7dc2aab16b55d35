/** Picks the first checks and common mistakes that apply to a record. */
import type { Guidance, RulePack } from '../rules/schema';
import { isPendingPayment } from './status';
import type { ChecklistEntry, SerializedRecord } from './types';

/** Ids of pack entries the code adds by record status; the pack holds their wording. */
export const CHECK = {
  compareAfterSuccess: 'compare-after-success',
  waitForProvider: 'wait-provider-confirmation',
  checkMappings: 'check-mappings',
  fixThenRetry: 'fix-then-retry',
} as const;
export const MISTAKE = { differentFilters: 'different-filters' } as const;

type RecordFacts = Pick<SerializedRecord, 'status' | 'recordType'>;

/**
 * The checks that apply, in the guide's order (its steps build on each other). After a success
 * the failure's own checks no longer apply: what is left is comparing both systems.
 */
export function checksFor(
  pack: RulePack,
  guidance: Guidance,
  record: RecordFacts,
): ChecklistEntry[] {
  const ids = new Set<string>(
    record.status === 'succeeded' ? [CHECK.compareAfterSuccess] : guidance.checks,
  );
  if (isPendingPayment(record)) {
    // A pending payment waits for the provider: nothing to fix or retry yet (the guide).
    ids.add(CHECK.waitForProvider);
    ids.delete(CHECK.fixThenRetry);
    ids.delete(CHECK.checkMappings);
  }
  return pack.firstChecks
    .filter((check) => ids.has(check.id))
    .map(({ id, text }) => ({ id, text }));
}

/**
 * The mistakes that apply, in the type's order (most likely first, e.g. a duplicate warns about
 * creating the record by hand before anything else). After a success: comparing with different
 * filters.
 */
export function mistakesFor(
  pack: RulePack,
  guidance: Guidance,
  record: RecordFacts,
): ChecklistEntry[] {
  const ids = record.status === 'succeeded' ? [MISTAKE.differentFilters] : guidance.mistakes;
  return ids.flatMap((id) => {
    const mistake = pack.commonMistakes.find((entry) => entry.id === id);
    return mistake ? [{ id: mistake.id, text: mistake.text }] : [];
  });
}
