/**
 * Word documents (and Excel workbooks) shown as read-only plans under the `fengong-docx:` scheme.
 * The language server reads the file (fengong/docxText: the same reader as `fengong check`, one
 * line per paragraph of a .docx, one per row of a .xlsx) and analyses the document like any plan:
 * diagnostics, outline, hover, matrix. The text is read again when the file changes on disk.
 */
import * as vscode from 'vscode';
import { DOCX_SCHEME } from '../../../server/src/protocol';
import { LANGUAGE_ID } from '../client';

/** fengong-docx:/path/plan.docx for file:///path/plan.docx; another file scheme rides in the query. */
export function toDocxUri(file: vscode.Uri): vscode.Uri {
  return file.with({ scheme: DOCX_SCHEME, query: file.scheme === 'file' ? '' : file.scheme });
}

export function fromDocxUri(uri: vscode.Uri): vscode.Uri {
  return uri.with({ scheme: uri.query || 'file', query: '' });
}

export type WordReader = (file: vscode.Uri) => Promise<{ readonly text: string } | { readonly error: string }>;

export class DocxPlans implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly watchers = new Map<string, vscode.Disposable>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly read: WordReader) {
    this.disposables.push(
      vscode.workspace.registerTextDocumentContentProvider(DOCX_SCHEME, this),
      // Editors restored after a reload come back without the language: give it again.
      vscode.workspace.onDidOpenTextDocument((d) => void this.asPlan(d)),
    );
    for (const d of vscode.workspace.textDocuments) void this.asPlan(d);
  }

  /** Text open() has just read, for the provider call that opening makes (one read per open, not two). */
  private readonly justRead = new Map<string, string>();

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const file = fromDocxUri(uri);
    this.watch(uri, file);
    const ready = this.justRead.get(uri.toString());
    if (ready !== undefined) return ready;
    const read = await this.read(file);
    if ('error' in read) throw new Error(read.error);
    return read.text;
  }

  /** Opens the .docx as a plan; says why not when it is no readable Word document. */
  async open(file: vscode.Uri): Promise<vscode.TextEditor | undefined> {
    const read = await this.read(file);
    if ('error' in read) {
      void vscode.window.showErrorMessage(read.error);
      return undefined;
    }
    const uri = toDocxUri(file);
    this.justRead.set(uri.toString(), read.text);
    try {
      const document = await this.asPlan(await vscode.workspace.openTextDocument(uri));
      return await vscode.window.showTextDocument(document, { preview: false });
    } finally {
      // Later reads (the file changed on disk) go to the file again.
      this.justRead.delete(uri.toString());
    }
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
