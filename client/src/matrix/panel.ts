/** The responsibility-matrix webview: one panel, following the plan it was opened for. */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { Matrix } from '../../../server/src/protocol';
import { matrixPage, makeNonce } from './html';
import { isFromPage, type ToPage, type ViewLabels } from './messages';
import { exportMatrix, type ExportFormat } from './export';
import { toRange } from '../ranges';

export interface MatrixSource {
  matrix(uri: vscode.Uri): Promise<Matrix | null>;
}

/** What the page reported after drawing: lets callers (and the end-to-end tests) see it rendered. */
export interface RenderedMatrix {
  readonly departments: number;
  readonly tasks: number;
  readonly cells: number;
  readonly rowWidth: number;
}

export class MatrixPanel implements vscode.Disposable {
  private static current: MatrixPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private matrix: Matrix | null = null;
  private rendered: ((r: RenderedMatrix) => void)[] = [];
  private refreshTimer: NodeJS.Timeout | undefined;

  /** Opens (or re-targets) the panel and resolves once the page has drawn the matrix. */
  static async show(context: vscode.ExtensionContext, source: MatrixSource, uri: vscode.Uri): Promise<RenderedMatrix> {
    let panel = MatrixPanel.current;
    if (panel) {
      panel.uri = uri;
      panel.webview.reveal(undefined, true);
    } else {
      panel = new MatrixPanel(context, source, uri);
      MatrixPanel.current = panel;
    }
    const drawn = new Promise<RenderedMatrix>((resolve) => panel.rendered.push(resolve));
    await panel.refresh();
    return drawn;
  }

  private readonly webview: vscode.WebviewPanel;

  private constructor(
    context: vscode.ExtensionContext,
    private readonly source: MatrixSource,
    private uri: vscode.Uri,
  ) {
    const media = vscode.Uri.joinPath(context.extensionUri, 'client', 'media');
    this.webview = vscode.window.createWebviewPanel(
      'fengong.matrix',
      vscode.l10n.t('Responsibility Matrix'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [media] },
    );
    const w = this.webview.webview;
    w.html = matrixPage({
      cspSource: w.cspSource,
      nonce: makeNonce((n) => randomBytes(n)),
      scriptUri: w.asWebviewUri(vscode.Uri.joinPath(media, 'matrix.js')).toString(),
      styleUri: w.asWebviewUri(vscode.Uri.joinPath(media, 'matrix.css')).toString(),
      lang: vscode.env.language,
      strings: {
        title: vscode.l10n.t('Responsibility Matrix'),
        filter: vscode.l10n.t('Filter departments'),
        filterPlaceholder: vscode.l10n.t('Department name'),
        exportCsv: vscode.l10n.t('Export CSV'),
        exportXlsx: vscode.l10n.t('Export Excel'),
        loading: vscode.l10n.t('Loading…'),
      },
    });
    this.disposables.push(
      this.webview.onDidDispose(() => this.dispose()),
      w.onDidReceiveMessage((m: unknown) => void this.onMessage(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === this.uri.toString()) this.scheduleRefresh();
      }),
    );
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), 400);
  }

  private async refresh(): Promise<void> {
    // No answer (not a plan the server reads): the page shows an empty matrix rather than waiting.
    this.matrix = (await this.source.matrix(this.uri)) ?? { uri: this.uri.toString(), title: null, tasks: [], departments: [], cells: [] };
    this.webview.title = this.matrix?.title
      ? vscode.l10n.t('Matrix: {0}', this.matrix.title)
      : vscode.l10n.t('Responsibility Matrix');
    this.post();
  }

  private post(): void {
    if (!this.matrix) return;
    const message: ToPage = { type: 'show', matrix: this.matrix, labels: viewLabels() };
    void this.webview.webview.postMessage(message);
  }

  private async onMessage(m: unknown): Promise<void> {
    if (!isFromPage(m)) return;
    switch (m.type) {
      case 'ready':
        // The page is (re)loaded, e.g. after the panel was hidden: give it the data again.
        this.post();
        return;
      case 'rendered': {
        const waiting = this.rendered;
        this.rendered = [];
        for (const resolve of waiting) resolve({ departments: m.departments, tasks: m.tasks, cells: m.cells, rowWidth: m.rowWidth });
        return;
      }
      case 'reveal':
        await this.reveal(m.task);
        return;
      case 'export':
        if (this.matrix) await exportMatrix(this.matrix, m.format as ExportFormat);
        return;
    }
  }

  private async reveal(index: number): Promise<void> {
    const task = this.matrix?.tasks[index];
    if (!task) return;
    const open = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
    const editor = await vscode.window.showTextDocument(this.uri, {
      viewColumn: open?.viewColumn ?? vscode.ViewColumn.One,
      selection: toRange(task.selectionRange),
    });
    editor.revealRange(toRange(task.range), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    if (MatrixPanel.current === this) MatrixPanel.current = undefined;
    clearTimeout(this.refreshTimer);
    this.webview.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function viewLabels(): ViewLabels {
  const t = vscode.l10n.t;
  return {
    department: t('Department'),
    leads: t('Leads'),
    participates: t('Joins'),
    total: t('Total'),
    leadMark: t('L'),
    participantMark: t('P'),
    leadTitle: t('Lead'),
    participantTitle: t('Participant'),
    perTask: t('Departments per task'),
    // The page fills the numbers in as the filter changes, so keep them as named placeholders.
    summary: t('{0} tasks · {1} departments', '{tasks}', '{departments}'),
    noTasks: t('This plan has no numbered tasks yet.'),
    noMatch: t('No department matches the filter.'),
  };
}
