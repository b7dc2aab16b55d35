/** Validation before any output: one plain-words problem per field, shown next to that field. */
import type { RulePack } from '../rules/schema';
import {
  blankToNull,
  EscalationSchema,
  LIMITS,
  type Escalation,
  type EscalationField,
} from './model';

interface FieldWords {
  missing: string;
  tooLong?: string;
}

/** Plain words shown next to each field; fields without an entry get GENERIC. */
const WORDS: Partial<Record<EscalationField, FieldWords>> = {
  recordNumber: {
    missing: 'Enter the record number as AWRA shows it, e.g. INV-20417.',
    tooLong: `The record number is too long: ${LIMITS.recordNumber} characters at most.`,
  },
  message: {
    missing: 'Paste the exact message from the sync screen.',
    tooLong: `The message is longer than ${LIMITS.message.toLocaleString('en')} characters: keep the part that names the problem.`,
  },
  expectedResult: {
    missing: 'Say what you expected to happen.',
    tooLong: `Keep the expected result under ${LIMITS.expectedResult.toLocaleString('en')} characters.`,
  },
  whatChanged: {
    missing: 'Describe what changed recently, or leave it empty.',
    tooLong: `Keep what changed under ${LIMITS.whatChanged.toLocaleString('en')} characters.`,
  },
  retryCount: { missing: 'Enter how many times it was retried, as a whole number (0 if never).' },
  blocks: { missing: 'Choose what it blocks from the list: financial close, billing or delivery.' },
  trigger: { missing: 'Choose a reason to escalate from the list, or none.' },
  createdAt: { missing: 'This escalation has no creation time: start it again from the popup.' },
  notes: { missing: 'Each added note needs some text (2,000 characters at most).' },
};
const GENERIC: FieldWords = {
  missing: 'Check this value.',
  tooLong: 'This value is too long: shorten it.',
};

export type ValidationResult =
  | { ok: true; value: Escalation }
  | { ok: false; problems: Partial<Record<EscalationField, string>> };

/**
 * Validates a draft before any output. Problems are keyed by field, one plain-words message each.
 * With a pack, the trigger must be one of its trigger ids.
 */
export function validateEscalation(input: unknown, pack?: RulePack): ValidationResult {
  const problems: Partial<Record<EscalationField, string>> = {};
  const parsed = EscalationSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field !== 'string' || field in problems) continue;
      const words = WORDS[field as EscalationField] ?? GENERIC;
      problems[field as EscalationField] =
        issue.code === 'too_big' ? (words.tooLong ?? words.missing) : words.missing;
    }
  }
  // Checked on the raw input too, so a bad trigger shows alongside the other problems.
  const trigger = blankToNull((input as { trigger?: unknown } | null)?.trigger);
  if (
    pack &&
    typeof trigger === 'string' &&
    !pack.escalation.triggers.some((t) => t.id === trigger)
  )
    problems.trigger = WORDS.trigger?.missing ?? GENERIC.missing;
  if (parsed.success && Object.keys(problems).length === 0) return { ok: true, value: parsed.data };
  return { ok: false, problems };
}
