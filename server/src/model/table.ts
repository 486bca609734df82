/**
 * Plans written as a table (分工表): pasted from Excel or Word, or read from a .docx table, each row
 * is one line whose cells are separated by tabs, under a header row that names the columns:
 *
 *   序号	重点任务	牵头单位	配合单位	完成时限
 *   1	加快5G网络建设。	省经信厅	省通信管理局、省发展改革委	2025年底
 *
 * A row's cell under a column named like a label (牵头单位, 配合单位, 完成时限, 责任人…) is read as
 * if it were written after that label (牵头单位：省经信厅), so everything the label form knows
 * (verbs inside a value, the first-listed convention, shared suffixes) holds for tables too.
 * A header applies to the rows after it, up to the next header. Markdown's pipe tables read the
 * same way, their cells separated by | instead of tabs:
 *
 *   | 序号 | 重点任务 | 牵头单位 | 配合单位 |
 *   | --- | --- | --- | --- |
 *   | 1 | 加快5G网络建设。 | 省经信厅 | 省通信管理局 |
 */
import { isFullWidthDigit, LABEL_KIND, type LabelKind } from './lexicon';
import { isWhite, type LineIndex } from './text';

export interface TableHeader {
  /** The header row's line. */
  readonly line: number;
  /** What separates its cells, and its rows' cells: a tab, or | (Markdown). */
  readonly delimiter: typeof TAB | typeof PIPE;
  /** Per column, by its place among the tabs: the label it stands for, or null (序号, 重点任务, 备注…). */
  readonly labels: readonly (string | null)[];
}

export const TAB = 0x09;
export const PIPE = 0x7c;

/**
 * Each heading a column may have, with the label it stands for: every label, and headings only
 * tables use. The labels are these constants, never the cell's own text: a row's reading (its
 * mentions say which label named them) outlives the version it was read from, and a slice of that
 * version's text would keep all of it alive.
 */
const COLUMN_LABELS: ReadonlyMap<string, string> = new Map([
  ...[...LABEL_KIND.keys()].map((label): [string, string] => [label, label]),
  ['完成期限', '完成时限'],
  ['时间安排', '完成时限'],
  ['进度安排', '完成时限'],
  ['完成时限要求', '完成时限'],
  ['牵头', '牵头单位'],
  ['配合', '配合单位'],
  ['责任主体', '责任单位'],
]);

/** A heading cell is short: a row whose cells say more is not a header, whatever words it holds. */
const MAX_HEADING = 16;

/**
 * The label a heading cell stands for: 牵头单位, or 责任单位（部门）, **配合单位**, 完成时限： and
 * the like; null for any other heading.
 */
export function columnLabel(cell: string): string | null {
  const s = cell
    .replace(/[\s\u3000*"“”]/g, '')
    .replace(/[：:]$/, '')
    .replace(/[（(][^（）()]*[）)]$/, '');
  return COLUMN_LABELS.get(s) ?? null;
}

/** The kind of label a column stands for (lead, participant, person, deadline). */
export function columnKind(label: string): LabelKind {
  return LABEL_KIND.get(label) ?? 'participant';
}

/** The header row on [start, end), or null: headings separated by `delimiter`, one of them a unit column. */
function headerOf(text: string, start: number, end: number, line: number, delimiter: typeof TAB | typeof PIPE): TableHeader | null {
  let s = start;
  for (let c = text.charCodeAt(s); s < end && (c === PIPE || (isWhite(c) && c !== TAB)); c = text.charCodeAt(++s));
  // A row starts with its number; a header never does.
  const c = text.charCodeAt(s);
  if ((c >= 0x30 && c <= 0x39) || isFullWidthDigit(c)) return null;
  const labels: (string | null)[] = [];
  let units = 0;
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i < end && text.charCodeAt(i) !== delimiter) continue;
    const cell = text.slice(from, i).trim();
    if (cell.length > MAX_HEADING) return null;
    const label = cell ? columnLabel(cell) : null;
    if (label !== null) {
      const kind = columnKind(label);
      if (kind === 'lead' || kind === 'participant') units++;
    }
    labels.push(label);
    from = i + 1;
  }
  return units > 0 && labels.length > 1 ? { line, delimiter, labels } : null;
}

/**
 * The header rows of a text, in order. Only lines holding a tab are looked at, and lines starting
 * with | (a Markdown table's; its cells separated by |, whatever tabs they hold).
 */
export function findTableHeaders(text: string, lines: LineIndex): TableHeader[] {
  const out: TableHeader[] = [];
  // The next tab and the next | are each searched for again only once passed: a text without any
  // | would otherwise be searched to its end from every line holding a tab (quadratic).
  let tab = text.indexOf('\t');
  let pipe = text.indexOf('|');
  for (let at = Math.min(tab < 0 ? Infinity : tab, pipe < 0 ? Infinity : pipe); at !== Infinity; ) {
    const line = lines.positionAt(at).line;
    const end = lines.lineEnd(line);
    const header = headerOnLine(text, lines, line);
    if (header) out.push(header);
    if (tab >= 0 && tab <= end) tab = text.indexOf('\t', end);
    if (pipe >= 0 && pipe <= end) pipe = text.indexOf('|', end);
    at = Math.min(tab < 0 ? Infinity : tab, pipe < 0 ? Infinity : pipe);
  }
  return out;
}

/** The header row on `line`, its cells parted by | if the line starts with one (Markdown), else by tabs; null if it is none. */
function headerOnLine(text: string, lines: LineIndex, line: number): TableHeader | null {
  const start = lines.lineStarts[line];
  const end = lines.lineEnd(line);
  let s = start;
  while (s < end && isWhite(text.charCodeAt(s))) s++;
  return headerOf(text, start, end, line, s < end && text.charCodeAt(s) === PIPE ? PIPE : TAB);
}

/** Whether [start, end) holds `header`'s delimiter: a row of its table, not prose under it. */
export function holdsDelimiter(text: string, start: number, end: number, header: TableHeader): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === header.delimiter) return true;
  return false;
}

/**
 * The header rows after an edit within line `line` (no line added or removed): the last version's,
 * that line's own looked at again. A keystroke in a table of thousands of rows reads one line,
 * not every line holding a tab.
 */
export function headersAfterLineEdit(last: readonly TableHeader[], text: string, lines: LineIndex, line: number): TableHeader[] {
  const now = headerOnLine(text, lines, line);
  const out = last.filter((h) => h.line !== line);
  if (now) {
    let k = 0;
    while (k < out.length && out[k].line < line) k++;
    out.splice(k, 0, now);
  }
  return out;
}

/** What readings of rows depend on: the headers' columns and delimiters, in order (not their lines). */
export function tablesKey(headers: readonly TableHeader[]): string {
  let key = '';
  for (const h of headers) key += `${h.delimiter}:${h.labels.join('|')}\n`;
  return key;
}

/** The header in force on `line`: the last one before it; null if none. */
export function headerAt(headers: readonly TableHeader[], line: number): TableHeader | null {
  let lo = 0;
  let hi = headers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (headers[mid].line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? headers[lo - 1] : null;
}

/** Whether `line` is one of the header rows. */
export function isHeaderLine(headers: readonly TableHeader[], line: number): boolean {
  const h = headerAt(headers, line + 1);
  return h !== null && h.line === line;
}
