/** The escalation support needs, as one validated value: from the page, the user and the overlay. */
import { z } from '../zod';

/** What a failure can block, in the guide's words (financial close, billing, customer delivery). */
export const BLOCKS = ['financial-close', 'billing', 'customer-delivery'] as const;
export type Block = (typeof BLOCKS)[number];

export const LIMITS = {
  recordNumber: 200,
  message: 10_000,
  expectedResult: 2000,
  whatChanged: 2000,
  note: 2000,
  shortText: 200,
  longText: 500,
  url: 2048,
} as const;

/** Page values arrive with stray spaces or as "" from a cleared input: both mean "not shown". */
export const blankToNull = (value: unknown) => {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};
const optionalText = (max: number) => z.preprocess(blankToNull, z.string().max(max).nullable());

/** Form inputs give strings; an untouched count means no retry was made. */
const toCount = (value: unknown) => {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'string') return /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return value;
};

export const NoteSchema = z.object({
  at: z.number().int().min(0),
  text: z.string().trim().min(1).max(LIMITS.note),
});
export type EscalationNote = z.infer<typeof NoteSchema>;

export const EscalationSchema = z.object({
  /** IndexedDB's auto-increment key, absent until the escalation is saved. */
  id: z.number().int().positive().optional(),
  // From the page.
  connector: optionalText(LIMITS.shortText),
  recordNumber: z.string().trim().min(1).max(LIMITS.recordNumber),
  syncRun: optionalText(LIMITS.shortText),
  status: optionalText(LIMITS.shortText),
  /** Kept exactly as shown: support searches their logs for it, spacing included. */
  message: z
    .string()
    .max(LIMITS.message)
    .refine((text) => text.trim().length > 0),
  retryCount: z.preprocess(toCount, z.number().int().min(0).max(10_000)),
  module: optionalText(LIMITS.shortText),
  recordType: optionalText(LIMITS.shortText),
  customer: optionalText(LIMITS.longText),
  vendor: optionalText(LIMITS.longText),
  amount: optionalText(LIMITS.shortText),
  branch: optionalText(LIMITS.shortText),
  warehouse: optionalText(LIMITS.shortText),
  user: optionalText(LIMITS.shortText),
  /** The failure's time as the page shows it (AWRA's format and time zone, not parsed). */
  failedAt: optionalText(LIMITS.shortText),
  browser: optionalText(LIMITS.longText),
  // From the user.
  expectedResult: z.string().trim().min(1).max(LIMITS.expectedResult),
  whatChanged: optionalText(LIMITS.whatChanged),
  blocks: z
    .array(z.enum(BLOCKS))
    .max(BLOCKS.length * 2)
    .default([])
    .transform((list) => BLOCKS.filter((block) => list.includes(block))),
  totalsMismatch: z.boolean().default(false),
  // Carried from the overlay.
  checksTicked: z
    .array(z.string().min(1).max(LIMITS.shortText))
    .max(50)
    .default([])
    .transform((ids) => [...new Set(ids)]),
  trigger: z.preprocess(blankToNull, z.string().max(LIMITS.shortText).nullable()),
  // Meta.
  createdAt: z.number().int().min(0),
  pageUrl: optionalText(LIMITS.url),
  /** Later additions ("add to it" from the duplicate guard), oldest first. */
  notes: z.array(NoteSchema).max(100).default([]),
});
export type Escalation = z.infer<typeof EscalationSchema>;
export type EscalationField = keyof Escalation;

/** A form's state: any field may still be missing, blank or null. */
export type EscalationDraft = {
  [K in EscalationField]?: Escalation[K] | (K extends 'retryCount' ? string : never) | null;
};
