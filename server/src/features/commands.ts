/** Server commands (protocol.ts Commands) as the one WorkspaceEdit each applies. */
import type { ApplyWorkspaceEditParams } from 'vscode-languageserver';
import { t } from '../messages';
import { renumberEdits } from '../model/renumber';
import { Commands } from '../protocol';
import { replaceEverywhereEdits } from './codeActions';
import type { PlanDocument } from './common';

export function executeCommand(doc: PlanDocument, command: string, args: readonly unknown[]): ApplyWorkspaceEditParams | null {
  if (command === Commands.renumber) {
    const edits = renumberEdits(doc.plan);
    if (edits.length === 0) return null;
    return { label: t('fix.renumber', doc.locale), edit: { changes: { [doc.uri]: edits.map((e) => ({ range: e.range, newText: e.newText })) } } };
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
