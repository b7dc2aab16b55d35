/** Redaction over a whole escalation, for the "what will be sent" preview and every output. */
import type { Escalation } from './model';
import { applyRedaction, findSensitive, type SensitiveSpan } from './redact';

/**
 * Free-text fields that can carry personal data. The record number, connector, sync run, status,
 * amount and times are identifiers support needs as they are, and are never touched.
 */
export const REDACTABLE_FIELDS = [
  'message',
  'expectedResult',
  'whatChanged',
  'customer',
  'vendor',
  'user',
  'pageUrl',
] as const;
type TextField = (typeof REDACTABLE_FIELDS)[number];

export interface FoundSpan extends SensitiveSpan {
  /** Stable while the text before the span is unchanged: "message:42", "note:0:7". */
  key: string;
  field: TextField | 'note';
}

const keyed = (text: string | null, field: FoundSpan['field'], prefix: string): FoundSpan[] =>
  text === null
    ? []
    : findSensitive(text).map((span) => ({ ...span, field, key: `${prefix}:${span.start}` }));

/** Every sensitive span in the escalation, field by field (notes last), each with a key. */
export function findSensitiveInEscalation(esc: Escalation): FoundSpan[] {
  return [
    ...REDACTABLE_FIELDS.flatMap((field) => keyed(esc[field], field, field)),
    ...esc.notes.flatMap((note, i) => keyed(note.text, 'note', `note:${i}`)),
  ];
}

/** Masks one field's text, leaving the spans whose key the user unmasked. */
function redactText(text: string, prefix: string, unmasked: ReadonlySet<string>): string {
  const spans = findSensitive(text);
  const keep = new Set<number>();
  spans.forEach((span, i) => {
    if (unmasked.has(`${prefix}:${span.start}`)) keep.add(i);
  });
  return applyRedaction(text, spans, keep);
}

/**
 * The escalation as it will be sent: sensitive spans masked by default, except the keys in
 * `unmasked`. Feed the result to every format so the preview and the output agree.
 */
export function redactEscalation(esc: Escalation, unmasked: ReadonlySet<string>): Escalation {
  const out: Escalation = { ...esc, notes: esc.notes.map((note) => ({ ...note })) };
  for (const field of REDACTABLE_FIELDS) {
    const text = esc[field];
    if (text !== null) out[field] = redactText(text, field, unmasked);
  }
  out.notes.forEach((note, i) => {
    note.text = redactText(note.text, `note:${i}`, unmasked);
  });
  return out;
}
