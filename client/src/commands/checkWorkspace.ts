import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CheckWorkspaceRequest, type CheckWorkspaceResult } from '../../../server/src/protocol';

/** Checks every plan in the workspace; the server publishes the results to the Problems panel. */
export async function checkWorkspace(client: LanguageClient): Promise<CheckWorkspaceResult | undefined> {
  const folders = vscode.workspace.workspaceFolders;
  if (!folders?.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder to check the plans in it.'));
    return undefined;
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking plans in the workspace…'), cancellable: true },
    async (_progress, token) => {
      try {
        return await client.sendRequest(CheckWorkspaceRequest, { folders: folders.map((f) => f.uri.toString()) }, token);
      } catch (err) {
        if (token.isCancellationRequested) return { files: 0, problems: 0, cancelled: true };
        throw err;
      }
    },
  );
  if (result.cancelled) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Workspace check cancelled.'));
    return result;
  }
  const show = vscode.l10n.t('Show Problems');
  void vscode.window
    .showInformationMessage(vscode.l10n.t('Checked {0} plan files: {1} problems.', result.files, result.problems), show)
    .then((choice) => choice === show && vscode.commands.executeCommand('workbench.actions.view.problems'));
  return result;
}
