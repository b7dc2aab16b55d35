import type { Pair, RowRecord } from './collect';
import type { CompiledPack, LabelMatch } from './compile';
import { fieldForValue } from './reshape';
import { isHiddenCell, isHiddenElement, isHiddenRow, visibleText } from './text';
import { normalizeStatus } from './values';
import type { RecordField, Status } from './types';

/** How far list rows are read (the overlay's options; the popup and the CLI read everything). */
export interface RowReading {
  /** Rows whose status cell reads as one of these: that status alone (AnalyzeOptions.brief). */
  brief?: ReadonlySet<Status>;
  /** Rows whose status cell reads as one of these may be skimmed (AnalyzeOptions.skim). */
  skim?: ReadonlySet<Status>;
  /** Rows of a `skim` status still to be read in full before skimming starts. */
  fullLeft: number;
  /** Rows read in full whatever their status (near the viewport, clicked). */
  keep?: { has(row: Element): boolean };
}

export type TableResult =
  { kind: 'rows'; rows: RowRecord[]; columns: Columns } | { kind: 'pairs'; pairs: Pair[] };

/** Fields that make a table a list of sync records rather than any other list. */
/** Fields only a sync list has: an activity trail (when, who, details) names none of them. */
const CORE_FIELDS: ReadonlySet<RecordField> = new Set([
  'status',
  'syncRun',
  'connector',
  'retryCount',
]);

interface Cell {
  el: Element;
  /** A header cell (<th>, columnheader): set by cellsOf only, the header search needs it. */
  header: boolean;
  span: number;
  /** Has no attributes: a plain <td> cannot be hidden by itself. */
  plain: boolean;
  /**
   * The column an ARIA cell names with aria-colindex (0-based), or -1: virtualised grids leave
   * out cells (an empty message, columns scrolled away), so position alone would misplace them.
   */
  at: number;
}

const SECTIONS = new Set(['THEAD', 'TBODY', 'TFOOT']);

/** The table's own visible rows (not a nested table's), in document order. */
function rowsOf(table: Element): Element[] {
  if (table.tagName === 'TABLE') {
    // The parser puts every row in a section: a hidden section is checked once, not per row.
    const rows: Element[] = [];
    for (let child = table.firstElementChild; child; child = child.nextElementSibling) {
      const tag = child.tagName;
      if (tag === 'TR') {
        if (!isHiddenRow(child)) rows.push(child);
      } else if (SECTIONS.has(tag) && !isHiddenElement(child)) {
        for (let row = child.firstElementChild; row; row = row.nextElementSibling)
          if (row.tagName === 'TR' && !isHiddenRow(row)) rows.push(row);
      }
    }
    return rows;
  }
  return Array.from(table.querySelectorAll('[role=row]')).filter(
    (row) =>
      row.closest('[role=grid], [role=table], [role=treegrid]') === table &&
      !isHiddenWithin(row, table),
  );
}

const ARIA_CELLS = '[role=columnheader], [role=rowheader], [role=gridcell], [role=cell]';

/** Columns a cell spans (1–50). */
function spanOf(el: Element, native: boolean): number {
  const span = native
    ? (el as HTMLTableCellElement).colSpan
    : Number(el.getAttribute('aria-colspan') ?? 1);
  return Math.max(1, Math.min(50, Math.floor(span) || 1));
}

function cellsOf(row: Element): Cell[] {
  const cells: Cell[] = [];
  cells.length = fillCells(row, row.tagName === 'TR', cells);
  for (const cell of cells)
    cell.header = cell.el.tagName === 'TH' || cell.el.getAttribute('role') === 'columnheader';
  return cells;
}

/**
 * Writes a row's cells into `cells` from the start, reusing the objects already there (a long
 * list then allocates no cell objects), and returns how many the row has.
 */
