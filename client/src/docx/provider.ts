/**
 * Word documents shown as read-only plans under the `fengong-docx:` scheme. The language server
 * analyses them like any plan (diagnostics, outline, hover, matrix); the text is re-read when the
 * .docx changes on disk.
 */
import * as vscode from 'vscode';
import { DocxError } from '../../../server/src/io/docx';
import { DOCX_SCHEME } from '../../../server/src/protocol';
import { LANGUAGE_ID } from '../client';
import { docxPlanText } from './text';

/** fengong-docx:/path/plan.docx for file:///path/plan.docx; another file scheme rides in the query. */
export function toDocxUri(file: vscode.Uri): vscode.Uri {
  return file.with({ scheme: DOCX_SCHEME, query: file.scheme === 'file' ? '' : file.scheme });
}

export function fromDocxUri(uri: vscode.Uri): vscode.Uri {
  return uri.with({ scheme: uri.query || 'file', query: '' });
}

export class DocxPlans implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly watchers = new Map<string, vscode.Disposable>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    this.disposables.push(
      vscode.workspace.registerTextDocumentContentProvider(DOCX_SCHEME, this),
      // Editors restored after a reload come back without the language: give it again.
      vscode.workspace.onDidOpenTextDocument((d) => void this.asPlan(d)),
    );
    for (const d of vscode.workspace.textDocuments) void this.asPlan(d);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const file = fromDocxUri(uri);
    this.watch(uri, file);
    return docxPlanText(await vscode.workspace.fs.readFile(file));
  }

  /** Opens the .docx as a plan beside nothing else; says why not when it is no Word document. */
  async open(file: vscode.Uri): Promise<vscode.TextEditor | undefined> {
    try {
      await docxPlanText(await vscode.workspace.fs.readFile(file));
    } catch (e) {
      const reason = e instanceof DocxError ? e.message : e instanceof Error ? e.message : String(e);
      void vscode.window.showErrorMessage(vscode.l10n.t('"{0}" is not a readable Word document (.docx): {1}', file.path.split('/').pop() ?? file.path, reason));
      return undefined;
    }
    const document = await this.asPlan(await vscode.workspace.openTextDocument(toDocxUri(file)));
    return vscode.window.showTextDocument(document, { preview: false });
  }

  private async asPlan(document: vscode.TextDocument): Promise<vscode.TextDocument> {
    if (document.uri.scheme !== DOCX_SCHEME || document.languageId === LANGUAGE_ID) return document;
    return vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  }

  /** One watcher per Word file shown, kept while the extension runs (a language change closes and reopens the document). */
  private watch(uri: vscode.Uri, file: vscode.Uri): void {
    const key = uri.toString();
    if (this.watchers.has(key) || file.scheme !== 'file') return;
    const folder = vscode.Uri.joinPath(file, '..');
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, file.path.split('/').pop() ?? ''));
    const fire = () => this.changed.fire(uri);
    watcher.onDidChange(fire);
    watcher.onDidCreate(fire);
    this.watchers.set(key, watcher);
  }

  dispose(): void {
    for (const w of this.watchers.values()) w.dispose();
    this.watchers.clear();
    this.changed.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
