/** Outline (sections → sub-sections → tasks), folding, and workspace symbols by task or department. */
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange, type SymbolInformation } from 'vscode-languageserver';
import type { Plan, Section, Subsection, Task } from '../model/types';
import { taskKeys, taskLabel } from '../reviewer/matrix';
import { registryKey } from '../registry/registry';
import { unique, type PlanDocument } from './common';

function taskSymbol(plan: Plan, task: Task): DocumentSymbol {
  const lead = unique(task.lead.map((m) => m.name)).join('、');
  return {
    name: `${task.number}. ${taskLabel(plan, task) || '…'}`,
    detail: lead,
    kind: SymbolKind.Event,
    range: task.span.range,
    selectionRange: task.numberSpan.range,
  };
}

function headingName(h: Section | Subsection): string {
  const numeral = h.kind === 'section' ? `${h.numeral}、` : `（${h.numeral}）`;
  return numeral + (h.title || '');
}

export function documentSymbols(doc: PlanDocument): DocumentSymbol[] {
  const { plan } = doc;
  const out: DocumentSymbol[] = [];
  const subsectionSymbol = (s: Subsection): DocumentSymbol => ({
    name: headingName(s),
    kind: SymbolKind.Module,
    range: s.extent.range,
    selectionRange: s.numeralSpan.range,
    children: s.tasks.map((t) => taskSymbol(plan, t)),
  });
  // Top-level items in document order: tasks before the first heading, sections, orphan sub-sections.
  const items: { start: number; symbol: DocumentSymbol }[] = [];
  for (const t of plan.tasks) if (!t.section && !t.subsection) items.push({ start: t.span.start, symbol: taskSymbol(plan, t) });
  for (const s of plan.subsections) if (!s.section) items.push({ start: s.extent.start, symbol: subsectionSymbol(s) });
  for (const s of plan.sections) {
    const children: { start: number; symbol: DocumentSymbol }[] = [];
    for (const t of s.tasks) if (!t.subsection) children.push({ start: t.span.start, symbol: taskSymbol(plan, t) });
    for (const sub of s.subsections) children.push({ start: sub.extent.start, symbol: subsectionSymbol(sub) });
    children.sort((a, b) => a.start - b.start);
    items.push({
      start: s.extent.start,
      symbol: { name: headingName(s), kind: SymbolKind.Namespace, range: s.extent.range, selectionRange: s.numeralSpan.range, children: children.map((c) => c.symbol) },
    });
  }
  items.sort((a, b) => a.start - b.start);
  for (const i of items) out.push(i.symbol);
  return out;
}

export function foldingRanges(doc: PlanDocument): FoldingRange[] {
  const { plan } = doc;
  const out: FoldingRange[] = [];
  const add = (startLine: number, endLine: number, kind?: FoldingRangeKind) => {
    if (endLine > startLine) out.push({ startLine, endLine, ...(kind ? { kind } : {}) });
  };
  for (const h of [...plan.sections, ...plan.subsections]) add(h.extent.range.start.line, lastContentLine(plan, h.extent.end));
  for (const t of plan.tasks) add(t.span.range.start.line, t.span.range.end.line);
  if (plan.title && plan.sections[0]) add(plan.title.span.range.start.line, plan.sections[0].extent.range.start.line - 1, FoldingRangeKind.Region);
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

/** A heading's extent may end on trailing blank lines; the fold should stop at the last words. */
function lastContentLine(plan: Plan, endOffset: number): number {
  let line = plan.lines.positionAt(endOffset).line;
  while (line > 0 && plan.lines.lineText(line).trim() === '') line--;
  return line;
}

/**
 * "12", "第12项", "三.4" (numbering restarting per section) find tasks; any other query finds
 * departments whose name contains it. Empty query: every task.
 */
export function workspaceSymbols(docs: readonly PlanDocument[], query: string): SymbolInformation[] {
  const q = query.trim();
  const taskQuery = /^第?\s*([一二三四五六七八九十百零〇两]+[.．、]\s*)?(?:[（(]([一二三四五六七八九十]+)[）)][.．]?)?\s*(\d+)\s*[项条]?$/.exec(q);
  const out: SymbolInformation[] = [];
  for (const doc of docs) {
    const { plan } = doc;
    const keys = taskKeys(plan);
    const container = plan.title?.text ?? undefined;
    plan.tasks.forEach((task, i) => {
      const key = keys[i];
      let match = q === '';
      if (taskQuery) {
        const section = taskQuery[1]?.replace(/[.．、\s]/g, '');
        const number = String(Number(taskQuery[3]));
        match = task.number === number && (!section || task.section?.numeral === section) && (!taskQuery[2] || task.subsection?.numeral === taskQuery[2]);
      } else if (q !== '') match = key === q;
      if (match) {
        out.push({
          name: `${key} ${taskLabel(plan, task)}`,
          kind: SymbolKind.Event,
          location: { uri: doc.uri, range: task.numberSpan.range },
          containerName: container,
        });
      }
    });
    if (taskQuery || q === '') continue;
    const qk = registryKey(q);
    const seen = new Set<string>();
    for (const task of plan.tasks) {
      for (const m of task.mentions) {
        const k = registryKey(m.name);
        if (seen.has(k) || !k.includes(qk)) continue;
        seen.add(k);
        out.push({ name: m.name, kind: SymbolKind.Class, location: { uri: doc.uri, range: m.span.range }, containerName: container });
      }
    }
  }
  return out;
}
