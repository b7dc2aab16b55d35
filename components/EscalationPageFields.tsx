import type { EscalationDraft, EscalationField as FieldName } from '../lib/escalation';
import { EscalationField } from './EscalationField';

type Problems = Partial<Record<FieldName, string>>;

/** The fields read from the page, in the guide's order; all editable. */
const PAGE_FIELDS: { name: FieldName; label: string; multiline?: boolean; numeric?: boolean }[] = [
  { name: 'connector', label: 'Connector' },
  { name: 'recordNumber', label: 'Record number' },
  { name: 'syncRun', label: 'Sync run' },
  { name: 'status', label: 'Status' },
  { name: 'message', label: 'Exact message', multiline: true },
  { name: 'retryCount', label: 'Retry count', numeric: true },
  { name: 'module', label: 'Module' },
  { name: 'recordType', label: 'Record type' },
  { name: 'customer', label: 'Customer' },
  { name: 'vendor', label: 'Vendor' },
  { name: 'amount', label: 'Amount' },
  { name: 'branch', label: 'Branch' },
  { name: 'warehouse', label: 'Warehouse' },
  { name: 'user', label: 'User' },
  { name: 'failedAt', label: 'Time of the failure' },
];
const REQUIRED = new Set<FieldName>(['recordNumber', 'message']);

export const asText = (value: unknown): string =>
  value === null || value === undefined ? '' : String(value);

export function EscalationPageFields(props: {
  draft: EscalationDraft;
  problems: Problems;
  onChange(name: FieldName, value: string): void;
}) {
  return (
    <fieldset>
      <legend>From the page</legend>
      {PAGE_FIELDS.map((field) => (
        <EscalationField
          key={field.name}
          name={field.name}
          label={field.label}
          value={asText(props.draft[field.name])}
          problem={props.problems[field.name]}
          multiline={field.multiline}
          numeric={field.numeric}
          required={REQUIRED.has(field.name)}
          onInput={(value) => props.onChange(field.name, value)}
        />
      ))}
    </fieldset>
  );
}
