/**
 * Quick fixes attached to diagnostics, and the renumber source action. Each action is ONE
 * WorkspaceEdit (one undo step). Fixes read the problem again from the current analysis, so a
 * diagnostic from an older version never produces an edit at the wrong place.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { t } from '../messages';
import { renumberEdits } from '../model/renumber';
import type { Mention, Plan, Task } from '../model/types';
import type { Problem } from '../rules/types';
import { mentionPlacesOf, sameName, taskAt, type PlanDocument } from './common';
import { ruleCodeOf } from './diagnostics';

export const RENUMBER_KIND = `${CodeActionKind.Source}.renumber`;

function edit(uri: string, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [uri]: edits } };
}

function replace(plan: Plan, start: number, end: number, newText: string): TextEdit {
  return { range: plan.lines.range(start, end), newText };
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** The mention a problem points at, if it is written out in full (a shared prefix cannot be replaced alone). */
function mentionOf(plan: Plan, p: Problem): { task: Task; mention: Mention } | null {
  const task = p.task !== undefined ? plan.tasks[p.task] : undefined;
  const mention = task?.mentions.find((m) => m.span.start === p.span.start && m.span.end === p.span.end);
  return task && mention ? { task, mention } : null;
}

function writtenInFull(m: Mention): boolean {
  return sameName(m.written, m.name);
}

const PARTICIPANT_TAIL = /^(?:等部门|等单位|等)?(?:按职责分工负责|参加|配合|参与|协助|协办)?/;
const SEPARATORS = '、，,；;和及';

/** Deletes a name with the separator that joins it to its neighbours, or its whole role group if it is alone. */
export function removeMention(plan: Plan, task: Task, mention: Mention): TextEdit {
  const text = plan.text;
  const { start, end } = mention.span;
  const group = mention.role === 'lead' ? task.lead : task.participants;
  if (group.length > 1) {
    if (SEPARATORS.includes(text[end] ?? '') && group.some((m) => m.span.start > end)) return replace(plan, start, end + 1, '');
    if (SEPARATORS.includes(text[start - 1] ?? '')) return replace(plan, start - 1, end, '');
    return replace(plan, start, end, '');
  }
  const tail = PARTICIPANT_TAIL.exec(text.slice(end))?.[0] ?? '';
  if ('，,；;'.includes(text[start - 1] ?? '') && start > 0) return replace(plan, start - 1, end + tail.length, '');
  if ('，,；;'.includes(text[end + tail.length] ?? '')) return replace(plan, start, end + tail.length + 1, '');
  return replace(plan, start, end, '');
}

function eol(plan: Plan): string {
  return plan.text.includes('\r\n') ? '\r\n' : '\n';
}

/** Makes the first participant the lead: (A、B参加) → (A牵头，B参加); label forms get a 牵头单位 label. */
export function promoteEdits(plan: Plan, task: Task): { name: string; edits: TextEdit[] } | null {
  const clause = task.clause;
  const first = task.participants[0];
  if (!clause || !first) return null;
  const text = plan.text;
  const { end } = first.span;
  if (clause.form === 'table') {
    // The row's lead cell, when its table has one and it is empty: the name moves there. Otherwise
    // the name is marked where it stands (省农业农村厅牵头，省数据局), as in a bracket.
    const at = clause.insertAt;
    const line = plan.lines.positionAt(at).line;
    const isEdge = (c: string) => c === '\t' || c === '|';
    let a = at;
    while (a > plan.lines.lineStarts[line] && !isEdge(text[a - 1])) a--;
    let b = at;
    while (b < plan.lines.lineEnd(line) && !isEdge(text[b])) b++;
    if (at < first.span.start && text.slice(a, b).trim() === '') {
      // A Markdown cell keeps its spaces: | 省农业农村厅 |.
      const filled = text[b] === '|' ? ` ${first.name} ` : first.name;
      return { name: first.name, edits: [replace(plan, a, b, filled), removeMention(plan, task, first)] };
    }
  }
  if (clause.form === 'paren' || clause.form === 'bracket' || clause.form === 'table') {
    const more = task.participants.some((m) => m.span.start > end);
    if (more && SEPARATORS.includes(text[end])) return { name: first.name, edits: [replace(plan, end, end + 1, '牵头，')] };
    const tail = /^(?:等部门|等单位|等)?/.exec(text.slice(end))?.[0] ?? '';
    const verb = /^(?:按职责分工负责|参加|配合|参与|协助|协办)/.exec(text.slice(end + tail.length))?.[0];
    if (!more && verb) return { name: first.name, edits: [replace(plan, end + tail.length, end + tail.length + verb.length, '牵头')] };
    return { name: first.name, edits: [replace(plan, end, end, more ? '牵头，' : '牵头')] };
  }
  const line = plan.lines.positionAt(first.span.start).line;
  const lineText = plan.lines.lineText(line);
  const label = /([\u4e00-\u9fa5]{2,4})[ \t\u3000]*[：:]/.exec(lineText);
  if (task.participants.length === 1 && label && clause.form === 'labels') {
    const at = plan.lines.lineStarts[line] + label.index;
    return { name: first.name, edits: [replace(plan, at, at + label[1].length, '牵头单位')] };
  }
  const remove = removeMention(plan, task, first);
  if (clause.form === 'labels') {
    const clauseLine = plan.lines.positionAt(clause.span.start).line;
    const lineStart = plan.lines.lineStarts[clauseLine];
    const indent = /^[\s\u3000]*/.exec(plan.lines.lineText(clauseLine))?.[0] ?? '';
    return { name: first.name, edits: [replace(plan, lineStart, lineStart, `${indent}牵头单位：${first.name}${eol(plan)}`), remove] };
  }
  return { name: first.name, edits: [replace(plan, clause.span.start, clause.span.start, `牵头单位：${first.name}；`), remove] };
}

