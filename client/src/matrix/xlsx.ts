/** The matrix as an .xlsx workbook: one sheet for the matrix, one listing the tasks. */
import type { Matrix } from '../../../server/src/protocol';
import { matrixRows, type MatrixLabels } from './table';

export interface TaskSheetLabels {
  readonly sheetMatrix: string;
  readonly sheetTasks: string;
  readonly task: string;
  readonly section: string;
  readonly text: string;
  readonly lead: string;
  readonly participants: string;
}

export async function toXlsx(matrix: Matrix, labels: MatrixLabels, sheets: TaskSheetLabels): Promise<Uint8Array> {
  // Loaded on first export only: exceljs is most of the extension's size and activation should not pay for it.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Fengong';

  const sheet = book.addWorksheet(safeSheetName(sheets.sheetMatrix), { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  const rows = matrixRows(matrix, labels);
  for (const row of rows) sheet.addRow(row.map((v, i) => (i >= row.length - 3 && /^\d+$/.test(v) ? Number(v) : v)));
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn(1).width = 18;
  sheet.getColumn(2).width = 28;
  for (let c = 3; c <= rows[0]!.length; c++) sheet.getColumn(c).width = 6;
  rows.slice(1).forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === labels.lead) {
        const cell = sheet.getCell(r + 2, c + 1);
        cell.font = { bold: true, color: { argb: 'FFB71C1C' } };
        cell.alignment = { horizontal: 'center' };
      } else if (value === labels.participant) {
        sheet.getCell(r + 2, c + 1).alignment = { horizontal: 'center' };
      }
    }),
  );

  const tasks = book.addWorksheet(safeSheetName(sheets.sheetTasks));
  tasks.addRow([sheets.task, sheets.section, sheets.text, sheets.lead, sheets.participants]).font = { bold: true };
  for (const t of matrix.tasks) {
    tasks.addRow([t.key, t.section ?? '', t.label, t.lead.join('、'), t.participants.join('、')]);
  }
  tasks.getColumn(3).width = 60;
  tasks.getColumn(4).width = 24;
  tasks.getColumn(5).width = 40;

  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
function safeSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet';
}
