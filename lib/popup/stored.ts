/** A stored history entry back as an Escalation (its notes kept beside the data). */
import { z } from '../zod';
import { EscalationSchema, toPlainText, type Escalation } from '../escalation';
import type { StoredEscalationSchema } from '../messaging/escalation-protocol';
import type { RulePack } from '../rules/schema';

export type StoredEscalation = z.infer<typeof StoredEscalationSchema>;

/** The saved escalation with the notes added since; null when the data is not one. */
export function fromStored(item: StoredEscalation): Escalation | null {
  const data: unknown = item.data;
  const parsed = EscalationSchema.safeParse(
    typeof data === 'object' && data !== null ? { ...data, id: item.id, notes: item.notes } : data,
  );
  return parsed.success ? parsed.data : null;
}

/** Its plain text, or the record and message alone when the data cannot be read. */
export function storedText(item: StoredEscalation, pack: RulePack): string {
  const esc = fromStored(item);
  if (esc) return toPlainText(esc, pack);
  return `Record number: ${item.recordNumber}\nExact message: ${item.message}`;
}
