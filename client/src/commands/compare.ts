/**
 * "Compare with Another Draft…": the server diffs the plan against a draft the user picks
 * (fengong/diff, so registry settings apply); the report opens read-only beside the plan.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DiffRequest, DOCX_SCHEME } from '../../../server/src/protocol';
import { diffMarkdown } from '../compare/markdown';
import { fromDocxUri } from '../docx/provider';

export const DIFF_SCHEME = 'fengong-diff';

/** Holds each report's text; reports are keyed by the pair of drafts, so comparing again updates the same tab. */
export class DiffReports implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(DIFF_SCHEME, this);

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  set(uri: vscode.Uri, text: string): void {
    const had = this.texts.has(uri.toString());
    this.texts.set(uri.toString(), text);
    if (had) this.changed.fire(uri);
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}

/** Returns the report document, or undefined when the user cancelled or the draft could not be read. */
export async function compareWithDraft(
  client: LanguageClient,
  reports: DiffReports,
  plan: vscode.Uri,
  other?: vscode.Uri,
): Promise<vscode.TextDocument | undefined> {
  const chosen = other ?? (await pickDraft(plan));
  if (!chosen) return undefined;
  const answer = await client.sendRequest(DiffRequest, { uri: plan.toString(), otherUri: chosen.toString() });
  if (!answer) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a division-of-labour plan first, or use "Switch to Fengong Language" on this file.'));
    return undefined;
  }
  if ('error' in answer) {
    void vscode.window.showErrorMessage(answer.error);
    return undefined;
  }
  const uri = reportUri(plan, chosen);
  reports.set(uri, diffMarkdown(answer, { old: displayName(chosen), new: displayName(plan) }));
  let document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== 'markdown') document = await vscode.languages.setTextDocumentLanguage(document, 'markdown');
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  return document;
}

async function pickDraft(plan: vscode.Uri): Promise<vscode.Uri | undefined> {
  const file = plan.scheme === DOCX_SCHEME ? fromDocxUri(plan) : plan;
  const folder = file.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(file, '..');
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    defaultUri: folder,
    openLabel: vscode.l10n.t('Compare'),
    title: vscode.l10n.t('Choose the earlier draft to compare with'),
    filters: { [vscode.l10n.t('Plans, Word and Excel documents')]: ['fgfa', 'txt', 'md', 'docx', 'xlsx', 'csv'], [vscode.l10n.t('All files')]: ['*'] },
  });
  return picked?.[0];
}

function displayName(uri: vscode.Uri): string {
  const file = uri.scheme === DOCX_SCHEME ? fromDocxUri(uri) : uri;
  return file.scheme === 'file' ? file.fsPath : file.toString(true);
}

function reportUri(plan: vscode.Uri, other: vscode.Uri): vscode.Uri {
  const base = (u: vscode.Uri) => u.path.split('/').pop() || u.toString();
  return vscode.Uri.from({
    scheme: DIFF_SCHEME,
    path: `/${base(other)} ↔ ${base(plan)}`,
    query: new URLSearchParams({ plan: plan.toString(), other: other.toString() }).toString(),
  });
}
