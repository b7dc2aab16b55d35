/** Escalation history as CSV (RFC 4180), safe to open in a spreadsheet. */
import { BLOCK_LABELS, utc } from './labels';
import type { Escalation } from './model';

type Column = [header: string, value: (esc: Escalation) => string | number | null];

/** The guide's format first, then the support capture fields, then what the user added. */
const COLUMNS: Column[] = [
  ['Created (UTC)', (e) => utc(e.createdAt)],
  ['Connector', (e) => e.connector],
  ['Record number', (e) => e.recordNumber],
  ['Sync run', (e) => e.syncRun],
  ['Status', (e) => e.status],
  ['Exact message', (e) => e.message],
  ['Retry count', (e) => e.retryCount],
  ['Expected result', (e) => e.expectedResult],
  ['What changed recently', (e) => e.whatChanged],
  ['Module', (e) => e.module],
  ['Record type', (e) => e.recordType],
  ['Customer', (e) => e.customer],
  ['Vendor', (e) => e.vendor],
  ['Amount', (e) => e.amount],
  ['Branch', (e) => e.branch],
  ['Warehouse', (e) => e.warehouse],
  ['User', (e) => e.user],
  ['Time of the issue', (e) => e.failedAt],
  ['Browser or device', (e) => e.browser],
  ['What it blocks', (e) => e.blocks.map((b) => BLOCK_LABELS[b]).join('; ')],
  ['Totals mismatch', (e) => (e.totalsMismatch ? 'yes' : 'no')],
  ['First checks done', (e) => e.checksTicked.join('; ')],
  ['Trigger', (e) => e.trigger],
  ['Page', (e) => e.pageUrl],
  ['Notes', (e) => e.notes.map((n) => `${utc(n.at)}: ${n.text}`).join('\n')],
];

/**
 * Text a spreadsheet would run as a formula (= + - @, or a leading tab or carriage return) gets
 * a leading apostrophe, so a hostile sync message cannot execute when the file is opened. So does
 * such text after a semicolon, a tab or a line break: a spreadsheet whose list separator is ";"
 * (most of Europe) starts a cell after a semicolon and a row after a line break, and takes a quote
 * in the middle of its cell as a character, so quoting the value alone does not keep
 * "Timeout;=cmd|…" in one cell; a tab-separated import starts a cell after a tab.
 */
export function guardFormula(text: string): string {
  return text.replace(/(^|[;\t\r\n])(?=[=+\-@\t\r])/g, "$1'");
}

/**
 * RFC 4180: quote a cell holding a quote, comma or line break, doubling inner quotes; also one
 * holding a semicolon or a tab, for readers that take either as the separator.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = guardFormula(value);
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A header row and one row per escalation, CRLF line ends. Prepend "\uFEFF" when saving if Excel
 * must detect UTF-8.
 */
export function toCsv(list: readonly Escalation[]): string {
  const rows = [
    COLUMNS.map(([header]) => csvCell(header)),
    ...list.map((esc) => COLUMNS.map(([, value]) => csvCell(value(esc)))),
  ];
  return rows.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}