function fillCells(row: Element, native: boolean, cells: Cell[], lastColumn = Infinity): number {
  let count = 0;
  if (native) {
    let column = 0;
    // Cells past the last column the caller reads (an "Actions" column) are not looked at; two
    // cells are always counted, so a lone cell stays recognisable.
    for (let c = row.firstElementChild; c && (column <= lastColumn || count < 2);) {
      const tag = c.tagName;
      if (tag === 'TD' || tag === 'TH') {
        const plain = !c.hasAttributes();
        const span = plain ? 1 : spanOf(c, true);
        putCell(cells, count++, c, span, plain, -1);
        column += span;
      }
      c = c.nextElementSibling;
    }
    return count;
  }
  for (const c of row.querySelectorAll(ARIA_CELLS)) {
    if (c.closest('[role=row]') !== row) continue;
    const colindex = Number(c.getAttribute('aria-colindex') ?? NaN);
    const at = Number.isInteger(colindex) && colindex >= 1 && colindex <= 1000 ? colindex - 1 : -1;
    putCell(cells, count++, c, spanOf(c, false), false, at);
  }
  return count;
}

function putCell(
  cells: Cell[],
  index: number,
  el: Element,
  span: number,
  plain: boolean,
  at: number,
): void {
  const cell = cells[index];
  if (!cell) cells.push({ el, header: false, span, plain, at });
  else {
    cell.el = el;
    cell.span = span;
    cell.plain = plain;
    cell.at = at;
  }
}

function isHiddenWithin(el: Element, root: Element): boolean {
  for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
    if (isHiddenElement(node)) return true;
  }
  return false;
}

export interface Columns {
  matches: (LabelMatch | null)[];
  labels: string[];
  /** The header placed its cells by aria-colindex: so are the rows' cells that carry one. */
  byIndex: boolean;
}

/** Header text: sort buttons and icons included, sort arrows dropped ("Status ▲" -> "Status"). */
function headerText(cell: Element): string {
  return visibleText(cell)
    .replace(/[\u2190-\u21ff\u25b2-\u25bf\u2303\u2304⌃⌄]+/g, '')
    .trim();
}

/** The fields a header row names, or null when it does not look like a list of sync records. */
function columnsOf(header: Element, table: Element, compiled: CompiledPack): Columns | null {
  const matches: (LabelMatch | null)[] = [];
  const labels: string[] = [];
  const cells = cellsOf(header);
  // A grid that numbers its header cells (aria-colindex) places them, in any DOM order.
  const byIndex = cells.some((cell) => cell.at >= 0);
  let column = 0;
  for (const cell of cells) {
    const hidden = isHiddenWithin(cell.el, table);
    const text = hidden ? '' : headerText(cell.el);
    if (byIndex && cell.at >= 0) column = cell.at;
    for (let s = 0; s < cell.span; s++, column++) {
      matches[column] = hidden || text.length > 60 ? null : compiled.resolveLabel(text);
      labels[column] = text;
    }
  }
  // Columns no header cell names (a gap in the numbering) are unnamed.
  for (let i = 0; i < matches.length; i++) {
    matches[i] ??= null;
    labels[i] ??= '';
  }
  const fields = new Set(matches.filter((c) => c !== null).map((c) => c!.field));
  return fields.size >= 2 && [...fields].some((f) => CORE_FIELDS.has(f))
    ? { matches, labels, byIndex }
    : null;
}

/** Fields whose presence makes a row a sync attempt; a status only when it reads as one. */
const ROW_EVIDENCE: ReadonlySet<RecordField> = new Set([
  'message',
  'syncRun',
  'retryCount',
  'recordNumber',
]);
const DASHES_ONLY = /^[-–—]+$/;
/** "—" in an empty cell: the first character rules most values out without running the pattern. */
const isPlaceholder = (value: string) => {
  const first = value.charCodeAt(0);
  return (first === 0x2d || first === 0x2013 || first === 0x2014) && DASHES_ONLY.test(value);
};

/**
 * The one column labelled as the status by a specific label, or -1. With two, or a generic one
 * ("State"), pickFields may take the row's status from another cell.
 */
function statusColumnOf(columns: Columns): number {
  const first = columns.matches.findIndex((match) => match?.field === 'status');
  const last = columns.matches.findLastIndex((match) => match?.field === 'status');
  return first === last && first >= 0 && !columns.matches[first]!.weak ? first : -1;
}

