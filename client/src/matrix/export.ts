/** Saving the matrix as CSV (UTF-8 with BOM) or Excel, through a save dialog unless given a target. */
import * as vscode from 'vscode';
import { DOCX_SCHEME, type Matrix } from '../../../server/src/protocol';
import { fromDocxUri } from '../docx/provider';
import { planLocale } from '../locale';
import { matrixBytes, type ExportFormat } from './bytes';

export type { ExportFormat } from './bytes';

/** Returns the file written, or undefined when the user cancelled the dialog. */
export async function exportMatrix(matrix: Matrix, format: ExportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const destination = target ?? (await askDestination(matrix, format));
  if (!destination) return undefined;
  const source = vscode.Uri.parse(matrix.uri);
  await vscode.workspace.fs.writeFile(destination, await matrixBytes(matrix, format, planLocale(source)));
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
  // A Word document shown as a plan saves beside the .docx.
  const file = source.scheme === DOCX_SCHEME ? fromDocxUri(source) : source;
  const folder = file.scheme === 'file' ? vscode.Uri.joinPath(file, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: format === 'csv' ? { [vscode.l10n.t('CSV (UTF-8)')]: ['csv'] } : { [vscode.l10n.t('Excel workbook')]: ['xlsx'] },
    saveLabel: vscode.l10n.t('Export'),
  });
}
