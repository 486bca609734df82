/** Renaming a department: every fully written mention with the same normalised name, in every open plan. */
import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { mentionAt, mentionPlacesOf, sameName, type PlanDocument, type Position } from './common';

export function prepareRename(doc: PlanDocument, position: Position): { range: Range; placeholder: string } | null {
  const hit = mentionAt(doc.plan, doc.plan.lines.offsetAt(position));
  if (!hit || !sameName(hit.mention.written, hit.mention.name)) return null;
  return { range: hit.mention.span.range, placeholder: hit.mention.written };
}

export function rename(doc: PlanDocument, position: Position, newName: string, openDocs: readonly PlanDocument[]): WorkspaceEdit | null {
  const hit = mentionAt(doc.plan, doc.plan.lines.offsetAt(position));
  const name = newName.trim();
  if (!hit || name === '') return null;
  const changes: Record<string, TextEdit[]> = {};
  const all = openDocs.some((d) => d.uri === doc.uri) ? openDocs : [doc, ...openDocs];
  for (const d of all) {
    const edits = mentionPlacesOf(d.plan, hit.mention.name)
      .filter((m) => sameName(m.written, hit.mention.name))
      .map((m) => ({ range: d.plan.lines.range(m.start, m.end), newText: name }));
    if (edits.length) changes[d.uri] = edits;
  }
  return { changes };
}
