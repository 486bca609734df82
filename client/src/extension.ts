/** Activation: starts the language client and registers the commands, one line each. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, DocxTextRequest, MatrixRequest, StatusRequest, TasksRequest, type Matrix } from '../../server/src/protocol';
import { createClient, LANGUAGE_ID } from './client';
import { checkWorkspace } from './commands/checkWorkspace';
import { compareWithDraft, DiffReports } from './commands/compare';
import { DocxPlans } from './docx/provider';
import { goToTask } from './commands/goToTask';
import { exportMatrix, type ExportFormat } from './matrix/export';
import { MatrixPanel } from './matrix/panel';
import { PlanStatusBar } from './statusBar';
import { planTemplate } from './template';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Fengong 分工');
  const languageClient = createClient(context, output);
  client = languageClient;
  const started = languageClient.start();
  const ready = async (): Promise<LanguageClient> => {
    await started;
    return languageClient;
  };
  const matrixOf = async (uri: vscode.Uri): Promise<Matrix | null> => {
    // The server answers for documents it has: a plan chosen in the explorer is opened (not shown) first.
    await vscode.workspace.openTextDocument(uri);
    return (await ready()).sendRequest(MatrixRequest, { uri: uri.toString() });
  };
  const statusBar = new PlanStatusBar(async (uri) => (await ready()).sendRequest(StatusRequest, { uri: uri.toString() }));

  const docxPlans = new DocxPlans(async (file) => (await ready()).sendRequest(DocxTextRequest, { uri: file.toString() }));
  const diffReports = new DiffReports();

  const command = (id: string, run: (...args: never[]) => unknown): vscode.Disposable => vscode.commands.registerCommand(id, run);
  context.subscriptions.push(
    output,
    statusBar,
    docxPlans,
    diffReports,
    command('fengong.goToTask', async (key?: string) => {
      const editor = planEditor();
      if (!editor) return undefined;
      const tasks = await (await ready()).sendRequest(TasksRequest, { uri: editor.document.uri.toString() });
      return (await goToTask(editor, tasks, typeof key === 'string' ? key : undefined))?.key;
    }),
    command('fengong.showMatrix', async (uri?: vscode.Uri) => {
      const target = planUri(uri);
      return target && MatrixPanel.show(context, { matrix: matrixOf }, target);
    }),
    command('fengong.exportMatrix', async (uri?: vscode.Uri, format?: ExportFormat, target?: vscode.Uri) => {
      const source = planUri(uri);
      const matrix = source && (await matrixOf(source));
      if (!matrix) return undefined;
      const chosen = format ?? (await pickFormat());
      return chosen && exportMatrix(matrix, chosen, target);
    }),
    command('fengong.renumber', async (uri?: vscode.Uri) => {
      const target = planUri(uri);
      await ready();
      return target && vscode.commands.executeCommand(Commands.renumber, target.toString());
    }),
    command('fengong.checkWorkspace', async () => checkWorkspace(await ready())),
    command('fengong.compareWithDraft', async (uri?: vscode.Uri, other?: vscode.Uri) => {
      const target = planUri(uri);
      return target && compareWithDraft(await ready(), diffReports, target, other instanceof vscode.Uri ? other : undefined);
    }),
    command('fengong.openWordDocument', async (uri?: vscode.Uri) => {
      const file = uri instanceof vscode.Uri ? uri : (await vscode.window.showOpenDialog({
        canSelectMany: false,
        filters: { [vscode.l10n.t('Word and Excel documents')]: ['docx', 'xlsx', 'csv'] },
        openLabel: vscode.l10n.t('Open as Plan'),
      }))?.[0];
      return file && docxPlans.open(file);
    }),
    command('fengong.newPlan', async () => {
      const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: planTemplate(new Date().getFullYear()) });
      return vscode.window.showTextDocument(document);
    }),
    command('fengong.switchLanguage', async (uri?: vscode.Uri) => {
      const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (!document) return undefined;
      const switched = await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
      if (uri instanceof vscode.Uri) await vscode.window.showTextDocument(switched);
      return switched.languageId;
    }),
    command('fengong.restartServer', async () => {
      await languageClient.restart();
      void statusBar.update();
    }),
  );

  try {
    await started;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    output.appendLine(message);
    void vscode.window.showErrorMessage(vscode.l10n.t('The Fengong language server could not start: {0}', message));
    return;
  }
  void statusBar.update();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** The active editor when it shows a plan; otherwise says why nothing happens. */
function planEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === LANGUAGE_ID) return editor;
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Open a division-of-labour plan first, or use "Switch to Fengong Language" on this file.'),
  );
  return undefined;
}

/** The plan a command is for: its argument (explorer, editor title) or the active editor. */
function planUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  return planEditor()?.document.uri;
}

async function pickFormat(): Promise<ExportFormat | undefined> {
  const items: (vscode.QuickPickItem & { format: ExportFormat })[] = [
    { label: vscode.l10n.t('Excel workbook (.xlsx)'), format: 'xlsx' },
    { label: vscode.l10n.t('CSV, UTF-8 with BOM (.csv)'), format: 'csv' },
  ];
  return (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Export the matrix as') }))?.format;
}
