/** Server commands (protocol.ts Commands) as the one WorkspaceEdit each applies. */
import type { ApplyWorkspaceEditParams } from 'vscode-languageserver';
import { t } from '../messages';
import { Commands } from '../protocol';
import { renumberAction, replaceEverywhereEdits } from './codeActions';
import type { PlanDocument } from './common';

export function executeCommand(doc: PlanDocument, command: string, args: readonly unknown[]): ApplyWorkspaceEditParams | null {
  if (command === Commands.renumber) {
    // The same one edit as the source action.
    const a = renumberAction(doc);
    return a?.edit ? { label: a.title, edit: a.edit } : null;
  }
  if (command === Commands.replaceEverywhere) {
    const [, name, successor] = args;
    if (typeof name !== 'string' || typeof successor !== 'string' || successor.trim() === '') return null;
    const edits = replaceEverywhereEdits(doc.plan, name, successor.trim());
    if (edits.length === 0) return null;
    return { label: t('fix.replaceAll', doc.locale, { name, successor }), edit: { changes: { [doc.uri]: edits } } };
  }
  return null;
}
