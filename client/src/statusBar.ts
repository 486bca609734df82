/** Task counts of the active plan in the status bar, refreshed whenever its diagnostics change. */
import * as vscode from 'vscode';
import type { PlanStatus } from '../../server/src/protocol';
import { LANGUAGE_ID } from './client';

export class PlanStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('fengong.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];
  /** Answers to older requests are dropped: only the latest one may paint. */
  private generation = 0;

  constructor(private readonly fetch: (uri: vscode.Uri) => Promise<PlanStatus | null>) {
    this.item.name = vscode.l10n.t('Fengong Plan Status');
    this.item.command = 'fengong.goToTask';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) void this.update();
      }),
      vscode.workspace.onDidOpenTextDocument((d) => {
        // Switching a document's language re-opens it; the editor stays the same.
        if (d === vscode.window.activeTextEditor?.document) void this.update();
      }),
    );
  }

  async update(): Promise<void> {
    const generation = ++this.generation;
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== LANGUAGE_ID) {
      this.item.hide();
      return;
    }
    let status: PlanStatus | null = null;
    try {
      status = await this.fetch(document.uri);
    } catch {
      // The server is restarting or the document just closed: keep the last counts.
      return;
    }
    if (generation !== this.generation) return;
    if (!status) {
      this.item.hide();
      return;
    }
    const t = vscode.l10n.t;
    this.item.text = status.withoutLead
      ? `$(checklist) ${t('{0} tasks', status.tasks)} · $(warning) ${t('{0} without lead', status.withoutLead)}`
      : `$(checklist) ${t('{0} tasks', status.tasks)}`;
    this.item.tooltip = [
      t('{0} tasks, {1} without a lead department', status.tasks, status.withoutLead),
      t('{0} errors, {1} warnings', status.errors, status.warnings),
      t('Click to go to a task'),
    ].join('\n');
    this.item.backgroundColor = status.withoutLead ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
