import { messageTypeOf } from './classify';
import type { Pair } from './collect';
import type { CompiledPack } from './compile';
import {
  extractRecordNumber,
  idTokens,
  isAttemptOrdinal,
  normalizeStatus,
  parseRetryCount,
  recordTypeFromNumber,
  recordTypeFromWords,
  withoutDirectionMarks,
} from './values';
import { emptyRecord, TEXT_FIELDS, type RecordField, type SyncRecord } from './types';

export type FieldValues = Partial<Record<RecordField, Pair>>;

/**
 * One value per field: a specific label beats a generic one, a field's preferred label beats its
 * other labels ("Sync status" over a bare "Status" beside it: the pack's preferredLabels), else
 * the first seen wins.
 */
export function pickFields(
  pairs: Pair[],
  compiled: CompiledPack,
  into: FieldValues = {},
): FieldValues {
  for (const pair of pairs) {
    const current = into[pair.field];
    if (
      !current ||
      (current.weak && !pair.weak) ||
      (current.weak === pair.weak &&
        compiled.prefers(pair.field, pair.label) &&
        !compiled.prefers(current.field, current.label))
    )
      into[pair.field] = pair;
  }
  return into;
}

/** True when values describe a sync attempt, not just any record (an invoice's own fields). */
export function hasSyncEvidence(fields: FieldValues, compiled: CompiledPack): boolean {
  if ((fields.message && !fields.message.weak) || fields.syncRun) return true;
  if (fields.retryCount && parseRetryCount(fields.retryCount.value) !== null) return true;
  const status = fields.status && normalizeStatus(fields.status.value, compiled);
  return Boolean(
    status &&
    (fields.message || fields.recordNumber || (fields.timestamp && !fields.timestamp.weak)),
  );
}

export interface RecordContext {
  /** Fields of the page itself (record page header), merged under each record's own. */
  page: FieldValues;
  /** Record number and type from the main heading ("Invoice INV-20417"). */
  headingNumber: string | null;
  headingType: string | null;
  /** Connector implied by the screen (QBO Sync implies QuickBooks Online). */
  impliedConnector: string | null;
  /** Connector named by a card's heading. */
  cardConnector: string | null;
  anchor: Element;
}

const MERGED_FROM_PAGE: RecordField[] = [
  'recordNumber',
  'recordType',
  'connector',
  'customer',
  'vendor',
  'amount',
  'module',
  'branch',
  'warehouse',
  'user',
];

/** The page fields a record takes when it lacks its own, listed once per page (a list has none). */
const mergeable = new WeakMap<FieldValues, RecordField[]>();
function mergeableFields(page: FieldValues): RecordField[] {
  let fields = mergeable.get(page);
  if (!fields) mergeable.set(page, (fields = MERGED_FROM_PAGE.filter((field) => page[field])));
  return fields;
}

export function buildRecord(
  own: FieldValues,
  context: RecordContext,
  compiled: CompiledPack,
): SyncRecord {
  // A list's page has no page fields to merge: its rows' own fields are used as they are.
  let fields = own;
  for (const field of mergeableFields(context.page)) {
    if (fields[field]) continue;
    if (fields === own) fields = { ...own };
    fields[field] = context.page[field];
  }
  const record = emptyRecord();
  for (const field of TEXT_FIELDS) {
    const pair = fields[field];
    if (pair) record[field] = pair.value;
  }
  record.anchor = context.anchor;

  const numberPair = fields.recordNumber;
  record.recordNumber = extractRecordNumber(numberPair?.value ?? null);
  if (
    context.headingNumber &&
    (!numberPair || (numberPair.weak && numberPair === context.page.recordNumber))
  ) {
    record.recordNumber = context.headingNumber;
  }
  record.recordType =
    recordTypeFromWords(fields.recordType?.value ?? null, compiled) ??
    (fields.recordType ? fields.recordType.value.toLowerCase() : null) ??
    (numberPair && !numberPair.weak ? recordTypeFromWords(numberPair.label, compiled) : null) ??
    recordTypeFromNumber(record.recordNumber, compiled) ??
    context.headingType;

  record.connector = withoutDirectionMarks(
    record.connector ?? context.cardConnector ?? context.impliedConnector,
  );
  record.syncRun = withoutDirectionMarks(record.syncRun);
  // "Last run: SR-2026-11-0421 · 2026-11-18 08:54 EAT" holds the run and its time.
  if (record.timestamp && /\s[·•|–—]\s/.test(record.timestamp)) {
    const parts = record.timestamp.split(/\s+[·•|–—]\s+/);
    const run = parts.find((part) => idTokens(part)[0] === part && !/^\d/.test(part));
    if (run) {
      record.syncRun = record.syncRun ?? run;
      record.timestamp = parts.filter((part) => part !== run).join(' · ');
    }
  }
  record.status = normalizeStatus(fields.status?.value ?? null, compiled);
  record.retryCount = parseRetryCount(fields.retryCount?.value ?? null);
  // "Attempt 2" numbers the attempt; the retry count is one less.
  if (
    record.retryCount !== null &&
    record.retryCount > 0 &&
    isAttemptOrdinal(
      fields.retryCount!.label || fields.retryCount!.value.replace(/\s*#?\s*\d.*$/, ''),
      compiled,
    )
  )
    record.retryCount -= 1;
  if (record.message) {
    const max = compiled.pack.maxMessageLength;
    if (record.message.length > max) record.message = `${record.message.slice(0, max)}…`;
  }
  record.messageType = messageTypeOf(record.message, compiled.messageRules);
  // Only control or invisible characters: nothing a user could read or quote, so no message.
  if (record.messageType === null) record.message = null;
  return record;
}
