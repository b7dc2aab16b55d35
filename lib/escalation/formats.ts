/** Every output of an escalation, in one import for the popup. */
import type { Escalation } from './model';

export { toPlainText } from './plain-text';
export { toMarkdown } from './markdown';
export { mailtoUrl, mailtoDraft, MAILTO_MAX_LENGTH, SHORTENED_NOTE } from './mailto';
export { toCsv } from './csv';

/** Versioned, so a later import can tell a Sync Assist escalation file from any other JSON. */
export const JSON_FORMAT = 'sync-assist-escalation';
export const JSON_VERSION = 1;

/** One escalation or a list (export all), pretty-printed for a download. */
export function toJson(esc: Escalation | readonly Escalation[]): string {
  const payload = Array.isArray(esc) ? { escalations: esc } : { escalation: esc };
  return JSON.stringify({ format: JSON_FORMAT, version: JSON_VERSION, ...payload }, null, 2);
}
