/** The escalation as Markdown for a ticket: a table of fields, the message in a safe code block. */
import type { RulePack } from '../rules/schema';
import { formatRows, subjectLine, supportRows, type Row } from './labels';
import type { Escalation } from './model';

/**
 * Escapes text for a table cell or a paragraph line: Markdown and HTML punctuation is
 * backslash-escaped (valid CommonMark for any ASCII punctuation) so page or user text cannot add
 * links, images, HTML, emphasis or extra cells; line breaks become spaces (a row is one line).
 */
export function escapeInline(text: string): string {
  return (
    text
      .replace(/\r\n?|\n/g, ' ')
      .replace(/[\\`*_{}[\]()<>#+\-!|~=&]/g, '\\$&')
      // "1." at the start would open a numbered list in a paragraph.
      .replace(/^(\s*\d+)\./, '$1\\.')
  );
}

/** A fence longer than any backtick run in the text, so nothing inside can close it. */
export function fenced(text: string, info = 'text'): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${text}\n${fence}`;
}

function tableRow(row: Row): string {
  const value = typeof row.value === 'string' ? row.value : row.value.join('; ');
  return `| ${escapeInline(row.label)} | ${escapeInline(value)} |`;
}

/** Rows whose text is long or multi-line read better as their own sections than as cells. */
const SECTIONS = new Set(['Exact message', 'Expected result', 'What changed recently']);

/**
 * A heading, a two-column table (the guide's format fields, then the support capture fields that
 * are present), the exact message verbatim in a fenced block, and the user's own words as
 * escaped paragraphs.
 */
export function toMarkdown(esc: Escalation, pack: RulePack): string {
  const guide = formatRows(esc, pack);
  const table = [...guide.filter((row) => !SECTIONS.has(row.label)), ...supportRows(esc, pack)];
  const out = [
    `## ${escapeInline(subjectLine(esc))}`,
    '',
    '| Field | Value |',
    '| --- | --- |',
    ...table.map(tableRow),
    '',
    '**Exact message**',
    '',
    fenced(esc.message),
  ];
  for (const row of guide.filter((r) => SECTIONS.has(r.label) && r.label !== 'Exact message')) {
    const text = typeof row.value === 'string' ? row.value : row.value.join('\n');
    const paragraphs = text
      .split(/\r\n?|\n/)
      .map((line) => escapeInline(line.trim()))
      .join('  \n');
    out.push('', `**${row.label}**`, '', paragraphs);
  }
  return out.join('\n');
}
