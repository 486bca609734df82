/**
 * Department mentions and cross-references as places: definition, references and highlights.
 * A department has no single declaration, so "definition" goes to its first mention as lead
 * (or first mention at all); references list leads first, then participants.
 */
import { DocumentHighlightKind, type DocumentHighlight, type Location } from 'vscode-languageserver';
import type { CrossReference, Plan, Task } from '../model/types';
import { referencedTaskIndex } from '../model/renumber';
import { mentionAt, mentionPlacesOf, type PlanDocument, type Position } from './common';

function crossReferenceAt(plan: Plan, offset: number): CrossReference | null {
  return plan.crossReferences.find((r) => r.span.start <= offset && offset <= r.span.end) ?? null;
}

/** The task a cross-reference points at (within its own section where numbering restarts). */
export function referencedTask(plan: Plan, ref: CrossReference): Task | null {
  const i = referencedTaskIndex(plan, ref.value, ref.span.start);
  return i === null ? null : plan.tasks[i];
}

export function definition(doc: PlanDocument, position: Position): Location[] {
  const { plan, uri } = doc;
  const offset = plan.lines.offsetAt(position);
  const ref = crossReferenceAt(plan, offset);
  if (ref) {
    const task = referencedTask(plan, ref);
    return task ? [{ uri, range: task.numberSpan.range }] : [];
  }
  const hit = mentionAt(plan, offset);
  if (!hit) return [];
  const all = mentionPlacesOf(plan, hit.mention.name);
  const first = all.find((m) => m.role === 'lead') ?? all[0];
  return first ? [{ uri, range: plan.lines.range(first.start, first.end) }] : [];
}

/** Every mention of the department under the cursor: where it leads first, then where it joins. */
export function references(doc: PlanDocument, position: Position, includeDeclaration: boolean): Location[] {
  const { plan, uri } = doc;
  const offset = plan.lines.offsetAt(position);
  const ref = crossReferenceAt(plan, offset);
  if (ref) {
    const task = referencedTask(plan, ref);
    if (!task) return [];
    const refs = plan.crossReferences.filter((r) => referencedTask(plan, r) === task).map((r) => ({ uri, range: r.span.range }));
    return includeDeclaration ? [{ uri, range: task.numberSpan.range }, ...refs] : refs;
  }
  const hit = mentionAt(plan, offset);
  if (!hit) return [];
  const all = mentionPlacesOf(plan, hit.mention.name);
  const ordered = [...all.filter((m) => m.role === 'lead'), ...all.filter((m) => m.role !== 'lead')];
  return ordered.map((m) => ({ uri, range: plan.lines.range(m.start, m.end) }));
}

/** Write = the department leads there, Read = it participates. */
export function documentHighlights(doc: PlanDocument, position: Position): DocumentHighlight[] {
  const { plan } = doc;
  const hit = mentionAt(plan, plan.lines.offsetAt(position));
  if (!hit) return [];
  return mentionPlacesOf(plan, hit.mention.name).map((m) => ({
    range: plan.lines.range(m.start, m.end),
    kind: m.role === 'lead' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}
