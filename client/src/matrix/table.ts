/**
 * The responsibility matrix as rows and columns, shared by the webview and the exports.
 * Pure: no `vscode` import, so it is unit-tested directly.
 */
import type { Matrix, TaskInfo } from '../../../server/src/protocol';

export type Role = 'lead' | 'participant';

export interface MatrixLabels {
  readonly department: string;
  readonly fullName: string;
  readonly leads: string;
  readonly participates: string;
  readonly total: string;
  readonly lead: string;
  readonly participant: string;
}

/** Column header for a task: its key, unique in the plan even where numbering restarts per section. */
export function taskHeader(task: TaskInfo): string {
  return task.key;
}

/** role[department][task], or undefined where the department has no part in the task. */
export function roleGrid(matrix: Matrix): (Role | undefined)[][] {
  const grid: (Role | undefined)[][] = matrix.departments.map(() =>
    Array.from({ length: matrix.tasks.length }, (): Role | undefined => undefined),
  );
  for (const cell of matrix.cells) {
    const row = grid[cell.department];
    // A department that both leads and participates (a defect the rules flag) shows as lead.
    if (row && (row[cell.task] === undefined || cell.role === 'lead')) row[cell.task] = cell.role;
  }
  return grid;
}

/** The sheet both exports write: a header row, then one row per department. */
export function matrixRows(matrix: Matrix, labels: MatrixLabels): string[][] {
  const grid = roleGrid(matrix);
  const header = [
    labels.department,
    labels.fullName,
    ...matrix.tasks.map(taskHeader),
    labels.leads,
    labels.participates,
    labels.total,
  ];
  const rows = matrix.departments.map((d, i) => [
    d.name,
    d.fullName ?? '',
    ...grid[i]!.map((role) => (role === 'lead' ? labels.lead : role === 'participant' ? labels.participant : '')),
    String(d.leads),
    String(d.participates),
    String(d.leads + d.participates),
  ]);
  return [header, ...rows];
}

/**
 * RFC 4180 CSV with a UTF-8 byte-order mark and CRLF line ends: Excel on Chinese Windows reads a
 * BOM-less file as GBK and garbles every name.
 */
export function toCsv(rows: readonly (readonly string[])[]): Uint8Array {
  const text = rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

function csvField(value: string): string {
  // A leading = + - @ would run as a formula in Excel; names never start so, but task text may.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
