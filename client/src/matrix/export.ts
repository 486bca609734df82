/** Saving the matrix as CSV (UTF-8 with BOM) or Excel, through a save dialog unless given a target. */
import * as vscode from 'vscode';
import type { Matrix } from '../../../server/src/protocol';
import { matrixRows, toCsv, type MatrixLabels } from './table';
import { toXlsx } from './xlsx';

export type ExportFormat = 'csv' | 'xlsx';

export function exportLabels(): MatrixLabels {
  const t = vscode.l10n.t;
  return {
    department: t('Department'),
    fullName: t('Full name'),
    leads: t('Leads'),
    participates: t('Joins'),
    total: t('Total'),
    lead: t('Lead'),
    participant: t('Participant'),
  };
}

export async function matrixBytes(matrix: Matrix, format: ExportFormat): Promise<Uint8Array> {
  const labels = exportLabels();
  if (format === 'csv') return toCsv(matrixRows(matrix, labels));
  const t = vscode.l10n.t;
  return toXlsx(matrix, labels, {
    sheetMatrix: t('Responsibility Matrix'),
    sheetTasks: t('Tasks'),
    task: t('Task'),
    section: t('Section'),
    text: t('Task text'),
    lead: t('Lead'),
    participants: t('Participants'),
  });
}

/** Returns the file written, or undefined when the user cancelled the dialog. */
export async function exportMatrix(matrix: Matrix, format: ExportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const destination = target ?? (await askDestination(matrix, format));
  if (!destination) return undefined;
  await vscode.workspace.fs.writeFile(destination, await matrixBytes(matrix, format));
  if (!target) {
    const open = vscode.l10n.t('Open Folder');
    void vscode.window
      .showInformationMessage(vscode.l10n.t('Matrix saved to {0}', destination.fsPath), open)
      .then((choice) => choice === open && vscode.commands.executeCommand('revealFileInOS', destination));
  }
  return destination;
}

async function askDestination(matrix: Matrix, format: ExportFormat): Promise<vscode.Uri | undefined> {
  const source = vscode.Uri.parse(matrix.uri);
  const base = (source.path.split('/').pop() ?? 'plan').replace(/\.[^.]*$/, '') || 'plan';
  const name = `${base}-${vscode.l10n.t('matrix')}.${format}`;
  const folder = source.scheme === 'file' ? vscode.Uri.joinPath(source, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: format === 'csv' ? { [vscode.l10n.t('CSV (UTF-8)')]: ['csv'] } : { [vscode.l10n.t('Excel workbook')]: ['xlsx'] },
    saveLabel: vscode.l10n.t('Export'),
  });
}