/** A cell spanning columns (any colspan attribute, even "1", to be safe). */
const SPANNING = '[colspan]';
const SPANNING_CELL = `:scope > ${SPANNING}`;

/**
 * A row read from its status cell: a `brief` status makes its record that status alone and no
 * other cell is touched (in the extension's isolated world each element touched costs a wrapper,
 * and on a long list that is most of the read); a `skim` status, once the rows to read in full
 * are used up, that status and the connector cell. Null when the row needs its full read: an
 * ARIA row, a spanning cell, a hidden status cell, another status, or a row to keep.
 */
function briefRow(
  row: Element,
  /** A <tr>. */
  native: boolean,
  /** The table has a spanning cell somewhere: each row is checked for one of its own. */
  spanning: boolean,
  columns: { status: number; connector: number },
  compiled: CompiledPack,
  reading: RowReading,
  read: (el: Element, limit?: number) => string,
): RowRecord | null {
  if (!native) return null;
  // Without a spanning cell, cell N is column N.
  const cells = (row as HTMLTableRowElement).cells;
  const column = columns.status;
  if (cells.length < 2 || column >= cells.length) return null;
  if (spanning && row.querySelector(SPANNING_CELL) !== null) return null;
  const cell = cells[column]!;
  if (cell.hasAttributes() && isHiddenCell(cell)) return null;
  const limit = compiled.pack.maxMessageLength + 200;
  const status = normalizeStatus(read(cell, limit), compiled);
  if (status === null) return null;
  if (reading.brief?.has(status)) return { anchor: row, pairs: [], brief: status };
  if (!reading.skim?.has(status) || columns.connector === -2 || reading.keep?.has(row)) return null;
  if (reading.fullLeft > 0) {
    reading.fullLeft--;
    return null;
  }
  const pairs: Pair[] = [];
  const other = cells[columns.connector];
  if (other && !(other.hasAttributes() && isHiddenCell(other))) {
    const value = read(other, limit);
    if (value && !isPlaceholder(value))
      pairs.push({ field: 'connector', value, weak: false, label: '', el: other });
  }
  return { anchor: row, pairs, brief: status, skimmed: true };
}

/**
 * The one column labelled as the connector by a specific label; -1 when none is (the connector
 * then comes from the page, as a full read takes it); -2 when a skimmed row could name another
 * connector than its full read (two such columns, or a generic label).
 */
function connectorColumnOf(columns: Columns): number {
  const first = columns.matches.findIndex((match) => match?.field === 'connector');
  if (first < 0) return -1;
  const last = columns.matches.findLastIndex((match) => match?.field === 'connector');
  return first === last && !columns.matches[first]!.weak ? first : -2;
}

