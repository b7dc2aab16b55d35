/** Field labels and the support-capture rows shared by every output format. */
import type { RulePack } from '../rules/schema';
import type { Block, Escalation } from './model';

/** The guide's escalation format fields, labelled as the guide words them. */
export const FORMAT_LABELS: Record<string, string> = {
  connector: 'Connector',
  recordNumber: 'Record number',
  syncRun: 'Sync run',
  status: 'Status',
  message: 'Exact message',
  retryCount: 'Retry count',
  expectedResult: 'Expected result',
  whatChanged: 'What changed recently',
};

export const BLOCK_LABELS: Record<Block, string> = {
  'financial-close': 'financial close',
  billing: 'billing',
  'customer-delivery': 'customer delivery',
};

export const NOT_SHOWN = '(not shown)';
export const TO_FILL = '(to fill in)';
/** What changed recently is optional: saying nothing changed is an answer, not a gap. */
export const NONE_GIVEN = '(none given)';

/** One labelled value; a list prints as bullet lines. */
export interface Row {
  label: string;
  value: string | string[];
}

/** "2026-11-04 10:00 UTC": unambiguous for support whatever the user's time zone. */
export function utc(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The guide format's rows in the pack's order; a missing value says so rather than vanishing. */
export function formatRows(esc: Escalation, pack: RulePack): Row[] {
  const values = esc as unknown as Record<string, unknown>;
  return pack.escalation.formatFields.map((field) => {
    const value = values[field];
    const empty = value === null || value === undefined || value === '';
    const filler =
      field === 'whatChanged' ? NONE_GIVEN : field === 'expectedResult' ? TO_FILL : NOT_SHOWN;
    return { label: FORMAT_LABELS[field] ?? field, value: empty ? filler : String(value) };
  });
}

/** The support capture fields that are present, after the guide format (AWRA Support's list). */
export function supportRows(esc: Escalation, pack: RulePack): Row[] {
  const rows: Row[] = [];
  const add = (label: string, value: string | string[] | null) => {
    if (value !== null && value.length > 0) rows.push({ label, value });
  };
  add('Module', esc.module);
  add('Record type', esc.recordType);
  add('Customer', esc.customer);
  add('Vendor', esc.vendor);
  add('Amount', esc.amount);
  add('Branch', esc.branch);
  add('Warehouse', esc.warehouse);
  add('User', esc.user);
  add('Time of the issue', esc.failedAt);
  add('Browser or device', esc.browser);
  add('What it blocks', esc.blocks.map((block) => BLOCK_LABELS[block]).join(', '));
  if (esc.totalsMismatch)
    add('Totals', 'A retry succeeded but the outside totals still do not match.');
  const trigger = pack.escalation.triggers.find((t) => t.id === esc.trigger);
  add('Why escalate', esc.trigger === null ? null : (trigger?.text ?? esc.trigger));
  // Unknown ids (a check removed from the pack since) still print, as their id.
  add(
    'First checks done',
    esc.checksTicked.map((id) => pack.firstChecks.find((c) => c.id === id)?.text ?? id),
  );
  add('Page', esc.pageUrl);
  add('Reported', utc(esc.createdAt));
  add(
    'Added later',
    esc.notes.map((note) => `${utc(note.at)}: ${note.text}`),
  );
  return rows;
}

/** "Sync failure: QuickBooks Online INV-20417", on one line. */
export function subjectLine(esc: Escalation): string {
  const parts = [esc.connector, esc.recordNumber].filter((part): part is string => !!part);
  return `Sync failure: ${parts.join(' ')}`.replace(/\s+/g, ' ').trim();
}
