/** The escalation as Markdown for a ticket: a table of fields, the message in a safe code block. */
import type { RulePack } from '../rules/schema';
import { formatRows, subjectLine, supportRows, type Row } from './labels';
import type { Escalation } from './model';

/**
 * Escapes text for a table cell or a paragraph line: Markdown and HTML punctuation is
 * backslash-escaped (valid CommonMark for any ASCII punctuation) so page or user text cannot write
 * links, images, HTML, emphasis or extra cells; line breaks become spaces (a row is one line).
 * Bare URLs and addresses, which renderers link without any markup, are inlineText's.
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

/**
 * Text that GFM renderers turn into a link or a mention by itself, escaped or not: a URL, "www.",
 * an e-mail address, an @name (GitHub's autolinks find them in the text after escapes are read).
 */
const LINK_LIKE = /:\/\/|www\.|@|(?:mailto|xmpp):/i;

/**
 * Page or user text for a table cell (`cell`), a heading or a paragraph line: escaped, or as a
 * code span when it holds a link-like form, so it shows as written and never becomes a link.
 */
export function inlineText(text: string, cell: boolean): string {
  if (!LINK_LIKE.test(text)) return escapeInline(text);
  const flat = text.replace(/\r\n?|\n/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // A span drops one space at each end when it has both, and one next to a backtick fence.
  const pad = /^`|`$|^ [\s\S]*[^ ][\s\S]* $/.test(flat) ? ' ' : '';
  // In a table, "|" ends the cell even inside a span unless escaped (GFM); a backslash already
  // before it would make "\\|", which some renderers read as a cell's end: a zero-width space
  // keeps the two apart.
  const body = cell ? flat.replace(/\\(?=\|)/g, '\\\u200b').replace(/\|/g, '\\|') : flat;
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** The page's own address as a link (an autolink takes it as written), else as text. */
function pageLink(url: string): string {
  return /^https?:\/\/[^\s<>|`\\]+$/i.test(url) ? `<${url}>` : inlineText(url, true);
}

/** A fence longer than any backtick run in the text, so nothing inside can close it. */
export function fenced(text: string, info = 'text'): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${text}\n${fence}`;
}

function tableRow(row: Row): string {
  const value = typeof row.value === 'string' ? row.value : row.value.join('; ');
  const cell = row.label === 'Page' ? pageLink(value) : inlineText(value, true);
  return `| ${escapeInline(row.label)} | ${cell} |`;
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
    `## ${inlineText(subjectLine(esc), false)}`,
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
      .map((line) => inlineText(line.trim(), false))
      .join('  \n');
    out.push('', `**${row.label}**`, '', paragraphs);
  }
  return out.join('\n');
}