/** Every fully written mention of `name` in the plan replaced by `successor`. */
export function replaceEverywhereEdits(plan: Plan, name: string, successor: string): TextEdit[] {
  // Written in full: the mention's own text says the name (sameName by key, as each place's name does).
  return mentionPlacesOf(plan, name)
    .filter((m) => sameName(m.written, name))
    .map((m) => replace(plan, m.start, m.end, successor));
}

export function renumberAction(doc: PlanDocument, diagnostics: Diagnostic[] = [], preferred = false): CodeAction | null {
  const edits = renumberEdits(doc.plan);
  if (edits.length === 0) return null;
  return {
    title: t('fix.renumber', doc.locale),
    kind: diagnostics.length ? CodeActionKind.QuickFix : RENUMBER_KIND,
    diagnostics: diagnostics.length ? diagnostics : undefined,
    isPreferred: preferred || undefined,
    edit: edit(doc.uri, edits.map((e) => ({ range: e.range, newText: e.newText }))),
  };
}

/** The closer of each opening bracket the parser pairs. */
const CLOSERS: Readonly<Record<string, string>> = { '（': '）', '(': ')', '【': '】', '[': ']', '〔': '〕' };

function fixesFor(doc: PlanDocument, d: Diagnostic, p: Problem): CodeAction[] {
  const { plan, uri, locale } = doc;
  const out: CodeAction[] = [];
  const quickFix = (title: string, edits: TextEdit[], isPreferred: boolean): CodeAction => ({
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    isPreferred: isPreferred || undefined,
    edit: edit(uri, edits),
  });
  const hit = mentionOf(plan, p);
  const at = (name: string) => [replace(plan, p.span.start, p.span.end, name)];
  switch (p.code) {
    case 'unknown-department': {
      const s = p.data?.suggestions ?? [];
      if (hit && writtenInFull(hit.mention)) for (const name of s) out.push(quickFix(t('fix.replace', locale, { name }), at(name), s.length === 1));
      break;
    }
    case 'outdated-department': {
      const s = p.data?.successors ?? [];
      if (!hit || !writtenInFull(hit.mention)) break;
      for (const name of s) out.push(quickFix(t('fix.replace', locale, { name }), at(name), s.length === 1));
      if (s.length === 1 && mentionPlacesOf(plan, hit.mention.name).length > 1) {
        out.push(quickFix(t('fix.replaceAll', locale, { name: hit.mention.name, successor: s[0] }), replaceEverywhereEdits(plan, hit.mention.name, s[0]), false));
      }
      break;
    }
    case 'alias-department':
      if (p.data?.preferred && hit && writtenInFull(hit.mention)) out.push(quickFix(t('fix.replace', locale, { name: p.data.preferred }), at(p.data.preferred), true));
      break;
    case 'missing-separator': {
      const task = p.task !== undefined ? plan.tasks[p.task] : undefined;
      const separator = p.data?.separator ?? '.';
      if (task) {
        const fix = replace(plan, task.numberSpan.end, Math.max(task.numberSpan.end, task.bodySpan.start), separator);
        out.push(quickFix(t('fix.separator', locale, { task: task.number, separator }), [fix], true));
      }
      break;
    }
    case 'no-lead': {
      const task = p.task !== undefined ? plan.tasks[p.task] : undefined;
      const promoted = task ? promoteEdits(plan, task) : null;
      if (promoted) out.push(quickFix(t('fix.promote', locale, { name: promoted.name }), promoted.edits, true));
      break;
    }
    case 'duplicate-department':
    case 'lead-also-participant':
      if (hit) {
        const key = p.code === 'duplicate-department' ? 'fix.remove' : 'fix.removeParticipant';
        out.push(quickFix(t(key, locale, { name: hit.mention.name }), [removeMention(plan, hit.task, hit.mention)], true));
      }
      break;
    case 'unbalanced-bracket': {
      // A clause missing its closer (an opener that starts the task's clause, which then runs to its
      // end) is closed there; any other stray bracket is removed.
      const char = plan.text.slice(p.span.start, p.span.end);
      const clause = taskAt(plan, p.span.start)?.clause;
      const closer = CLOSERS[char];
      if (closer && clause?.span.start === p.span.start) {
        out.push(quickFix(t('fix.closeBracket', locale, { char: closer }), [replace(plan, clause.span.end, clause.span.end, closer)], true));
      } else out.push(quickFix(t('fix.deleteBracket', locale, { char }), [replace(plan, p.span.start, p.span.end, '')], true));
      break;
    }
    case 'numbering-gap':
    case 'duplicate-number': {
      const a = renumberAction(doc, [d], true);
      if (a) out.push(a);
      break;
    }
    default:
      break;
  }
  return out;
}

export function codeActions(doc: PlanDocument, diagnostics: readonly Diagnostic[], only?: readonly string[]): CodeAction[] {
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const out: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const d of diagnostics) {
      const code = ruleCodeOf(d);
      if (!code) continue;
      const p = doc.problems.find((x) => x.code === code && sameRange(x.span.range, d.range));
      if (p) out.push(...fixesFor(doc, d, p));
    }
  }
  if (wants(RENUMBER_KIND)) {
    const a = renumberAction(doc);
    if (a) out.push(a);
  }
  return out;
}
