/**
 * Reads an Excel (.xlsx) 分工表 as plan text: one line per row of the first worksheet holding
 * anything, so line N is row N as Excel numbers it, each row's cells separated by tabs (a table
 * row, model/table.ts). A cell's line breaks become spaces (a row stays one line); a cell merged
 * down gives its text to the rows below (a lead unit merged over several tasks names it for each),
 * but a number alone only once (cells.ts, mergedDown); a cell merged across leaves the cells beside
 * it empty. Other worksheets holding anything are named, never silently left out.
 */
import { cellLine, mergedDown } from './cells';

export interface XlsxText {
  /** Rows joined by \n: line i is row i + 1 of `sheet`. */
  readonly text: string;
  readonly sheet: string;
  /** The other worksheets that hold something, which were not read. */
  readonly otherSheets: readonly string[];
}

export class XlsxError extends Error {}

/** Whether the name says Excel (.xlsx). */
export function isXlsxName(name: string): boolean {
  return /\.xlsx$/i.test(name);
}

export async function readXlsx(bytes: Uint8Array): Promise<XlsxText> {
  // A require when first asked for: bundled, it loads dist/exceljs.js (esbuild.mjs), as the matrix
  // export does, so no start-up pays for compiling ExcelJS.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    throw new XlsxError(`not an Excel workbook: ${(e as Error).message}`);
  }
  const sheets = workbook.worksheets.filter((ws) => ws.actualRowCount > 0);
  const sheet = sheets[0];
  if (!sheet) return { text: '', sheet: workbook.worksheets[0]?.name ?? '', otherSheets: [] };
  const columns = sheet.columnCount;
  const lines: string[] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= columns; c++) cells.push(cellText(row.getCell(c)));
    lines.push(cells.join('\t'));
  }
  return { text: lines.join('\n'), sheet: sheet.name, otherSheets: sheets.slice(1).map((ws) => ws.name) };
}

function cellText(cell: import('exceljs').Cell): string {
  // A cell a merge covers: below the merge's first cell it repeats its text (a lead merged down
  // over several tasks), beside it it is empty (a title or section row spanning the table), as
  // Word's merged cells read (docx.ts).
  const master = cell.isMerged ? cell.master : cell;
  if (master !== cell && master.row === cell.row) return '';
  let text: string;
  try {
    text = master.text ?? '';
  } catch {
    text = String(master.value ?? '');
  }
  text = cellLine(text);
  return master === cell ? text : mergedDown(text);
}
