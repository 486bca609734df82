/** Outline (sections → sub-sections → tasks), folding, and workspace symbols by task or department. */
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange, type SymbolInformation } from 'vscode-languageserver';
import { digitsValue } from '../model/lexicon';
import { PlanTask } from '../model/parser';
import type { Plan, Section, Subsection, Task } from '../model/types';
import { taskKeys, taskLabel } from '../reviewer/matrix';
import { registryKey } from '../registry/registry';
import { PositionCursor, unique, type PlanDocument } from './common';

/**
 * The outline keeps every task (a 50,000-task plan has 50,000 task symbols: nothing is cut off).
 * To keep that cheap it is built in one pass in document order, with positions from a cursor
 * rather than from each span's cached range.
 */
export function documentSymbols(doc: PlanDocument): DocumentSymbol[] {
  const { plan } = doc;
  const at = new PositionCursor(plan);
  const taskSymbol = (task: Task): DocumentSymbol => {
    // A task's entry is its number, its label, its lead and its range in lines and characters: all
    // of them follow from its text and its first line. A reading is shared only by versions in which
    // the task's text is the same, so the entry made for it on the same line is this version's too.
    const own = task instanceof PlanTask ? task : null;
    // Kept as it is, no record around it: its range starts on the line it was made for.
    const kept = own?.outlined as DocumentSymbol | undefined;
    if (kept && kept.range.start.line === task.line) return kept;
    const start = at.position(task.spanStart);
    const numberEnd = at.position(task.numberEnd);
    const symbol: DocumentSymbol = {
      // Joined, not concatenated: join makes a flat string of its own, where a concatenation may keep
      // a slice of the text, which points into this version's whole text; the entry outlives the version.
      name: [task.number, '. ', taskLabel(plan, task) || '…'].join(''),
      kind: SymbolKind.Event,
      // The task starts at its number: one position for both starts, found in document order.
      range: { start, end: at.position(task.spanEnd) },
      selectionRange: { start, end: numberEnd },
    };
    const lead = leadNames(task);
    if (lead) symbol.detail = lead;
    if (own) own.outlined = symbol;
    return symbol;
  };
  const headingSymbol = (h: Section | Subsection): DocumentSymbol => ({
    name: headingName(h),
    kind: h.kind === 'section' ? SymbolKind.Namespace : SymbolKind.Module,
    range: at.range(h.extent),
    selectionRange: at.range(h.numeralSpan),
    children: [],
  });
  // Headings and tasks merged in document order: a section holds its sub-sections and the tasks
  // outside them; tasks before the first heading and orphan sub-sections stand at the top.
  const out: DocumentSymbol[] = [];
  const bySection = new Map<Section, DocumentSymbol>();
  const bySubsection = new Map<Subsection, DocumentSymbol>();
  const { sections, subsections, tasks } = plan;
  let si = 0;
  let ui = 0;
  let ti = 0;
  while (si < sections.length || ui < subsections.length || ti < tasks.length) {
    const s = sections[si]?.extent.start ?? Infinity;
    const u = subsections[ui]?.extent.start ?? Infinity;
    const t = tasks[ti]?.spanStart ?? Infinity;
    if (s <= u && s <= t) {
      const section = sections[si++];
      const symbol = headingSymbol(section);
      bySection.set(section, symbol);
      out.push(symbol);
    } else if (u <= t) {
      const sub = subsections[ui++];
      const symbol = headingSymbol(sub);
      bySubsection.set(sub, symbol);
      const parent = sub.section ? bySection.get(sub.section) : undefined;
      (parent?.children ?? out).push(symbol);
    } else {
      const task = tasks[ti++];
      const parent = task.subsection ? bySubsection.get(task.subsection) : task.section ? bySection.get(task.section) : undefined;
      (parent?.children ?? out).push(taskSymbol(task));
    }
  }
  return out;
}

/** The lead departments, each once, as the outline shows them beside the task. */
function leadNames(task: Task): string {
  // From the names, not task.lead: an outline of a long plan should not build a span per name.
  const lead: string[] = [];
  task.forEachName((role, name) => {
    if (role === 'lead') lead.push(name);
  });
  if (lead.length === 0) return '';
  if (lead.length === 1) return lead[0];
  return unique(lead).join('、');
}

function headingName(h: Section | Subsection): string {
  const numeral = h.kind === 'section' ? `${h.numeral}、` : `（${h.numeral}）`;
  return numeral + (h.title || '');
}

export function foldingRanges(doc: PlanDocument): FoldingRange[] {
  const { plan } = doc;
  const out: FoldingRange[] = [];
  const add = (startLine: number, endLine: number, kind?: FoldingRangeKind) => {
    if (endLine > startLine) out.push({ startLine, endLine, ...(kind ? { kind } : {}) });
  };
  const at = new PositionCursor(plan);
  for (const h of [...plan.sections, ...plan.subsections]) add(at.lineOf(h.extent.start), lastContentLine(plan, h.extent.end));
  for (const t of plan.tasks) add(at.lineOf(t.spanStart), at.lineOf(t.spanEnd));
  if (plan.title && plan.sections[0]) add(at.lineOf(plan.title.span.start), at.lineOf(plan.sections[0].extent.start) - 1, FoldingRangeKind.Region);
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
  const taskQuery = /^第?\s*([一二三四五六七八九十百零〇两]+[.．、]\s*)?(?:[（(]([一二三四五六七八九十]+)[）)][.．]?)?\s*([\d０-９]+)\s*[项条]?$/.exec(q);
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
        // By value: 12 finds a task written １２ too.
        match = task.value === digitsValue(taskQuery[3]) && (!section || task.section?.numeral === section) && (!taskQuery[2] || task.subsection?.numeral === taskQuery[2]);
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
      task.forEachName((_role, name, start, end) => {
        const k = registryKey(name);
        if (seen.has(k) || !k.includes(qk)) return;
        seen.add(k);
        out.push({ name, kind: SymbolKind.Class, location: { uri: doc.uri, range: plan.lines.range(start, end) }, containerName: container });
      });
    }
  }
  return out;
}