function readRows(
  table: Element,
  rows: Element[],
  from: number,
  columns: Columns,
  compiled: CompiledPack,
  read: (el: Element, limit?: number) => string,
  reading: RowReading | undefined,
): TableResult {
  const limit = compiled.pack.maxMessageLength + 200;
  const records: RowRecord[] = [];
  const cells: Cell[] = [];
  const lastColumn = columns.matches.findLastIndex((match) => match !== null);
  const statusColumn =
    reading && (reading.brief?.size || reading.skim?.size) ? statusColumnOf(columns) : -1;
  const briefColumns = {
    status: statusColumn,
    connector: reading?.skim ? connectorColumnOf(columns) : -2,
  };
  // One query of the whole table spares one per row on the usual list, which spans nothing.
  const spanning = statusColumn >= 0 && table.querySelector(SPANNING) !== null;
  // A <table>'s rows are all <tr> (rowsOf); a grid's are read by their roles.
  const allNative = table.tagName === 'TABLE';
  for (let r = from; r < rows.length; r++) {
    const row = rows[r]!;
    const native = allNative || row.tagName === 'TR';
    if (statusColumn >= 0) {
      const record = briefRow(row, native, spanning, briefColumns, compiled, reading!, read);
      if (record) {
        records.push(record);
        continue;
      }
    }
    const count = fillCells(row, native, cells, lastColumn);
    // A lone cell spanning the row is an empty-state note, a group heading or an expanded detail.
    if (count === 0 || (count === 1 && (cells[0]!.span > 1 || columns.matches.length > 2)))
      continue;
    const pairs: Pair[] = [];
    let evidence = false;
    let index = 0;
    for (let c = 0; c < count; c++) {
      const cell = cells[c]!;
      const at = columns.byIndex && cell.at >= 0 ? cell.at : index;
      const column = columns.matches[at];
      index = at + cell.span;
      // The row and its ancestors were checked once (rowsOf): only the cell's own way up.
      if (!column) continue;
      if (!cell.plain && (native ? isHiddenCell(cell.el) : isHiddenWithin(cell.el, row))) continue;
      const value = read(cell.el, limit);
      if (!value || isPlaceholder(value)) continue;
      const field = fieldForValue(column.field, value, compiled);
      if (!field) continue;
      const label = columns.labels[at] ?? '';
      pairs.push({ field, value, weak: column.weak || field !== column.field, label, el: cell.el });
      // A row with nothing of a sync attempt (an endpoint list's "Enabled" row) is not a record.
      evidence ||=
        ROW_EVIDENCE.has(field) ||
        (field === 'status' && normalizeStatus(value, compiled) !== null);
    }
    if (evidence) records.push({ anchor: row, pairs });
  }
  return { kind: 'rows', rows: records, columns };
}

/**
 * Reads a table or ARIA grid: a header row naming sync fields makes each later row one record;
 * rows of "label | value" make it a key/value table; anything else is left to the caller.
 */
export function readTable(
  table: Element,
  compiled: CompiledPack,
  read: (el: Element, limit?: number) => string,
  inherited?: Columns,
  reading?: RowReading,
): TableResult | null {
  const rows = rowsOf(table);
  if (rows.length === 0) return null;
  const limit = compiled.pack.maxMessageLength + 200;

  // Header: the <thead> row naming the most fields (a filter row may follow it), else a first row
  // of <th>/columnheader cells, else a first row whose cells are all field names (<td><b>Status</b>).
  const labelsIn = (row: Element) =>
    cellsOf(row).filter((c) => compiled.resolveLabel(headerText(c.el))).length;
  let headerIndex = -1;
  const headRows = rows.filter((row) => row.parentElement?.tagName === 'THEAD');
  if (headRows.length > 0) {
    headerIndex = rows.indexOf(
      headRows.reduce((best, row) => (labelsIn(row) > labelsIn(best) ? row : best)),
    );
  } else {
    const first = cellsOf(rows[0]!);
    const labelled = labelsIn(rows[0]!);
    const allHeaders = first.every((cell) => cell.header);
    if (first.length >= 2 && (allHeaders || (labelled >= 3 && labelled * 2 >= first.length)))
      headerIndex = 0;
  }
  if (headerIndex < 0 && inherited)
    return readRows(table, rows, 0, inherited, compiled, read, reading);
  if (headerIndex >= 0) {
    const columns = columnsOf(rows[headerIndex]!, table, compiled);
    if (columns) return readRows(table, rows, headerIndex + 1, columns, compiled, read, reading);
  }

  // Key/value table: "Status | Failed" rows, or "Vendor: | X | Branch: | Y" rows.
  const pairs: Pair[] = [];
  for (const row of rows) {
    const cells = cellsOf(row);
    for (let i = 0; i + 1 < cells.length; i++) {
      const label = read(cells[i]!.el, 100);
      const match = label.length <= 40 ? compiled.resolveLabel(label) : null;
      if (!match) continue;
      const value = read(cells[i + 1]!.el, limit);
      if (value && !/^[-–—]+$/.test(value))
        pairs.push({ field: match.field, value, weak: match.weak, label, el: cells[i]!.el });
      i++;
    }
  }
  return pairs.length >= 2 ? { kind: 'pairs', pairs } : null;
}
