/**
 * The matrix as files people open elsewhere: CSV for Excel, XLSX, Markdown and HTML. Pure
 * functions of a Matrix, so the VS Code view's export buttons and the CLI write identical files.
 */
import type { Matrix } from '../protocol';
import type { Locale } from '../messages';
import { joinNames, r } from './strings';

export const MARK = { lead: '●', participant: '○' } as const;

/** Header row plus one row per department: name, registry name, status, totals, then a mark per task. */
export function matrixTable(matrix: Matrix, locale: Locale = 'zh-cn'): string[][] {
  const header = [r('department', locale), r('registryName', locale), r('status', locale), r('leads', locale), r('participates', locale), r('total', locale)];
  const rows = matrix.departments.map((d) => {
    const marks = new Array<string>(matrix.tasks.length).fill('');
    return [d.name, d.preferred ?? '', r(`status.${d.status}`, locale), String(d.leads), String(d.participates), String(d.leads + d.participates), ...marks];
  });
  for (const c of matrix.cells) rows[c.department][header.length + c.task] = MARK[c.role];
  return [[...header, ...matrix.tasks.map((t) => t.key)], ...rows];
}

/** Rows of the task list that accompanies the matrix: key, section, label, lead, participants. */
export function taskTable(matrix: Matrix, locale: Locale = 'zh-cn'): string[][] {
  return [
    [r('key', locale), r('section', locale), r('subsection', locale), r('label', locale), r('leadColumn', locale), r('participantsColumn', locale)],
    ...matrix.tasks.map((t) => [t.key, t.section ?? '', t.subsection ?? '', t.label, joinNames(t.lead, locale), joinNames(t.participants, locale)]),
  ];
}

/**
 * CSV that Excel opens with the Chinese intact: a UTF-8 BOM (without it Excel assumes the ANSI
 * code page), CRLF rows, RFC 4180 quoting, and cells that would start a formula defused.
 */
export function matrixToCsv(matrix: Matrix, locale: Locale = 'zh-cn'): string {
  const rows = [...matrixTable(matrix, locale), [], [r('legend', locale)]];
  return '\ufeff' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function csvCell(value: string): string {
  // Excel runs =, +, - and @ cells as formulas, even in CSV; a leading apostrophe keeps them text.
  const v = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function matrixToMarkdown(matrix: Matrix, locale: Locale = 'zh-cn'): string {
  const md = (v: string) => v.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  /** `numeric` columns are right-aligned. */
  const table = ([head, ...body]: string[][], numeric: (i: number) => boolean) => [
    `| ${head.map(md).join(' | ')} |`,
    `|${head.map((_, i) => (numeric(i) ? ' ---: ' : ' --- ')).join('|')}|`,
    ...body.map((row) => `| ${row.map(md).join(' | ')} |`),
  ];
  return [
    `# ${md(matrix.title ?? r('untitled', locale))}`,
    '',
    `## ${r('matrixTitle', locale)}`,
    '',
    r('legend', locale),
    '',
    ...table(matrixTable(matrix, locale), (i) => i >= 3 && i <= 5),
    '',
    `## ${r('tasksHeading', locale)}`,
    '',
    ...table(taskTable(matrix, locale), () => false),
  ].join('\n') + '\n';
}

export function escapeHtml(v: string): string {
  return v.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** A self-contained page (no scripts, no external resources), every plan-derived string escaped. */
export function matrixToHtml(matrix: Matrix, locale: Locale = 'zh-cn'): string {
  const title = escapeHtml(matrix.title ?? r('untitled', locale));
  const [head, ...rows] = matrixTable(matrix, locale);
  const fixed = 6;
  const th = head
    .map((h, i) => (i < fixed ? `<th>${escapeHtml(h)}</th>` : `<th title="${escapeHtml(matrix.tasks[i - fixed].label)}">${escapeHtml(h)}</th>`))
    .join('');
  const tr = rows
    .map(
      (row) =>
        '<tr>' +
        row
          .map((v, i) => {
            if (i === 0) return `<th scope="row">${escapeHtml(v)}</th>`;
            if (i < fixed) return `<td${i >= 3 ? ' class="n"' : ''}>${escapeHtml(v)}</td>`;
            const cls = v === MARK.lead ? ' class="lead"' : v === MARK.participant ? ' class="part"' : '';
            return `<td${cls}>${escapeHtml(v)}</td>`;
          })
          .join('') +
        '</tr>',
    )
    .join('\n');
  const [taskHead, ...taskRows] = taskTable(matrix, locale);
  const tasks = [
    '<tr>' + taskHead.map((h) => `<th>${escapeHtml(h)}</th>`).join('') + '</tr>',
    ...taskRows.map((row) => '<tr>' + row.map((v) => `<td>${escapeHtml(v)}</td>`).join('') + '</tr>'),
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="${locale === 'zh-cn' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<title>${title}</title>
<style>
body{font-family:system-ui,"Microsoft YaHei","PingFang SC",sans-serif;margin:1.5em}
table{border-collapse:collapse;margin:1em 0}
th,td{border:1px solid #bbb;padding:.2em .45em;text-align:center}
th[scope=row],td:nth-child(2){text-align:left;white-space:nowrap}
td.n{text-align:right}
td.lead{color:#b00020;font-weight:bold}
td.part{color:#1a4f9c}
</style>
</head>
<body>
<h1>${title}</h1>
<h2>${escapeHtml(r('matrixTitle', locale))}</h2>
<p>${escapeHtml(r('legend', locale))}</p>
<table>
<thead><tr>${th}</tr></thead>
<tbody>
${tr}
</tbody>
</table>
<h2>${escapeHtml(r('tasksHeading', locale))}</h2>
<table>
${tasks}
</table>
</body>
</html>
`;
}

/** An XLSX workbook: the matrix (header frozen, totals as numbers) and the task list. */
export async function matrixToXlsx(matrix: Matrix, locale: Locale = 'zh-cn'): Promise<Buffer> {
  // A require when first asked for: bundled, it loads dist/exceljs.js (esbuild.mjs), which nothing
  // else needs, so no start-up pays for compiling ExcelJS.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'fengong';
  wb.title = matrix.title ?? '';
  const sheet = wb.addWorksheet(r('sheetMatrix', locale), { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  const [head, ...rows] = matrixTable(matrix, locale);
  sheet.addRow(head).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((v, i) => (i >= 3 && i <= 5 ? Number(v) : v)));
  sheet.addRow([]);
  sheet.addRow([r('legend', locale)]);
  sheet.getColumn(1).width = 24;
  sheet.getColumn(2).width = 20;
  for (let i = 7; i <= head.length; i++) {
    const col = sheet.getColumn(i);
    col.width = 5;
    col.alignment = { horizontal: 'center' };
  }
  head.slice(6).forEach((_, k) => {
    sheet.getCell(1, 7 + k).note = matrix.tasks[k].label;
  });
  const tasks = wb.addWorksheet(r('sheetTasks', locale), { views: [{ state: 'frozen', ySplit: 1 }] });
  const [taskHead, ...taskRows] = taskTable(matrix, locale);
  tasks.addRow(taskHead).font = { bold: true };
  for (const row of taskRows) tasks.addRow(row);
  tasks.getColumn(4).width = 40;
  tasks.getColumn(5).width = 30;
  tasks.getColumn(6).width = 50;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
