/** The escalation as plain text: the guide's format first, then the support capture fields. */
import type { RulePack } from '../rules/schema';
import { formatEscalation } from './format';
import { NONE_GIVEN, supportRows, type Row } from './labels';
import type { Escalation } from './model';

/** "Label: value", or "Label:" followed by "- item" lines for a list. */
export function plainRow(row: Row): string {
  if (typeof row.value === 'string') return `${row.label}: ${row.value}`;
  return [`${row.label}:`, ...row.value.map((item) => `- ${item}`)].join('\n');
}

/**
 * The pack's escalation template (the guide's order: connector, record number, sync run, status,
 * exact message, retry count, expected result, what changed recently), a blank line, then every
 * support capture field that has a value. Values are verbatim.
 */
export function toPlainText(esc: Escalation, pack: RulePack): string {
  const head = formatEscalation({ ...esc, whatChanged: esc.whatChanged ?? NONE_GIVEN }, pack);
  const tail = supportRows(esc, pack).map(plainRow);
  return tail.length > 0 ? `${head}\n\n${tail.join('\n')}` : head;
}
