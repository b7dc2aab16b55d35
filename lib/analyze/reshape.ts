import type { CompiledPack } from './compile';
import type { RecordField } from './types';
import { normalizeStatus, recordTypeFromWords } from './values';

/**
 * A label names a field, the value's shape can correct it: "Last sync: Completed" is an outcome,
 * not a time; "Document: Sales Invoice" is a record type, not a record number. Returns the field
 * the value belongs to, or null to drop a value that fits its label in no way.
 */
export function fieldForValue(
  field: RecordField,
  value: string,
  compiled: CompiledPack,
): RecordField | null {
  if (field === 'timestamp' && !/\d/.test(value))
    return normalizeStatus(value, compiled) ? 'status' : null;
  if (
    field === 'recordNumber' &&
    !/\d/.test(value) &&
    value.split(/\s+/).length <= 4 &&
    recordTypeFromWords(value, compiled)
  ) {
    return 'recordType';
  }
  return field;
}
