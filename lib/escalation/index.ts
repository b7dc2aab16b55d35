/** The escalation core: pure data and text, no DOM or extension APIs (the popup builds on it). */
export {
  BLOCKS,
  EscalationSchema,
  LIMITS,
  type Block,
  type Escalation,
  type EscalationDraft,
  type EscalationField,
  type EscalationNote,
} from './model';
export { validateEscalation, type ValidationResult } from './validate';
export { blankEscalation, escalationFromRecord, type PrefillExtras } from './prefill';
export {
  JSON_FORMAT,
  JSON_VERSION,
  MAILTO_MAX_LENGTH,
  SHORTENED_NOTE,
  mailtoDraft,
  mailtoUrl,
  toCsv,
  toJson,
  toMarkdown,
  toPlainText,
} from './formats';
export { BLOCK_LABELS, FORMAT_LABELS, subjectLine } from './labels';
export { applyRedaction, findSensitive, type SensitiveKind, type SensitiveSpan } from './redact';
export {
  REDACTABLE_FIELDS,
  findSensitiveInEscalation,
  redactEscalation,
  type FoundSpan,
} from './redact-escalation';
export { DAY_MS, appendNote, findRecentDuplicate } from './duplicates';
export { DEFAULT_RETENTION_DAYS, isExpired, pruneOld } from './retention';
export { formatEscalation, type EscalationValues } from './format';
