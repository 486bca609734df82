/**
 * What the table readers (Word, Excel, CSV) share: a cell's text on one line, and what a cell
 * merged down from another reads. Each row becomes one line of plan text, its cells separated by
 * tabs (model/table.ts), so a cell's own tabs and line breaks become spaces.
 */

/** A cell's text as one line of a row: its tabs and line breaks (runs of them) made one space, trimmed. */
export function cellLine(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ').trim();
}

/**
 * What a cell merged down from one holding `above` reads: the same text (a lead unit merged over
 * several tasks names it for each), but a number alone (序号 merged over one task's several
 * measures) only once: repeated, it would number the rows as duplicate tasks. The rows after
 * read as that task's (model/parser.ts, tableCells).
 */
export function mergedDown(above: string): string {
  return /^[\d０-９]+[.．、]?$/.test(above) ? '' : above;
}
