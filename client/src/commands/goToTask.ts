import * as vscode from 'vscode';
import type { TaskInfo } from '../../../server/src/protocol';
import { toRange } from '../ranges';

interface TaskItem extends vscode.QuickPickItem {
  readonly task: TaskInfo;
}

/**
 * Picks a task by number or words and moves there, previewing as the selection moves (like Go to
 * Symbol). With a task key as argument (e.g. "12" or "三.4") it jumps without asking.
 */
export async function goToTask(
  editor: vscode.TextEditor,
  tasks: readonly TaskInfo[],
  key?: string,
): Promise<TaskInfo | undefined> {
  if (key !== undefined) {
    const task = tasks.find((t) => t.key === key);
    if (task) reveal(editor, task);
    return task;
  }
  if (tasks.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This plan has no numbered tasks yet.'));
    return undefined;
  }
  const items: TaskItem[] = tasks.map((task) => ({
    task,
    label: `${task.key}  ${task.label}`,
    description: task.lead.length
      ? vscode.l10n.t('Lead: {0}', task.lead.join('、'))
      : vscode.l10n.t('No lead department'),
    detail: [task.section, task.subsection].filter(Boolean).join(' › ') || undefined,
  }));
  const original = editor.selection;
  const pick = vscode.window.createQuickPick<TaskItem>();
  pick.items = items;
  pick.placeholder = vscode.l10n.t('Type a task number or words from the task');
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  const chosen = await new Promise<TaskInfo | undefined>((resolve) => {
    pick.onDidChangeActive(([item]) => item && editor.revealRange(toRange(item.task.range), vscode.TextEditorRevealType.InCenter));
    pick.onDidAccept(() => resolve(pick.selectedItems[0]?.task));
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  if (chosen) reveal(editor, chosen);
  else editor.revealRange(original, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return chosen;
}

function reveal(editor: vscode.TextEditor, task: TaskInfo): void {
  const at = toRange(task.selectionRange);
  editor.selection = new vscode.Selection(at.start, at.start);
  editor.revealRange(toRange(task.range), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
